package org.osce.vienna.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailAddressesTest {

  private static MailSettings settings(String tasklistUrl) {
    return new MailSettings("vm@example.org", "delegation-{code}@example.org", "mission-{code}@example.org",
        Map.of("gb", "ukdel.vienna@example.gov.uk"), Map.of("by", "belarus.mission@example.by"), tasklistUrl,
        new MailSettings.Dispatch(true, Duration.ofSeconds(10), 50, 2, Duration.ofSeconds(30), Duration.ofMinutes(1),
            Duration.ofMinutes(5)));
  }

  private final MailAddresses addresses = new MailAddresses(
      settings("https://vienna.example.org/camunda/app/tasklist/default/"));

  @Test
  void delegationsAndMissionsFollowThePatternUnlessTheirAddressIsConfigured() {
    assertThat(addresses.of("delegation-de")).isEqualTo("delegation-de@example.org");
    assertThat(addresses.of("delegation-gb")).isEqualTo("ukdel.vienna@example.gov.uk");
    assertThat(addresses.of("mission-ru")).isEqualTo("mission-ru@example.org");
    assertThat(addresses.of("mission-by")).isEqualTo("belarus.mission@example.by");
  }

  @Test
  void noticesToTheHeadsGoToTheirDelegationsMailbox() {
    assertThat(addresses.of("heads-fr")).isEqualTo("delegation-fr@example.org");
    assertThat(addresses.of("heads-gb")).isEqualTo("ukdel.vienna@example.gov.uk");
  }

  @Test
  void aTaskIsLinkedInTasklistWithOrWithoutTheFinalSlash() {
    assertThat(settings("https://vienna.example.org/camunda/app/tasklist/default/").taskLink("4f1c")).isEqualTo(
        "https://vienna.example.org/camunda/app/tasklist/default/#/?task=4f1c");
    assertThat(settings("https://vienna.example.org/camunda/app/tasklist/default").taskLink("4f1c")).isEqualTo(
        "https://vienna.example.org/camunda/app/tasklist/default/#/?task=4f1c");
  }

  @Test
  void anUnknownRecipientIsAnError() {
    assertThatThrownBy(() -> addresses.of("managers")).hasMessageContaining("managers");
  }
}
