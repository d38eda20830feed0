package org.osce.vienna.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osce.vienna.notification.NotificationOutbox.Notification;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;

/** What a pass makes of a failure, and which words a message goes out with. */
class NotificationDispatcherTest {

  @Test
  void aServerThatCannotBeReachedStopsThePassAMessageItRefusesDoesNot() {
    assertThat(NotificationDispatcher.serverUnreachable(new MailSendException("Mail server connection failed",
        new MessagingException("Couldn't connect to host, port: 127.0.0.1, 1025", new ConnectException("refused")))))
        .as("connection refused").isTrue();
    assertThat(NotificationDispatcher.serverUnreachable(new MailSendException("Mail server connection failed",
        new MessagingException("timeout", new SocketTimeoutException("connect timed out")))))
        .as("no answer").isTrue();
    assertThat(NotificationDispatcher.serverUnreachable(new MailAuthenticationException("535 wrong password")))
        .as("login refused").isTrue();
    assertThat(NotificationDispatcher.serverUnreachable(new MailSendException(Map.of(new Object(),
        new SendFailedException("550 5.1.1 mailbox unavailable")))))
        .as("this recipient refused").isFalse();
    assertThat(NotificationDispatcher.serverUnreachable(new MailSendException(Map.of(new Object(),
        new MessagingException("Exception reading response", new SocketException("Connection reset"))))))
        .as("the connection broke while sending").isTrue();
  }

  @Test
  void aMessageSentAfterItsDeadlineGoesInTheWordsThatSaySo() {
    Instant deadline = Instant.parse("2021-11-02T17:00:00Z");
    Notification invitation = new Notification(1, "VM-1", CaseNotices.CO_SIGNING_INVITATION, "heads-de",
        "Invitation to co-sign: VM-1", "on time", NotificationOutbox.PENDING, "<vm-notification-1@vienna-mechanism>",
        0, deadline.minusSeconds(3600), null, null, null, null,
        new Notice.Late(deadline, "Invitation to co-sign (deadline passed): VM-1", "late"), null);

    assertThat(NotificationDispatcher.mail(invitation, null, deadline)).satisfies(mail -> {
      assertThat(mail.subject()).isEqualTo("Invitation to co-sign: VM-1");
      assertThat(mail.body()).isEqualTo("on time");
      assertThat(mail.recipient()).isEqualTo("heads-de");
    });
    assertThat(NotificationDispatcher.mail(invitation, null, deadline.plusMillis(1))).satisfies(mail -> {
      assertThat(mail.subject()).isEqualTo("Invitation to co-sign (deadline passed): VM-1");
      assertThat(mail.body()).isEqualTo("late");
      assertThat(mail.messageId()).isEqualTo("<vm-notification-1@vienna-mechanism>");
    });
  }
}
