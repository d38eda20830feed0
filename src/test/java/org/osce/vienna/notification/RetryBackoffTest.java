package org.osce.vienna.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Properties;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.ClassPathResource;

class RetryBackoffTest {

  @Test
  void theWaitDoublesAfterEachFailureUpToTheMaximum() {
    RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(30), Duration.ofMinutes(30));
    assertThat(IntStream.rangeClosed(1, 9).mapToObj(backoff::after)).containsExactly(
        Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
        Duration.ofMinutes(8), Duration.ofMinutes(16), Duration.ofMinutes(30), Duration.ofMinutes(30),
        Duration.ofMinutes(30));
    assertThat(backoff.after(10_000)).isEqualTo(Duration.ofMinutes(30));
  }

  /**
   * The promise of docs/operations.md, from the settings as shipped (application.yaml): once the mail server is
   * back, a waiting message waits at most max-retry for its next attempt and one interval for the pass that makes
   * it, 62 s, which leaves 58 s of the two minutes to hand the backlog over (DispatchScheduleTest measures both).
   */
  @Test
  void theShippedSettingsSendEveryWaitingMessageWithinTwoMinutesOfTheServersReturn() {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application.yaml"));
    Properties shipped = yaml.getObject();
    MailSettings.Dispatch dispatch = new Binder(new MapConfigurationPropertySource(shipped))
        .bind("vienna.mail.dispatch", MailSettings.Dispatch.class).get();

    assertThat(dispatch.interval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(dispatch.maxRetry()).isEqualTo(Duration.ofMinutes(1));
    RetryBackoff backoff = new RetryBackoff(dispatch.firstRetry(), dispatch.maxRetry());
    assertThat(IntStream.rangeClosed(1, 1000).mapToObj(backoff::after)).allSatisfy(
        wait -> assertThat(wait).isLessThanOrEqualTo(dispatch.maxRetry()));
    assertThat(dispatch.longestWaitOnceServerIsBack()).isEqualTo(Duration.ofSeconds(62));
    assertThat(dispatch.longestWaitOnceServerIsBack().plus(Duration.ofSeconds(58))).isLessThanOrEqualTo(
        Duration.ofMinutes(2));
  }
}
