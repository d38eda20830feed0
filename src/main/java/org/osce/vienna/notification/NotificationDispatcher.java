package org.osce.vienna.notification;

import java.io.InterruptedIOException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jakarta.annotation.PreDestroy;
import org.osce.vienna.engine.EngineClock;
import org.osce.vienna.notification.NotificationOutbox.Due;
import org.osce.vienna.notification.NotificationOutbox.Notification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox: claims each due message, hands it to the mail server, and marks it SENT with
 * the time the server accepted it. A failed attempt is recorded and retried later with back-off
 * (at most {@code vienna.mail.dispatch.max-retry}), for as long as it takes; nothing is dropped.
 * Runs outside the process engine, so a mail server that is down never holds up a case.
 *
 * <p>A pass sends everything that is due, batch after batch, over {@code vienna.mail.dispatch.connections}
 * connections to the mail server at once ({@link SmtpMailer#session()}): a batch is claimed in one transaction, read
 * in one query, sent, and the messages the server took are marked SENT together, with the time each was taken. A
 * message spends most of its time waiting for the server's answers (four a message), so a connection sends while
 * another waits.
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
  // The threads of the connections beyond the first (the first is the pass's own); null with one connection.
  private final ExecutorService helpers;
  private volatile boolean shuttingDown;

  public NotificationDispatcher(NotificationOutbox outbox, SmtpMailer mailer, MailSettings settings) {
    this.outbox = outbox;
    this.mailer = mailer;
    this.settings = settings.dispatch();
    this.backoff = new RetryBackoff(this.settings.firstRetry(), this.settings.maxRetry());
    CustomizableThreadFactory threads = new CustomizableThreadFactory("mail-sender-");
    threads.setDaemon(true);
    this.helpers = this.settings.connections() == 1 ? null
        : Executors.newFixedThreadPool(this.settings.connections() - 1, threads);
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
    // One session a connection, each used by one thread; a session connects when it first sends.
    List<SmtpMailer.Session> sessions = new ArrayList<>();
    for (int i = 0; i < settings.connections(); i++) {
      sessions.add(mailer.session());
    }
    try {
      while (true) {
        List<Due> due = outbox.due(EngineClock.now(), settings.claimTimeout(), settings.batchSize());
        Batch batch = new Batch(outbox.claim(due, EngineClock.now()));
        try {
          batch.sendOver(sessions);
        } finally {
          // Recorded once a batch, in one transaction. A crash before this leaves the batch claimed: after the claim
          // timeout it goes again, with the same Message-IDs, so that receivers can discard the copies.
          outbox.sent(batch.accepted);
        }
        sent += batch.accepted.size();
        // Each row tried is now SENT or waits out its back-off, so the next batch holds other rows.
        if (batch.serverUnreachable() || shuttingDown || due.size() < settings.batchSize() || batch.isEmpty()) {
          return sent;
        }
      }
    } finally {
      sessions.forEach(SmtpMailer.Session::close);
    }
  }

  /**
   * The messages of one batch, handed out one at a time to the connections that send them. The first goes alone, on
   * the first connection: when the mail server cannot be reached, a pass finds out with one attempt, not one a
   * connection. Once the server has answered it, the other connections join in.
   */
  private final class Batch {

    private final List<Notification> claimed;
    // The notices of one event share one document (the letter to the 57): read once a batch.
    private final Map<Long, Optional<Attachment>> documents = new HashMap<>();
    private final Map<Long, Instant> accepted = new ConcurrentHashMap<>();
    private int next;
    private boolean serverUnreachable;

    Batch(List<Notification> claimed) {
      this.claimed = claimed;
      for (Notification notification : claimed) {
        if (notification.documentId() != null) {
          documents.computeIfAbsent(notification.documentId(), id -> outbox.document(notification));
        }
      }
    }

    boolean isEmpty() {
      return claimed.isEmpty();
    }

    synchronized boolean serverUnreachable() {
      return serverUnreachable;
    }

    void sendOver(List<SmtpMailer.Session> sessions) {
      try {
        List<Future<?>> others = new ArrayList<>();
        if (sendNext(sessions.get(0)) && helpers != null && !helpers.isShutdown()) {
          for (SmtpMailer.Session session : sessions.subList(1, sessions.size())) {
            others.add(helpers.submit(() -> sendAll(session)));
          }
        }
        sendAll(sessions.get(0));
        awaitAll(others);
      } finally {
        outbox.release(untried());
      }
    }

    private void sendAll(SmtpMailer.Session session) {
      while (sendNext(session)) {
        // the next one
      }
    }

    /** Sends the next message on {@code session}; false when none is left or the mail server cannot be reached. */
    private boolean sendNext(SmtpMailer.Session session) {
      Notification notification = take();
      if (notification == null) {
        return false;
      }
      Attachment document = notification.documentId() == null ? null
          : documents.get(notification.documentId()).orElse(null);
      if (send(session, notification, document, accepted) == Outcome.SERVER_UNREACHABLE) {
        synchronized (this) {
          serverUnreachable = true;
        }
        return false;
      }
      return true;
    }

    private synchronized Notification take() {
      return serverUnreachable || next == claimed.size() ? null : claimed.get(next++);
    }

    /** Claimed and never tried (the mail server went away before their turn): given back, as if not claimed. */
    private synchronized List<Long> untried() {
      return claimed.subList(next, claimed.size()).stream().map(Notification::id).toList();
    }
  }

  /** Waits for the other connections' part of a batch; a failure of theirs (the database, say) is the pass's. */
  private static void awaitAll(List<Future<?>> others) {
    RuntimeException failure = null;
    for (Future<?> other : others) {
      try {
        other.get();
      } catch (ExecutionException e) {
        failure = e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure = new IllegalStateException("Interrupted while the batch was being sent", e);
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** The other connections' threads stop once the batch they send is through. */
  @PreDestroy
  void stopHelpers() {
    if (helpers != null) {
      helpers.shutdown();
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
