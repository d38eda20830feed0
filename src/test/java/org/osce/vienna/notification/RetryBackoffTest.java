package org.osce.vienna.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

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
}
