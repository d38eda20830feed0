package org.osce.vienna.followup;

import java.util.List;

/**
 * The lead withdrew the invocation, for {@code reason}. Published by the step that tells the delegations, in its
 * transaction; whoever must be told listens (notification).
 *
 * @param delegations the States to tell: those that sign, and those still asked to decide on co-signing
 */
public record InvocationWithdrawn(String reference, String label, String lead, List<String> delegations,
    String reason) {}
