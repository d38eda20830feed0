package org.osce.vienna.notification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where notices and letters go, under {@code vienna.mail.*} (docs/operations.md, "Configuration"). The SMTP
 * server itself is Spring's {@code spring.mail.*}.
 *
 * @param from the sender of every message
 * @param delegationAddressPattern a delegation's address, {@code {code}} = its lower-case State code
 * @param missionAddressPattern the address of a State's mission, where the letter goes
 * @param delegationAddresses addresses that do not follow the pattern, by lower-case State code
 * @param missionAddresses likewise for missions
 * @param tasklistUrl Camunda Tasklist as the recipients open it, e.g.
 *     {@code https://vienna.example.org/camunda/app/tasklist/default/}: an invitation links to its task there
 */
@Validated
@ConfigurationProperties(prefix = "vienna.mail")
public record MailSettings(
    @NotBlank String from,
    @NotBlank String delegationAddressPattern,
    @NotBlank String missionAddressPattern,
    Map<String, String> delegationAddresses,
    Map<String, String> missionAddresses,
    @NotBlank String tasklistUrl,
    @Valid @NotNull Dispatch dispatch) {

  public static final String CODE_PLACEHOLDER = "{code}";

  public MailSettings {
    delegationAddresses = delegationAddresses == null ? Map.of() : Map.copyOf(delegationAddresses);
    missionAddresses = missionAddresses == null ? Map.of() : Map.copyOf(missionAddresses);
  }

  /** The address of a task in Tasklist: {@code <tasklist-url>/#/?task=<id>}. */
  public String taskLink(String taskId) {
    String base = tasklistUrl.strip();
    return (base.endsWith("/") ? base : base + "/") + "#/?task=" + taskId;
  }

  /**
   * How the outbox is sent.
   *
   * @param enabled whether this instance sends the outbox (off in tests that send by hand)
   * @param interval pause between two passes
   * @param batchSize messages read from the outbox at a time; a pass goes on, batch after batch, until nothing is due
   * @param connections connections to the mail server a pass sends over at once
   * @param firstRetry wait after the first failed attempt; doubled after each further failure
   * @param maxRetry the longest wait between two attempts (a message is retried until it is sent); with the
   *     interval it bounds how long a message still waits once the mail server is back
   * @param claimTimeout after this a message claimed by a sender that never finished (a crash) is sent again
   */
  public record Dispatch(
      boolean enabled,
      @NotNull Duration interval,
      @Min(1) int batchSize,
      @Min(1) int connections,
      @NotNull Duration firstRetry,
      @NotNull Duration maxRetry,
      @NotNull Duration claimTimeout) {

    /**
     * The longest a waiting message can still wait once the mail server is back, before its pass begins: its
     * back-off (at most {@code maxRetry}) and then the next pass (at most {@code interval}). A pass then sends
     * every due message, one after the other (docs/operations.md, "Notifications and e-mail").
     */
    public Duration longestWaitOnceServerIsBack() {
      return maxRetry.plus(interval);
    }
  }
}
