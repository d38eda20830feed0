package org.osce.vienna.notification;

import org.osce.vienna.process.EngineClock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Notifications waiting to be sent (vm_notification). A step writes its notices here in its own
 * transaction, so a notice exists exactly when the step that causes it has happened.
 */
@Repository
public class NotificationOutbox {

  private final JdbcTemplate jdbc;

  public NotificationOutbox(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public record Notification(long id, String caseReference, String event, List<String> recipients, String subject,
      String body, String status) {
  }

  public void enqueue(String reference, String event, List<String> recipients, String subject, String body) {
    jdbc.update("INSERT INTO vm_notification (case_reference, event, recipients, subject, body, status, created_at)"
            + " VALUES (?, ?, ?, ?, ?, 'PENDING', ?)",
        reference, event, String.join(",", recipients), subject, body, EngineClock.now().atOffset(ZoneOffset.UTC));
  }

  public List<Notification> of(String reference) {
    return jdbc.query("SELECT * FROM vm_notification WHERE case_reference = ? ORDER BY id",
        (rs, i) -> new Notification(rs.getLong("id"), rs.getString("case_reference"), rs.getString("event"),
            List.of(rs.getString("recipients").split(",")), rs.getString("subject"), rs.getString("body"),
            rs.getString("status")), reference);
  }
}
