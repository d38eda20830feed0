package org.osce.vienna.response;

import java.util.List;

/** A response was recorded, on time or {@code daysLate} days late. Published in the step's transaction; whoever must be told listens (notification). */
public record ResponseRecorded(String reference, String label, List<String> signatories, boolean onTime, int daysLate) {}
