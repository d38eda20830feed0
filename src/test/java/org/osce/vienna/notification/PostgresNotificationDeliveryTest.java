package org.osce.vienna.notification;

import org.osce.vienna.support.PostgresTestDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same delivery, on PostgreSQL (profile "postgres"): the claims and the back-off in its SQL. */
@ActiveProfiles("postgres")
class PostgresNotificationDeliveryTest extends NotificationDeliveryTest {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.register(registry, "notifications");
  }
}
