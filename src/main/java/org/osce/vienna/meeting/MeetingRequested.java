package org.osce.vienna.meeting;

import java.time.Instant;
import java.util.List;

/** A bilateral meeting was requested, to be held as a rule by {@code targetAt}. Published in the step's transaction; whoever must be told listens (notification). */
public record MeetingRequested(String reference, String label, List<String> signatories, String requestedBy, long meetingId, Instant targetAt) {}
