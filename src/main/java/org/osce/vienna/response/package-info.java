/**
 * Phase 4, response: the written reply (on time, late or none), the deadline passed, the assessment of the reply.
 */
@ApplicationModule(displayName = "Response", allowedDependencies = {"casefile", "engine", "drafting", "signoff", "delivery"})
package org.osce.vienna.response;

import org.springframework.modulith.ApplicationModule;
