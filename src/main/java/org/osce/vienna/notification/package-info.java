/**
 * The outbox of notices, their e-mail and calendar entries, the letter sent by e-mail. It listens to the phases' events; a leaf: no module uses it.
 */
@ApplicationModule(displayName = "Notification")
package org.osce.vienna.notification;

import org.springframework.modulith.ApplicationModule;
