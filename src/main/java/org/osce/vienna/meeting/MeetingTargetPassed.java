package org.osce.vienna.meeting;

import java.time.Instant;
import java.util.List;

/** A week passed without the requested meeting's outcome recorded. Published in the step's transaction; whoever must be told listens (notification). */
public record MeetingTargetPassed(String reference, String label, List<String> signatories, long meetingId, Instant targetAt) {}
