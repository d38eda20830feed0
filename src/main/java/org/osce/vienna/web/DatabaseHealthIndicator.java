package org.osce.vienna.web;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health component {@code db}, in place of Spring Boot's (the bean name makes Spring Boot leave its
 * own out): DOWN within {@code vienna.health.database-timeout} when the database does not answer,
 * where Spring Boot's would wait for the pool's connection timeout.
 */
@Component("dbHealthIndicator")
public class DatabaseHealthIndicator implements HealthIndicator {

  private final DatabaseProbe probe;

  public DatabaseHealthIndicator(DatabaseProbe probe) {
    this.probe = probe;
  }

  @Override
  public Health health() {
    DatabaseProbe.Result result = probe.check();
    return result.reachable()
        ? Health.up().withDetail("database", result.detail()).withDetail("validation", "isValid()").build()
        : Health.down().withDetail("error", result.detail()).build();
  }
}
