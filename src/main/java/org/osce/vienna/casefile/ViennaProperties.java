package org.osce.vienna.casefile;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The application's settings under {@code vienna.*} (see docs/operations.md, "Configuration").
 *
 * @param signOffReminderBefore how long before the sign-off deadline the undecided delegations are reminded
 * @param responseReminderTime the time of day (in {@code timeZone}) the lead is reminded on the day the reply is due
 */
@Validated
@ConfigurationProperties(prefix = "vienna")
public record ViennaProperties(
    @Min(1) @Max(90) int responsePeriodDays,
    @Min(1) @Max(90) int meetingTargetDays,
    @NotNull ZoneId timeZone,
    @NotNull Duration signOffReminderBefore,
    @NotNull LocalTime responseReminderTime,
    Demo demo) {

  public record Demo(boolean enabled) {
  }
}
