package org.osce.vienna.notification;

import java.io.InterruptedIOException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osce.vienna.engine.EngineClock;
import org.osce.vienna.notification.NotificationOutbox.Due;
import org.osce.vienna.notification.NotificationOutbox.Notification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox: claims each due message, hands it to the mail server, and marks it SENT with
 * the time the server accepted it. A failed attempt is recorded and retried later with back-off
 * (at most {@code vienna.mail.dispatch.max-retry}), for as long as it takes; nothing is dropped.
 * Runs outside the process engine, so a mail server that is down never holds up a case.
 *
 * <p>A pass sends everything that is due, batch after batch, over one connection to the mail
 * server ({@link SmtpMailer#session()}): a batch is claimed in one transaction, read in one query, sent,
 * and the messages the server took are marked SENT together, with the time each was taken.
 * When the mail server cannot be reached, the pass stops: the other messages would fail the same
 * way (each after the connection timeout, when the server does not answer at all), so they are left
 * due, untouched, and the next pass tries again with the first of them. So once the server is back, a message waits at most
 * its back-off and one interval ({@link MailSettings.Dispatch#longestWaitOnceServerIsBack()}).
 *
 * <p>When the application shuts down, a pass ends with the batch it is sending, recorded: shutting down waits
 * for one batch, not for the whole backlog (which, behind a slow mail server, held the shutdown for the scheduler's
 * 30 s and then had it cut short).
 *
 * <p>Exactly-once is not promised: a crash after the server accepted messages but before they were
 * marked leaves their rows claimed, and after the claim timeout they are sent again, with the same
 * Message-IDs, so that receivers can discard the copies.
 */
@Component
public class NotificationDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationDispatcher.class);

  private final NotificationOutbox outbox;
  private final SmtpMailer mailer;
  private final MailSettings.Dispatch settings;
  private final RetryBackoff backoff;
  private volatile boolean shuttingDown;

  public NotificationDispatcher(NotificationOutbox outbox, SmtpMailer mailer, MailSettings settings) {
    this.outbox = outbox;
    this.mailer = mailer;
    this.settings = settings.dispatch();
    this.backoff = new RetryBackoff(this.settings.firstRetry(), this.settings.maxRetry());
  }

  private enum Outcome { SENT, FAILED, SERVER_UNREACHABLE }

  /** The context is closing (published before its scheduler is stopped): the pass under way ends with its batch. */
  @EventListener(ContextClosedEvent.class)
  void shuttingDown() {
    shuttingDown = true;
  }

  /**
   * One pass: sends what is due now, batch after batch, until nothing is due or the mail server cannot be
   * reached; returns how many messages the mail server accepted.
   */
  public int dispatchDue() {
    int sent = 0;
    try (SmtpMailer.Session session = mailer.session()) {
      while (true) {
        List<Due> due = outbox.due(EngineClock.now(), settings.claimTimeout(), settings.batchSize());
        List<Notification> claimed = outbox.claim(due, EngineClock.now());
        // The notices of one event share one document (the letter to the 57): read once a batch.
        Map<Long, Optional<Attachment>> documents = new HashMap<>();
        Map<Long, Instant> accepted = new LinkedHashMap<>();
        try {
          for (int i = 0; i < claimed.size(); i++) {
            Notification notification = claimed.get(i);
            Attachment document = notification.documentId() == null ? null
                : documents.computeIfAbsent(notification.documentId(), id -> outbox.document(notification)).orElse(null);
            Outcome outcome = send(session, notification, document, accepted);
            if (outcome == Outcome.SERVER_UNREACHABLE) {
              outbox.release(claimed.subList(i + 1, claimed.size()).stream().map(Notification::id).toList());
              return sent + accepted.size();
            }
          }
        } finally {
          // Recorded once a batch, in one transaction. A crash before this leaves the batch claimed: after the claim
          // timeout it goes again, with the same Message-IDs, so that receivers can discard the copies.
          outbox.sent(accepted);
        }
        sent += accepted.size();
        // Each row tried is now SENT or waits out its back-off, so the next batch holds other rows.
        if (shuttingDown || due.size() < settings.batchSize() || claimed.isEmpty()) {
          return sent;
        }
      }
    }
  }

  private Outcome send(SmtpMailer.Session session, Notification notification, Attachment document,
      Map<Long, Instant> accepted) {
    long id = notification.id();
    Instant acceptedAt;
    try {
      acceptedAt = session.send(mail(notification, document, EngineClock.now()));
    } catch (RuntimeException e) {
      int attempts = notification.attempts();
      Instant next = EngineClock.now().plus(backoff.after(attempts));
      outbox.failed(id, describe(e), next);
      boolean unreachable = serverUnreachable(e);
      LOG.warn("Notification {} ({}, case {}, to {}) not sent, attempt {}; next attempt at {}{}: {}", id,
          notification.event(), notification.caseReference(), notification.recipient(), attempts, next,
          unreachable ? "; the mail server cannot be reached, the others wait for the next pass" : "", describe(e));
      return unreachable ? Outcome.SERVER_UNREACHABLE : Outcome.FAILED;
    }
    accepted.put(id, acceptedAt);
    LOG.debug("Sent notification {} ({}) to {}", id, notification.event(), notification.recipient());
    return Outcome.SENT;
  }

  /**
   * The message as it goes now, with its calendar entry and {@code document} (null if none): if it is sent after the
   * deadline it names, in the words that say so.
   */
  static SmtpMailer.Mail mail(Notification notification, Attachment document, Instant now) {
    boolean late = notification.lateAt(now);
    List<Attachment> files = new ArrayList<>();
    if (notification.calendar() != null) {
      files.add(notification.calendar().attachment());
    }
    if (document != null) {
      files.add(document);
    }
    return new SmtpMailer.Mail(notification.messageId(), notification.recipient(),
        late ? notification.late().subject() : notification.subject(),
        late ? notification.late().body() : notification.body(), files);
  }

  /**
   * Whether the failure is the mail server's as a whole (it cannot be reached, the connection broke, it
   * refuses the login) rather than this message's (e.g. a recipient it does not accept).
   */
  static boolean serverUnreachable(Throwable failure) {
    Deque<Throwable> causes = new ArrayDeque<>(List.of(failure));
    int seen = 0;
    while (!causes.isEmpty() && seen++ < 50) {
      Throwable e = causes.pop();
      if (e instanceof SocketException || e instanceof UnknownHostException || e instanceof InterruptedIOException
          || e instanceof MailAuthenticationException) {
        return true;
      }
      if (e instanceof MailSendException send) {
        causes.addAll(List.of(send.getMessageExceptions()));
      }
      if (e.getCause() != null && e.getCause() != e) {
        causes.add(e.getCause());
      }
    }
    return false;
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
