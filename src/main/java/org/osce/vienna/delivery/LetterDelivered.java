package org.osce.vienna.delivery;

import java.time.Instant;
import java.util.List;

/**
 * The letter reached the addressee: the signatories are to know, whatever is made public. Published in the step's
 * transaction; whoever must be told listens (notification).
 */
public record LetterDelivered(String reference, String label, String addressee, List<String> signatories,
    Instant deliveredAt, Instant responseDueAt) {}
