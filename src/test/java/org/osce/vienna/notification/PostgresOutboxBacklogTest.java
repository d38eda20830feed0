package org.osce.vienna.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osce.vienna.support.QueryPlans.indexesOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.support.PostgresApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A long backlog behind a long history, as after an outage of the mail server or the notices of many cases at once,
 * on PostgreSQL with the statistics its autovacuum gathers: the read of what is due goes straight to the oldest
 * waiting notices, past none of those already sent.
 */
@PostgresApplicationTest
class PostgresOutboxBacklogTest {

  private static final String REFERENCE = "VM-BACKLOG-1";
  private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  private JdbcTemplate jdbc;
  @Autowired
  private NotificationOutbox outbox;
  @Autowired
  private CaseRecords cases;
  @Autowired
  private TransactionTemplate transactions;

  @Test
  void theOldestWaitingNoticesAreFoundWithoutReadingThoseAlreadySent() throws Exception {
    String plan = transactions.execute(status -> {
      anOutboxOfItsOwn(status);
      insert(20_000, NotificationOutbox.SENT);
      insert(60_000, NotificationOutbox.PENDING);
      jdbc.execute("ANALYZE vm_notification");

      List<Long> oldestWaiting = jdbc.queryForList("SELECT id FROM vm_notification WHERE case_reference = ?"
          + " AND status = ? ORDER BY id LIMIT 50", Long.class, REFERENCE, NotificationOutbox.PENDING);
      assertThat(outbox.due(NOW, Duration.ofMinutes(5), 50)).extracting(NotificationOutbox.Due::id)
          .isEqualTo(oldestWaiting);
      return jdbc.queryForObject("EXPLAIN (ANALYZE, FORMAT JSON) " + NotificationOutbox.DUE_PENDING, String.class,
          NOW.atOffset(ZoneOffset.UTC), 50);
    });

    assertThat(rowsRemovedByFilter(JSON.readTree(plan))).as("sent notices read to find the due ones: %s", plan)
        .isZero();
  }

  @Test
  void aNoticeIsIndexedByItsIdAndWhileItWaitsOnly() {
    // A notice is written three times (queued, claimed, sent), each time with a new status, which PostgreSQL writes
    // into every index of the table. An index that began with the status also kept, until the next vacuum, an entry
    // for each notice under each status it had had, which reads by status walked.
    assertThat(indexesOf(jdbc, "vm_notification")).containsOnlyKeys("vm_notification_pkey",
        "vm_notification_waiting");
  }

  @Test
  void theNoticesAClaimWonAreReadBackByTheirIdsPastNoneOfThoseSentBefore() throws Exception {
    String plan = transactions.execute(status -> {
      anOutboxOfItsOwn(status);
      // 80,000 notices sent as the dispatcher sends them, claimed and then marked sent, with the statistics
      // autovacuum gathers before and after. Until the next vacuum the versions they had on the way stay in the
      // table's indexes.
      insert(80_000, NotificationOutbox.PENDING);
      jdbc.execute("ANALYZE vm_notification");
      jdbc.update("UPDATE vm_notification SET status = ?", NotificationOutbox.SENDING);
      jdbc.update("UPDATE vm_notification SET status = ?", NotificationOutbox.SENT);
      jdbc.execute("ANALYZE vm_notification");
      insert(50, NotificationOutbox.PENDING);

      List<NotificationOutbox.Notification> won = outbox.claim(outbox.due(NOW, Duration.ofMinutes(5), 50), NOW);
      assertThat(won).hasSize(50).allMatch(notice -> notice.status().equals(NotificationOutbox.SENDING));
      return jdbc.queryForObject("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + NotificationOutbox.claimedRows(50),
          String.class, won.stream().map(NotificationOutbox.Notification::id).toArray());
    });

    // By their ids: an index entry and a row for each of the 50, about 200 blocks. Through an index by status (before
    // V12), the entries the 80,000 left under SENDING were read too: 1,800 blocks.
    JsonNode top = JSON.readTree(plan).get(0).get("Plan");
    assertThat(top.get("Shared Hit Blocks").asLong() + top.get("Shared Read Blocks").asLong())
        .as("blocks read to read back 50 claimed notices: %s", plan).isLessThan(400);
  }

  /**
   * The outbox of this test alone, in its transaction: the notices that earlier tests committed in the shared database
   * would be the oldest waiting ones. Deleted in the transaction, they are back after it, and the test's own rows
   * (tens of thousands) are rolled back, statistics included.
   */
  private void anOutboxOfItsOwn(TransactionStatus status) {
    status.setRollbackOnly();
    jdbc.update("DELETE FROM vm_notification");
    cases.create(REFERENCE, "Human rights in Belarus", "GB", "BY", null, "officer-gb", NOW);
  }

  private void insert(int count, String status) {
    jdbc.update("INSERT INTO vm_notification (case_reference, event, recipients, subject, body, status, created_at)"
        + " SELECT ?, 'MECHANISM_INVOKED', CONCAT('delegation-', n, '@example.org'), 'Invocation', 'Text', ?, ?"
        + " FROM generate_series(1, ?) AS n", REFERENCE, status, NOW.atOffset(ZoneOffset.UTC), count);
  }

  /** Rows that the plan's nodes read and dropped, in all. */
  private static long rowsRemovedByFilter(JsonNode node) {
    long removed = node.path("Rows Removed by Filter").asLong(0);
    for (JsonNode child : node) {
      removed += rowsRemovedByFilter(child);
    }
    return removed;
  }
}
