package org.osce.vienna.identity;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code vienna.login-throttle.*}: how many failed logins a source address may make before its
 * attempts are refused unchecked, how fast that budget comes back, and how many sources are
 * remembered at once (docs/operations.md, "Configuration").
 */
@Validated
@ConfigurationProperties(prefix = "vienna.login-throttle")
public record LoginThrottleSettings(
    @Min(1) int maxFailures,
    @NotNull Duration refillPeriod,
    @Min(1) int maxSources) {
}
