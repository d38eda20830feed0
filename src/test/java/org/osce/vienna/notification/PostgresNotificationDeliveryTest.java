package org.osce.vienna.notification;

import org.osce.vienna.support.PostgresApplicationTest;

/** The delivery on PostgreSQL (profile "postgres"): the claims and the back-off in its SQL. */
@PostgresApplicationTest
class PostgresNotificationDeliveryTest extends NotificationDeliveryTest {
}
