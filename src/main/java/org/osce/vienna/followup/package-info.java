/**
 * Phase 6, follow-up: the follow-up decision (bilateral meeting, Moscow Mechanism, ...) and closing the case.
 */
@ApplicationModule(displayName = "Follow-up", allowedDependencies = {"casefile", "engine", "drafting", "signoff", "delivery", "response", "meeting"})
package org.osce.vienna.followup;

import org.springframework.modulith.ApplicationModule;
