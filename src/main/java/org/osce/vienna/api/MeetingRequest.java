package org.osce.vienna.api;

import static org.osce.vienna.engine.ProcessConstants.MEETING_REQUESTED_AT;
import static org.osce.vienna.engine.ProcessConstants.MEETING_REQUESTED_BY;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.HashMap;
import java.util.Map;
import org.osce.vienna.meeting.MeetingRequestInput;

/**
 * {@code POST /api/cases/{reference}/bilateral-meeting-requests}: what {@code BilateralMeetingRequested}
 * carries. Its rules are the request's input contract ({@link MeetingRequestInput}).
 */
@Schema(name = "BilateralMeetingRequested", description = "A request for a bilateral meeting, as the message"
    + " BilateralMeetingRequested carries it")
public record MeetingRequest(
    @Schema(description = "The State that asks: the addressee or a signatory", example = "BY",
        requiredMode = Schema.RequiredMode.REQUIRED)
    String meetingRequestedBy,

    @Schema(description = "When it asked: ISO-8601 with offset, not in the future; now when left out",
        example = "2021-11-15T11:00:00+01:00")
    String meetingRequestedAt) {

  /** The body as the message's variables, for the request's input contract to read. */
  Map<String, Object> variables() {
    Map<String, Object> variables = new HashMap<>();
    variables.put(MEETING_REQUESTED_BY, meetingRequestedBy);
    variables.put(MEETING_REQUESTED_AT, meetingRequestedAt);
    return variables;
  }
}
