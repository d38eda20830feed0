/**
 * The case REST API for ministries' systems (/api/cases; also read with the webapps' login), the contract's messages over /engine-rest, and Cockpit's Cases plugin, which shows the cases from it. A leaf: no module uses it.
 */
@ApplicationModule(displayName = "Case API")
package org.osce.vienna.api;

import org.springframework.modulith.ApplicationModule;
