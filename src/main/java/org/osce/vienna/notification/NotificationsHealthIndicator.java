package org.osce.vienna.notification;

import java.time.Duration;
import org.osce.vienna.engine.EngineClock;
import org.osce.vienna.notification.NotificationOutbox.Backlog;
import org.osce.vienna.web.DatabaseProbe;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * Health component {@code notifications}: how many messages wait to be sent, how many of them
 * failed at least once, and how long the oldest has waited. A mail server that is down makes it
 * DELAYED, never DOWN: the cases go on, and the messages go out when the server is back, so the
 * application must not be taken out of service for it.
 */
@Component("notifications")
public class NotificationsHealthIndicator extends AbstractHealthIndicator {

  /** Some messages could not be sent yet and are being retried. */
  public static final Status DELAYED = new Status("DELAYED", "Messages are waiting to be retried");

  private final NotificationOutbox outbox;
  private final DatabaseProbe database;

  public NotificationsHealthIndicator(NotificationOutbox outbox, DatabaseProbe database) {
    super("Notification outbox check failed");
    this.outbox = outbox;
    this.database = database;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    // The outbox is a table: without the database it cannot be read, and asking it would wait for the
    // pool's timeout. The probe's answer is shared with the component "db".
    DatabaseProbe.Result probe = database.check();
    if (!probe.reachable()) {
      builder.down().withDetail("error", "The outbox cannot be read: " + probe.detail());
      return;
    }
    Backlog backlog = outbox.backlog();
    builder.status(backlog.failing() > 0 ? DELAYED : Status.UP)
        .withDetail("pending", backlog.pending())
        .withDetail("failed", backlog.failing());
    if (backlog.oldestPendingSince() != null) {
      builder.withDetail("oldestPendingSince", backlog.oldestPendingSince().toString())
          .withDetail("oldestPendingAge", Duration.between(backlog.oldestPendingSince(), EngineClock.now())
              .withNanos(0).toString());
    }
    if (backlog.lastError() != null) {
      builder.withDetail("lastError", backlog.lastError());
    }
  }
}
