/**
 * Phase 3, delivery: the final letter (HTML, PDF), its delivery by e-mail or by hand, informing the participating States.
 */
@ApplicationModule(displayName = "Delivery", allowedDependencies = {"casefile", "engine", "drafting", "signoff"})
package org.osce.vienna.delivery;

import org.springframework.modulith.ApplicationModule;
