package org.osce.vienna.notification;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osce.vienna.engine.EngineClock;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notifications and their delivery (vm_notification), one row per message: a notice to several
 * recipients is one message, one row, for each of them, so that each is sent, retried and recorded
 * on its own and a crash between two recipients neither loses nor repeats one. A step writes its
 * notices here in its own transaction, so a notice exists exactly when the step that causes it has
 * happened; the {@link NotificationDispatcher} then sends each row and records the outcome here.
 *
 * <p>A row is PENDING, SENDING (claimed by a sender) or SENT. Claiming compares the attempt
 * count, which each claim raises, so of two senders only one wins a row, on any database.
 */
@Repository
public class NotificationOutbox {

  public static final String PENDING = "PENDING";
  public static final String SENDING = "SENDING";
  public static final String SENT = "SENT";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;

  public NotificationOutbox(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /**
   * One message to one recipient. ({@code recipient} is the column {@code recipients}: rows sent before
   * version 4 of the schema went to several at once and name them all, comma-separated.)
   *
   * @param late what the message says instead when it is sent after its deadline; null if it names none
   * @param documentId the document sent with it ({@link #document}); null if none
   */
  public record Notification(long id, String caseReference, String event, String recipient, String subject,
      String body, String status, String messageId, int attempts, Instant createdAt, Instant sentAt,
      Instant nextAttemptAt, String lastError, IcsFile calendar, Notice.Late late, Long documentId) {

    /** Whether a message sent at {@code now} is past the deadline it names, and must say so. */
    public boolean lateAt(Instant now) {
      return late != null && now.isAfter(late.deadline());
    }
  }

  /**
   * Queues a notice to be sent, one message per recipient, each with its own Message-ID. The rows go to the database
   * together (a notice to the 57 delegations is one batch, not 57 statements), and without asking for their ids:
   * PostgreSQL's driver then sends the batch as a few inserts of many rows (reWriteBatchedInserts).
   */
  public void enqueue(String reference, Notice notice) {
    Long documentId = notice.document() == null ? null : keep(reference, notice.document());
    List<String> recipients = notice.recipients().stream().distinct().toList();
    // The Message-ID is made of the row's id, which only the insert gives: it is written by the first claim, before
    // any attempt, rather than by a second statement per row here.
    jdbc.batchUpdate(INSERT, recipients, recipients.size(),
        (statement, recipient) -> bind(statement, reference, notice, recipient, PENDING, null, null, documentId));
  }

  /** Records a message to one recipient that was sent at once rather than queued (the letter), with its Message-ID. */
  public long recordSent(String reference, Notice notice, String messageId, Instant sentAt) {
    if (notice.recipients().size() != 1) {
      throw new IllegalArgumentException("A message goes to one recipient, not " + notice.recipients());
    }
    return insert(reference, notice, notice.recipients().get(0), SENT, messageId, sentAt, null);
  }

  /** The document sent with {@code notification}, if any. */
  public Optional<Attachment> document(Notification notification) {
    if (notification.documentId() == null) {
      return Optional.empty();
    }
    return jdbc.query("SELECT file_name, media_type, content FROM vm_notification_document WHERE id = ?",
        (rs, i) -> new Attachment(rs.getString(1), rs.getString(2), rs.getBytes(3)), notification.documentId())
        .stream().findFirst();
  }

  /** Keeps a document to be sent with every message of a notice, once for them all. */
  private long keep(String reference, Attachment document) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var statement = connection.prepareStatement("INSERT INTO vm_notification_document (case_reference, file_name,"
          + " media_type, content) VALUES (?, ?, ?, ?)", new String[] {"id"});
      statement.setString(1, reference);
      statement.setString(2, document.fileName());
      statement.setString(3, document.contentType());
      statement.setBytes(4, document.content());
      return statement;
    }, key);
    return key.getKey().longValue();
  }

  private static final String INSERT = "INSERT INTO vm_notification (case_reference, event, recipients, subject, body,"
      + " status, created_at, message_id, sent_at, ics_name, ics, deadline_at, late_subject, late_body, document_id)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private long insert(String reference, Notice notice, String recipient, String status, String messageId,
      Instant sentAt, Long documentId) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      PreparedStatement statement = connection.prepareStatement(INSERT, new String[] {"id"});
      bind(statement, reference, notice, recipient, status, messageId, sentAt, documentId);
      return statement;
    }, key);
    return key.getKey().longValue();
  }

  private static void bind(PreparedStatement statement, String reference, Notice notice, String recipient,
      String status, String messageId, Instant sentAt, Long documentId) throws SQLException {
    Notice.Late late = notice.late();
    statement.setString(1, reference);
    statement.setString(2, notice.event());
    statement.setString(3, recipient);
    statement.setString(4, notice.subject());
    statement.setString(5, notice.body());
    statement.setString(6, status);
    statement.setObject(7, ts(EngineClock.now()));
    statement.setString(8, messageId);
    statement.setObject(9, ts(sentAt));
    statement.setString(10, notice.calendar() == null ? null : notice.calendar().fileName());
    statement.setString(11, notice.calendar() == null ? null : notice.calendar().content());
    statement.setObject(12, late == null ? null : ts(late.deadline()));
    statement.setString(13, late == null ? null : late.subject());
    statement.setString(14, late == null ? null : late.body());
    statement.setObject(15, documentId);
  }

  public List<Notification> of(String reference) {
    return jdbc.query("SELECT * FROM vm_notification WHERE case_reference = ? ORDER BY id", NotificationOutbox::map,
        reference);
  }

  /** A row that may be claimed now: id and the attempt count the claim must still find. */
  public record Due(long id, int attempts) {
  }

  /** The rows still to send. Written into the reads, not bound, for the reason below. */
  private static final String WAITING = "status IN ('" + PENDING + "', '" + SENDING + "')";

  // The statuses are written into these reads, not bound: on PostgreSQL they read the index of the waiting rows
  // (V11, db/vendor/postgresql), which a plan made for any status could not use. Without it, once a backlog is
  // most of the table, the planner walks the primary key from the oldest sent row (46 ms a read with 58,000
  // notices waiting behind 20,000 sent, docs/performance.md).
  static final String DUE_PENDING = "SELECT id, attempts FROM vm_notification WHERE status = '" + PENDING + "'"
      + " AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY id LIMIT ?";
  static final String DUE_SENDING = "SELECT id, attempts FROM vm_notification WHERE status = '" + SENDING + "'"
      + " AND claimed_at <= ? ORDER BY id LIMIT ?";

  /**
   * Rows to send now, oldest first: pending ones whose back-off is over, and those claimed by a
   * sender that has not finished within the claim timeout (it crashed, or lost its connection).
   */
  public List<Due> due(Instant now, Duration claimTimeout, int limit) {
    // Two reads, each along an index of the waiting rows, merged: one read with OR sorted every waiting row to find
    // the oldest (450 ms with 60,000 notices waiting, docs/performance.md), each of these reads at most the limit.
    RowMapper<Due> row = (rs, i) -> new Due(rs.getLong("id"), rs.getInt("attempts"));
    List<Due> due = new ArrayList<>(jdbc.query(DUE_PENDING, row, ts(now), limit));
    due.addAll(jdbc.query(DUE_SENDING, row, ts(now.minus(claimTimeout)), limit));
    return due.stream().sorted(Comparator.comparingLong(Due::id)).limit(limit).toList();
  }

  /** Takes the row for one attempt; false when another sender took it first. */
  public boolean claim(Due due, Instant now) {
    return !claim(List.of(due), now).isEmpty();
  }

  /**
   * Takes the rows for one attempt each, in one transaction; returns those this sender won (another sender may have
   * taken some first), read in one query, oldest first. Each row is given its Message-ID, made of its id: the same
   * on every attempt.
   */
  public List<Notification> claim(List<Due> due, Instant now) {
    if (due.isEmpty()) {
      return List.of();
    }
    int[] claimed = transactions.execute(status -> jdbc.batchUpdate("UPDATE vm_notification SET status = ?,"
        + " claimed_at = ?, attempts = attempts + 1, message_id = ? WHERE id = ? AND attempts = ? AND status IN (?, ?)",
        new BatchPreparedStatementSetter() {
          @Override
          public void setValues(PreparedStatement statement, int i) throws SQLException {
            statement.setString(1, SENDING);
            statement.setObject(2, ts(now));
            statement.setString(3, MessageIds.notification(due.get(i).id()));
            statement.setLong(4, due.get(i).id());
            statement.setInt(5, due.get(i).attempts());
            statement.setString(6, PENDING);
            statement.setString(7, SENDING);
          }

          @Override
          public int getBatchSize() {
            return due.size();
          }
        }));
    List<Long> won = new ArrayList<>();
    for (int i = 0; i < due.size(); i++) {
      // A driver may answer "done, count unknown" for a statement of a batch; the claim is read back below.
      if (claimed[i] == 1 || claimed[i] == Statement.SUCCESS_NO_INFO) {
        won.add(due.get(i).id());
      }
    }
    return won.isEmpty() ? List.of() : jdbc.query(claimedRows(won.size()), NotificationOutbox::map, won.toArray());
  }

  /** The read of the rows a claim won ({@code count} of them): by their ids, the status written in as above. */
  static String claimedRows(int count) {
    return "SELECT * FROM vm_notification WHERE id IN (" + placeholders(count) + ") AND status = '" + SENDING
        + "' ORDER BY id";
  }

  /** The mail server accepted the message. */
  public void sent(long id, Instant at) {
    sent(Map.of(id, at));
  }

  /** The mail server accepted these messages, each at its time: recorded together, in one transaction. */
  public void sent(Map<Long, Instant> accepted) {
    if (accepted.isEmpty()) {
      return;
    }
    List<Map.Entry<Long, Instant>> rows = List.copyOf(accepted.entrySet());
    transactions.executeWithoutResult(status -> jdbc.batchUpdate("UPDATE vm_notification SET status = ?, sent_at = ?,"
        + " claimed_at = NULL, next_attempt_at = NULL WHERE id = ?", rows, rows.size(), (statement, row) -> {
          statement.setString(1, SENT);
          statement.setObject(2, ts(row.getValue()));
          statement.setLong(3, row.getKey());
        }));
  }

  /**
   * Gives back rows claimed but not tried (the mail server went away before their turn): pending again, their attempt
   * not counted, as if this pass had never taken them.
   */
  public void release(List<Long> ids) {
    if (ids.isEmpty()) {
      return;
    }
    jdbc.update("UPDATE vm_notification SET status = ?, claimed_at = NULL, attempts = attempts - 1 WHERE id IN ("
        + placeholders(ids.size()) + ") AND status = ?", parameters(PENDING, ids, SENDING));
  }

  /** The attempt failed: back to pending, not before {@code nextAttemptAt}. */
  public void failed(long id, String error, Instant nextAttemptAt) {
    jdbc.update("UPDATE vm_notification SET status = ?, claimed_at = NULL, next_attempt_at = ?, last_error = ?"
        + " WHERE id = ? AND status = ?", PENDING, ts(nextAttemptAt), abbreviate(error), id, SENDING);
  }

  /** "?,?,?": as many parameters as there are ids, for {@code id IN (...)}. */
  private static String placeholders(int ids) {
    return String.join(",", Collections.nCopies(ids, "?"));
  }

  /** The parameters of one statement, a list of ids standing for as many parameters as it has ids. */
  private static Object[] parameters(Object... parts) {
    List<Object> all = new ArrayList<>();
    for (Object part : parts) {
      if (part instanceof List<?> ids) {
        all.addAll(ids);
      } else {
        all.add(part);
      }
    }
    return all.toArray();
  }

  /** What is still to be sent, for the health indicator. */
  public record Backlog(int pending, int failing, Instant oldestPendingSince, String lastError) {
  }

  /**
   * What is not sent yet. "Pending or sending" rather than "not sent": the index by status then finds the few waiting
   * rows among a registry's millions of sent ones (each health check and metrics scrape asks).
   */
  public Backlog backlog() {
    return jdbc.queryForObject("SELECT COUNT(*) AS pending,"
            + " SUM(CASE WHEN last_error IS NOT NULL THEN 1 ELSE 0 END) AS failing,"
            + " MIN(created_at) AS oldest FROM vm_notification WHERE " + WAITING,
        (rs, i) -> new Backlog(rs.getInt("pending"), rs.getInt("failing"), instant(rs, "oldest"), lastError()));
  }

  private String lastError() {
    return jdbc.query("SELECT last_error FROM vm_notification WHERE " + WAITING + " AND last_error IS NOT NULL"
        + " ORDER BY next_attempt_at DESC LIMIT 1", (rs, i) -> rs.getString(1)).stream().findFirst().orElse(null);
  }

  private static Notification map(ResultSet rs, int row) throws SQLException {
    String icsName = rs.getString("ics_name");
    Instant deadline = instant(rs, "deadline_at");
    return new Notification(rs.getLong("id"), rs.getString("case_reference"), rs.getString("event"),
        rs.getString("recipients"), rs.getString("subject"), rs.getString("body"),
        rs.getString("status"), rs.getString("message_id"), rs.getInt("attempts"), instant(rs, "created_at"),
        instant(rs, "sent_at"), instant(rs, "next_attempt_at"), rs.getString("last_error"),
        icsName == null ? null : new IcsFile(icsName, rs.getString("ics")),
        deadline == null ? null : new Notice.Late(deadline, rs.getString("late_subject"), rs.getString("late_body")),
        (Long) rs.getObject("document_id", Long.class));
  }

  private static OffsetDateTime ts(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  private static String abbreviate(String error) {
    String text = error == null ? "unknown error" : error;
    return text.length() <= 2000 ? text : text.substring(0, 1997) + "...";
  }
}
