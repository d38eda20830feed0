package org.osce.vienna.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.osce.vienna.support.PostgresTestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Upgrading to one message per recipient (V4) with notices still queued, on H2 and on PostgreSQL: a queued
 * notice to several recipients becomes one message to each, sent at once with a Message-ID of its own; what
 * was sent stays as it was.
 */
class OutboxMigrationTest {

  @Test
  void onH2() {
    queuedNoticesBecomeOneMessagePerRecipient(new DriverManagerDataSource(
        "jdbc:h2:mem:outbox-migration;DB_CLOSE_DELAY=-1", "sa", ""));
  }

  @Test
  void onPostgres() {
    queuedNoticesBecomeOneMessagePerRecipient(new DriverManagerDataSource(
        PostgresTestDatabase.newDatabase("outbox_migration"), "postgres", ""));
  }

  private static void queuedNoticesBecomeOneMessagePerRecipient(DriverManagerDataSource database) {
    flyway(database, "3").migrate();
    JdbcTemplate jdbc = new JdbcTemplate(database);
    jdbc.update("INSERT INTO vm_case (reference, subject, lead_delegation, addressee_state, status, started_at,"
        + " response_status) VALUES ('VM-OLD-1', 'Old', 'GB', 'BY', 'SIGN_OFF', CURRENT_TIMESTAMP, 'PENDING')");
    insert(jdbc, "CO_SIGNING_INVITATION", "heads-de,heads-fr,heads-us", "PENDING", 2);
    insert(jdbc, "CASE_CLOSED", "delegation-gb,delegation-de", "SENT", 1);
    insert(jdbc, "RESPONSE_RECEIVED", "delegation-gb", "PENDING", 1);
    insert(jdbc, "MEETING_REQUESTED", "delegation-gb,delegation-se", "SENDING", 1);
    jdbc.update("UPDATE vm_notification SET message_id = CONCAT('<vm-notification-', CAST(id AS VARCHAR(20)),"
        + " '@vienna-mechanism>')");

    flyway(database, "latest").migrate();

    List<Map<String, Object>> rows = jdbc.queryForList("SELECT id, event, recipients, status, attempts, message_id,"
        + " next_attempt_at, last_error, ics_name, body, deadline_at FROM vm_notification ORDER BY id");
    assertThat(rows).extracting(r -> r.get("event") + " " + r.get("recipients") + " " + r.get("status"))
        .containsExactly(
            "CASE_CLOSED delegation-gb,delegation-de SENT",
            "RESPONSE_RECEIVED delegation-gb PENDING",
            "CO_SIGNING_INVITATION heads-de PENDING",
            "CO_SIGNING_INVITATION heads-fr PENDING",
            "CO_SIGNING_INVITATION heads-us PENDING",
            "MEETING_REQUESTED delegation-gb PENDING",
            "MEETING_REQUESTED delegation-se PENDING");
    assertThat(rows).allSatisfy(r -> {
      assertThat(r.get("message_id")).isEqualTo("<vm-notification-" + r.get("id") + "@vienna-mechanism>");
      assertThat(r.get("body")).isEqualTo("Body of " + r.get("event"));
      assertThat(r.get("ics_name")).isEqualTo(r.get("event") + ".ics");
      assertThat(r.get("deadline_at")).isNull();
    });
    assertThat(rows.subList(2, rows.size())).allSatisfy(r -> {
      assertThat(((Number) r.get("attempts")).intValue()).isZero();
      assertThat(r.get("next_attempt_at")).isNull();
      assertThat(r.get("last_error")).isNull();
    });
  }

  private static void insert(JdbcTemplate jdbc, String event, String recipients, String status, int attempts) {
    jdbc.update("INSERT INTO vm_notification (case_reference, event, recipients, subject, body, status, created_at,"
        + " attempts, last_error, ics_name, ics) VALUES ('VM-OLD-1', ?, ?, ?, ?, ?, CURRENT_TIMESTAMP, ?, ?, ?, ?)",
        event, recipients, "Subject of " + event, "Body of " + event, status, attempts,
        attempts > 1 ? "MailSendException" : null, event + ".ics", "BEGIN:VCALENDAR");
  }

  private static Flyway flyway(DriverManagerDataSource database, String target) {
    return Flyway.configure().dataSource(database).locations("classpath:db/migration")
        .table("vm_flyway_schema_history").target(target).load();
  }
}
