/**
 * Users, groups, authorizations and Tasklist filters, set up as an administrator would; the demo data; authentication of /engine-rest and the actuator. A leaf: no module uses it.
 */
@ApplicationModule(displayName = "Identity")
package org.osce.vienna.identity;

import org.springframework.modulith.ApplicationModule;
