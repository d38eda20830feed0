package org.osce.vienna.meeting;

import java.time.Instant;
import java.util.List;

/** A meeting was set for {@code scheduledFor}, after its one-week target. Published in the step's transaction; whoever must be told listens (notification). */
public record MeetingSetAfterTarget(String reference, String label, List<String> signatories, long meetingId,
    Instant targetAt, Instant scheduledFor) {}
