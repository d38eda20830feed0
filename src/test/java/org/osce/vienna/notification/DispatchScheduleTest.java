package org.osce.vienna.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osce.vienna.delivery.MechanismInvoked;
import org.osce.vienna.followup.CaseClosed;
import org.osce.vienna.notification.NotificationOutbox.Notification;
import org.osce.vienna.signoff.CoSigningInvited;
import org.osce.vienna.support.ReceivedMail;
import org.osce.vienna.support.TestSmtp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * As the application runs: the outbox is sent on its own, with no test calling the dispatcher, on the
 * real schedule. A context and a database of its own (not the shared one), so that this scheduler never
 * sends another test's messages. The context stays open (no @DirtiesContext) with its scheduler finding
 * nothing more to send: a closing context takes Camunda's webapps away from every other context in the
 * JVM (their runtime is held in static fields).
 *
 * <p>The times are those of application.yaml scaled down, so that an outage takes seconds rather than
 * minutes: a pass every 200 ms (shipped: 10 s), back-off from 500 ms (30 s) to at most 2 s (1 min). The
 * shipped settings keep the same promise ({@link RetryBackoffTest}).
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:mail-schedule;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "vienna.demo.enabled=false",
    "vienna.mail.dispatch.enabled=true",
    "vienna.mail.dispatch.interval=200ms"})
class DispatchScheduleTest extends MailContextTest {

  /** Once a pass begins, the time to hand the waiting messages (62 here) over to the mail server, on a busy test machine. */
  static final Duration HANDOVER = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(DispatchScheduleTest.class);

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  @DynamicPropertySource
  static void dispatchOnASchedule(DynamicPropertyRegistry registry) {
    TestSmtp.register(registry);
    registry.add("vienna.mail.dispatch.enabled", () -> "true");
    registry.add("vienna.mail.dispatch.interval", () -> "200ms");
    registry.add("vienna.mail.dispatch.first-retry", () -> "500ms");
    registry.add("vienna.mail.dispatch.max-retry", () -> "2s");
  }

  @Autowired
  CaseNotices notices;
  @Autowired
  NotificationOutbox outbox;
  @Autowired
  MailSettings settings;

  @Test
  void aQueuedNoticeIsSentWithinAnInterval() {
    String reference = newCase();
    notices.caseClosed(new CaseClosed(reference, label(reference), List.of("GB", "DE"), List.of()));

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(outbox.of(reference)).hasSize(2)
        .allSatisfy(n -> assertThat(n.status()).isEqualTo(NotificationOutbox.SENT)));
    assertThat(ReceivedMail.all(smtp.getReceivedMessages())).hasSize(2).allSatisfy(mail -> {
      assertThat(mail.subject()).isEqualTo("Case closed: " + label(reference));
      assertThat(mail.to()).hasSize(1);
    }).flatExtracting(ReceivedMail::to).containsExactlyInAnyOrder("delegation-gb@example.org",
        "delegation-de@example.org");
  }

  @Test
  void onceTheMailServerIsBackEveryWaitingMessageGoesOutWithinTheCappedBackOffAndAPass() {
    smtp.stop();
    String reference = caseWithComposedLetter();
    Instant signOffDue = Instant.now().plus(Duration.ofDays(5));
    notices.invocation(new MechanismInvoked(reference, label(reference), "BY", List.of("GB", "DE", "FR")));
    notices.caseClosed(new CaseClosed(reference, label(reference), List.of("GB", "DE", "FR"), List.of()));
    for (String code : List.of("DE", "FR")) {
      notices.invitedToCoSign(new CoSigningInvited(reference, label(reference), "GB", "BY", "Human rights in Belarus",
          code, signOffDue, "task-" + code));
    }
    int messages = 57 + 3 + 2;
    assertThat(outbox.of(reference)).hasSize(messages);

    // Down long enough for the back-off to reach its cap: the first message has been tried six times (after
    // 0.5 s, 1 s, 2 s, 2 s and 2 s; without the cap the next wait would be 16 s).
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
        .until(() -> outbox.of(reference).stream().anyMatch(n -> n.attempts() >= 6));
    assertThat(outbox.of(reference)).allSatisfy(n -> assertThat(n.status()).isNotEqualTo(NotificationOutbox.SENT))
        .anySatisfy(n -> assertThat(n.lastError()).isNotBlank());

    smtp.start();
    Instant back = Instant.now();
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> outbox.of(reference)
        .stream().allMatch(n -> n.status().equals(NotificationOutbox.SENT)));

    Duration longestWait = settings.dispatch().longestWaitOnceServerIsBack();
    assertThat(longestWait).isEqualTo(Duration.ofMillis(2200));
    List<Notification> sent = outbox.of(reference);
    Instant last = sent.stream().map(Notification::sentAt).max(Instant::compareTo).orElseThrow();
    Instant first = sent.stream().map(Notification::sentAt).filter(at -> !at.isBefore(back)).min(Instant::compareTo)
        .orElseThrow();
    LOG.info("Mail server back at {}: first of {} waiting messages sent after {} ms, the last after {} ms (bound {} ms)",
        back, messages, Duration.between(back, first).toMillis(), Duration.between(back, last).toMillis(),
        longestWait.plus(HANDOVER).toMillis());
    assertThat(Duration.between(back, last)).as("the last message after the server's return")
        .isLessThanOrEqualTo(longestWait.plus(HANDOVER))
        .isLessThanOrEqualTo(Duration.ofMinutes(2));
    // Each waiting message once, in a message of its own.
    List<ReceivedMail> received = ReceivedMail.all(smtp.getReceivedMessages());
    assertThat(received).hasSize(messages).allSatisfy(mail -> assertThat(mail.to()).hasSize(1))
        .extracting(ReceivedMail::messageId).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(sent.stream().map(Notification::messageId).toList());
  }
}
