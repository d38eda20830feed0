package org.osce.vienna.response;

import java.util.List;

/**
 * A reply was recorded, on time or {@code daysLate} days late; {@code supplementary} when it came after the case's
 * first reply. Published in the step's transaction; whoever must be told listens (notification).
 */
public record ResponseRecorded(String reference, String label, List<String> signatories, boolean onTime, int daysLate,
    boolean supplementary) {

  /** The case's first reply. */
  public ResponseRecorded(String reference, String label, List<String> signatories, boolean onTime, int daysLate) {
    this(reference, label, signatories, onTime, daysLate, false);
  }
}
