/**
 * The case REST API for ministries' systems (/api/cases), and the contract's messages over /engine-rest. A leaf: no module uses it.
 */
@ApplicationModule(displayName = "Case API")
package org.osce.vienna.api;

import org.springframework.modulith.ApplicationModule;
