package org.osce.vienna.notification;

import java.time.Duration;

/** Exponential back-off: the first wait after the first failure, doubled after each further one, capped. */
public record RetryBackoff(Duration first, Duration max) {

  /** @param failedAttempts attempts made so far, all failed (at least 1) */
  public Duration after(int failedAttempts) {
    Duration wait = first;
    for (int i = 1; i < failedAttempts && wait.compareTo(max) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(max) > 0 ? max : wait;
  }
}
