/**
 * Phase 5, bilateral meetings: requests, the one-week target, scheduling and outcomes.
 */
@ApplicationModule(displayName = "Bilateral meeting", allowedDependencies = {"casefile", "engine", "drafting", "signoff", "delivery", "response"})
package org.osce.vienna.meeting;

import org.springframework.modulith.ApplicationModule;
