package org.osce.vienna.meeting;

import static org.osce.vienna.engine.ProcessConstants.MEETING_PLACE;
import static org.osce.vienna.engine.ProcessConstants.MEETING_SCHEDULED_FOR;
import static org.osce.vienna.engine.ProcessConstants.TASK_ARRANGE_BILATERAL_MEETING;

import java.time.Instant;
import org.osce.vienna.engine.Field;
import org.osce.vienna.engine.InputContract;
import org.osce.vienna.engine.InputReader;
import org.osce.vienna.engine.InputValues;

/** "Arrange the bilateral meeting": the date, time and place the States agreed on (Vienna para 2). */
public record MeetingSchedule(Instant scheduledFor, String place) {

  public static final int MAX_PLACE = 500;

  public static final Field SCHEDULED_FOR = Field.dateTime(MEETING_SCHEDULED_FOR)
      .required("is required: when will the meeting take place?")
      .labelled("the time of the meeting");
  public static final Field PLACE = Field.text(MEETING_PLACE, MAX_PLACE)
      .required("is required: where will the meeting take place?")
      .labelled("the place of the meeting");

  public static final InputContract TASK = InputContract.task(TASK_ARRANGE_BILATERAL_MEETING, SCHEDULED_FOR, PLACE);

  public static MeetingSchedule read(InputValues values) {
    InputReader in = new InputReader(values);
    Instant scheduledFor = in.dateTime(SCHEDULED_FOR);
    String place = in.text(PLACE);
    in.throwIfAny("The meeting cannot be arranged");
    return new MeetingSchedule(scheduledFor, place);
  }
}
