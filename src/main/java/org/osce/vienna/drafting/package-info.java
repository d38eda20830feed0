/**
 * Phase 1, drafting: the start data, the letter and its draft, the invitations to co-sign (recorded for who may see the case), the heads' review of the draft.
 */
@ApplicationModule(displayName = "Drafting", allowedDependencies = {"casefile", "engine"})
package org.osce.vienna.drafting;

import org.springframework.modulith.ApplicationModule;
