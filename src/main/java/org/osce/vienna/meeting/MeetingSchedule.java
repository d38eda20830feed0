package org.osce.vienna.meeting;

import static org.osce.vienna.engine.ProcessConstants.MEETING_SCHEDULED_FOR;
import static org.osce.vienna.engine.ProcessConstants.TASK_ARRANGE_BILATERAL_MEETING;

import java.time.Instant;
import org.osce.vienna.engine.Field;
import org.osce.vienna.engine.InputContract;
import org.osce.vienna.engine.InputReader;
import org.osce.vienna.engine.InputValues;

/** "Arrange the bilateral meeting": the date and time the States agreed on. */
public record MeetingSchedule(Instant scheduledFor) {

  public static final Field SCHEDULED_FOR = Field.dateTime(MEETING_SCHEDULED_FOR)
      .required("is required: when will the meeting take place?")
      .labelled("the time of the meeting");

  public static final InputContract TASK = InputContract.task(TASK_ARRANGE_BILATERAL_MEETING, SCHEDULED_FOR);

  public static MeetingSchedule read(InputValues values) {
    InputReader in = new InputReader(values);
    Instant scheduledFor = in.dateTime(SCHEDULED_FOR);
    in.throwIfAny("The meeting cannot be arranged");
    return new MeetingSchedule(scheduledFor);
  }
}
