package org.osce.vienna.meeting;

import static org.osce.vienna.engine.ProcessConstants.MEETING_HELD;
import static org.osce.vienna.engine.ProcessConstants.MEETING_OUTCOME;
import static org.osce.vienna.engine.ProcessConstants.TASK_RECORD_MEETING_OUTCOME;

import java.time.Instant;
import org.osce.vienna.casefile.DateTimes;
import org.osce.vienna.engine.Field;
import org.osce.vienna.engine.InputContract;
import org.osce.vienna.engine.InputReader;
import org.osce.vienna.engine.InputValues;

/** "Record the meeting outcome": whether the meeting was held, and what came of it. */
public record MeetingOutcome(boolean held, String outcome) {

  public static final int MAX_OUTCOME = 100_000;

  public static final Field HELD = Field.bool(MEETING_HELD).required("is required: was the meeting held?")
      .labelled("whether the meeting was held");
  public static final Field OUTCOME = Field.text(MEETING_OUTCOME, MAX_OUTCOME)
      .required("is required: what came of the meeting, or why it was not held")
      .labelled("the outcome of the meeting");

  public static final InputContract TASK = InputContract.task(TASK_RECORD_MEETING_OUTCOME, HELD, OUTCOME);

  public static final String REFUSED = "The meeting outcome cannot be recorded";

  /**
   * Reads and checks an outcome, throwing once with every problem. An outcome is known once the meeting's
   * time ({@code scheduledFor}; null when not known) has come, not before: until then the meeting is ahead.
   */
  public static MeetingOutcome read(InputValues values, Instant scheduledFor, Instant now) {
    InputReader in = new InputReader(values);
    Boolean held = in.bool(HELD);
    String outcome = in.text(OUTCOME);
    if (scheduledFor != null && now.isBefore(scheduledFor)) {
      in.refuse(MEETING_HELD, "cannot be said before the meeting's time, " + DateTimes.shown(scheduledFor)
          + ": record the outcome once the meeting has taken place");
    }
    in.throwIfAny(REFUSED);
    return new MeetingOutcome(held, outcome);
  }
}
