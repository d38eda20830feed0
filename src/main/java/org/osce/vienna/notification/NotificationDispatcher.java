package org.osce.vienna.notification;

import java.time.Instant;
import java.util.List;
import org.osce.vienna.engine.EngineClock;
import org.osce.vienna.notification.NotificationOutbox.Due;
import org.osce.vienna.notification.NotificationOutbox.Notification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox: claims each due notice, hands it to the mail server, and marks it SENT with
 * the time the server accepted it. A failed attempt is recorded and retried later with back-off,
 * for as long as it takes; nothing is dropped. Runs outside the process engine, so a mail server
 * that is down never holds up a case.
 *
 * <p>Exactly-once is not promised: a crash after the server accepted a message but before it was
 * marked leaves the row claimed, and after the claim timeout it is sent again, with the same
 * Message-ID, so that receivers can discard the copy.
 */
@Component
public class NotificationDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationDispatcher.class);

  private final NotificationOutbox outbox;
  private final SmtpMailer mailer;
  private final MailSettings.Dispatch settings;
  private final RetryBackoff backoff;

  public NotificationDispatcher(NotificationOutbox outbox, SmtpMailer mailer, MailSettings settings) {
    this.outbox = outbox;
    this.mailer = mailer;
    this.settings = settings.dispatch();
    this.backoff = new RetryBackoff(this.settings.firstRetry(), this.settings.maxRetry());
  }

  /** One pass over what is due now; returns how many messages the mail server accepted. */
  public int dispatchDue() {
    int sent = 0;
    List<Due> due = outbox.due(EngineClock.now(), settings.claimTimeout(), settings.batchSize());
    for (Due row : due) {
      if (outbox.claim(row, EngineClock.now()) && send(row.id())) {
        sent++;
      }
    }
    return sent;
  }

  private boolean send(long id) {
    Notification notification = outbox.find(id).orElseThrow();
    Instant acceptedAt;
    try {
      acceptedAt = mailer.send(mail(notification));
    } catch (RuntimeException e) {
      int attempts = notification.attempts();
      Instant next = EngineClock.now().plus(backoff.after(attempts));
      outbox.failed(id, describe(e), next);
      LOG.warn("Notification {} ({}, case {}) not sent, attempt {}; next attempt at {}: {}", id,
          notification.event(), notification.caseReference(), attempts, next, describe(e));
      return false;
    }
    // Outside the try: if this cannot be recorded, the row stays claimed and goes again after the claim timeout.
    outbox.sent(id, acceptedAt);
    LOG.debug("Sent notification {} ({}) to {} recipient(s)", id, notification.event(), notification.recipients().size());
    return true;
  }

  private static SmtpMailer.Mail mail(Notification notification) {
    return new SmtpMailer.Mail(notification.messageId(), notification.recipients(), notification.subject(),
        notification.body(), notification.calendar() == null ? List.of() : List.of(notification.calendar().attachment()));
  }

  /** The failure in one line for the record: the exception, and the root cause that says why. */
  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = e.getClass().getSimpleName() + ": " + firstLine(e.getMessage());
    return root == e ? text : text + " (cause: " + root.getClass().getSimpleName() + ": " + firstLine(root.getMessage()) + ")";
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("").strip();
  }
}
