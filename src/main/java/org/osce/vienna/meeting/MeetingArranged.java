package org.osce.vienna.meeting;

import java.time.Instant;
import java.util.List;

/** A bilateral meeting was arranged for {@code scheduledFor} at {@code place}. Published in the step's transaction; whoever must be told listens (notification). */
public record MeetingArranged(String reference, String label, List<String> signatories, long meetingId, Instant scheduledFor,
    String place) {}
