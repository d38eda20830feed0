package org.osce.vienna.followup;

import java.util.List;

/** The case was closed with its follow-up actions. Published in the step's transaction; whoever must be told listens (notification). */
public record CaseClosed(String reference, String label, List<String> signatories, List<FollowUpAction> actions) {}
