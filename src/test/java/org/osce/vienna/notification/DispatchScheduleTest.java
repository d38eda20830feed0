package org.osce.vienna.notification;

import org.osce.vienna.followup.CaseClosed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osce.vienna.support.ReceivedMail;
import org.osce.vienna.support.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * As the application runs: the outbox is sent on its own, with no test calling the dispatcher. A
 * context and a database of its own (not the shared one), so that this scheduler never sends another
 * test's messages. The context stays open (no @DirtiesContext) with its scheduler finding nothing more
 * to send: a closing context takes Camunda's webapps away from every other context in the JVM (their
 * runtime is held in static fields).
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:mail-schedule;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "vienna.demo.enabled=false",
    "vienna.mail.dispatch.enabled=true",
    "vienna.mail.dispatch.interval=200ms"})
class DispatchScheduleTest extends MailContextTest {

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  @DynamicPropertySource
  static void smtp(DynamicPropertyRegistry registry) {
    TestSmtp.register(registry);
  }

  @Autowired
  CaseNotices notices;
  @Autowired
  NotificationOutbox outbox;

  @Test
  void aQueuedNoticeIsSentWithinAnInterval() {
    String reference = newCase();
    notices.caseClosed(new CaseClosed(reference, label(reference), List.of("GB", "DE"), List.of()));

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(outbox.of(reference)).singleElement()
        .satisfies(n -> assertThat(n.status()).isEqualTo(NotificationOutbox.SENT)));
    assertThat(ReceivedMail.all(smtp.getReceivedMessages())).hasSize(2).extracting(ReceivedMail::subject)
        .containsOnly("Case closed: " + label(reference));
  }
}
