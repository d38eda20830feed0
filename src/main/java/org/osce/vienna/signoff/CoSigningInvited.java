package org.osce.vienna.signoff;

import java.time.Instant;
import java.util.List;

/** Delegations were invited to co-sign a letter, to decide by {@code dueAt}. Published in the step's transaction; whoever must be told listens (notification). */
public record CoSigningInvited(String reference, String label, List<String> invited, Instant dueAt) {}
