/**
 * Phase 2, sign-off: the co-signing round, the signatories and their decisions, the "on behalf of" list.
 */
@ApplicationModule(displayName = "Sign-off", allowedDependencies = {"casefile", "engine", "drafting"})
package org.osce.vienna.signoff;

import org.springframework.modulith.ApplicationModule;
