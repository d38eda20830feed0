package org.osce.vienna.meeting;

import java.time.Instant;
import java.util.List;

/**
 * A bilateral meeting was requested, to be held as a rule by {@code targetAt}. Published in the step's transaction;
 * whoever must be told listens (notification): the signatories, and the addressee when the invoking side asks it.
 */
public record MeetingRequested(String reference, String label, List<String> signatories, String addressee,
    String requestedBy, long meetingId, Instant targetAt) {

  /** The invoking side asks (a signatory, the lead at follow-up): the addressee is asked for the meeting. */
  public boolean askedOfAddressee() {
    return !requestedBy.equals(addressee);
  }
}
