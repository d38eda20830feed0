package org.osce.vienna.response;

import java.time.Instant;
import java.util.List;

/** The reply period ended without a response. Published in the step's transaction; whoever must be told listens (notification). */
public record ResponseDeadlinePassed(String reference, String label, List<String> signatories, Instant dueAt) {}
