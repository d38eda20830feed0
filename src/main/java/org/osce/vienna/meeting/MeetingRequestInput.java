package org.osce.vienna.meeting;

import static org.osce.vienna.engine.ProcessConstants.MEETING_REQUESTED_AT;
import static org.osce.vienna.engine.ProcessConstants.MEETING_REQUESTED_BY;
import static org.osce.vienna.engine.ProcessConstants.MEETING_REQUEST_PROCESS_KEY;
import static org.osce.vienna.engine.ProcessConstants.MESSAGE_BILATERAL_MEETING_REQUESTED;
import static org.osce.vienna.engine.ProcessConstants.REFERENCE;

import java.time.Instant;
import org.osce.vienna.casefile.DateTimes;
import org.osce.vienna.engine.Field;
import org.osce.vienna.engine.InputContract;
import org.osce.vienna.engine.InputReader;
import org.osce.vienna.engine.InputValues;

/**
 * A request for a bilateral meeting, as the message {@code BilateralMeetingRequested}, the case API and
 * a head's request in Tasklist (process {@code request-bilateral-meeting}) take it: which State asks, and
 * when (now when not said).
 */
public record MeetingRequestInput(String requestedBy, Instant requestedAt) {

  public static final Field REQUESTED_BY = Field.state(MEETING_REQUESTED_BY)
      .required("is required (the code of the State that asks)");
  public static final Field REQUESTED_AT = Field.dateTime(MEETING_REQUESTED_AT)
      .labelled("the time the meeting was asked for");
  public static final Field CASE_REFERENCE = Field.text(REFERENCE, 64).required("is required (the case's reference)")
      .labelled("the case reference");

  public static final InputContract MESSAGE =
      InputContract.message(MESSAGE_BILATERAL_MEETING_REQUESTED, REQUESTED_BY, REQUESTED_AT);
  /** In Tasklist the head names the case; her State is the one she heads, never a field. */
  public static final InputContract TASKLIST_START =
      InputContract.start(MEETING_REQUEST_PROCESS_KEY, "a meeting request", CASE_REFERENCE, REQUESTED_AT);

  public static final String REFUSED = "The bilateral meeting request cannot be accepted";

  /**
   * Reads and checks a request, throwing once with every problem: the asking State is a participating
   * State, and it asked neither in the future nor before the letter was delivered ({@code deliveredAt},
   * null when not yet known).
   */
  public static MeetingRequestInput read(InputValues values, Instant deliveredAt, Instant now) {
    InputReader in = new InputReader(values);
    String requestedBy = in.state(REQUESTED_BY);
    Instant requestedAt = in.dateTime(REQUESTED_AT);
    if (requestedAt != null && DateTimes.isInFuture(requestedAt, now)) {
      in.refuse(MEETING_REQUESTED_AT, DateTimes.notInFuture(requestedAt));
    } else if (requestedAt != null && deliveredAt != null && requestedAt.isBefore(deliveredAt)) {
      in.refuse(MEETING_REQUESTED_AT, "cannot be before the letter was delivered, on " + DateTimes.shown(deliveredAt));
    }
    in.throwIfAny(REFUSED);
    return new MeetingRequestInput(requestedBy, requestedAt != null ? requestedAt : now);
  }
}
