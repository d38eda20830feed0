package org.osce.vienna.notification;

import org.osce.vienna.support.H2ApplicationTest;

/** The delivery on H2, the embedded first run's database. */
@H2ApplicationTest
class H2NotificationDeliveryTest extends NotificationDeliveryTest {
}
