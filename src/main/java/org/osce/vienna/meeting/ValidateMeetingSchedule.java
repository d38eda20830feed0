package org.osce.vienna.meeting;

import static org.osce.vienna.engine.ProcessConstants.MEETING_ID;
import static org.osce.vienna.engine.ProcessConstants.MEETING_SCHEDULED_FOR;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.osce.vienna.casefile.Timeline;
import org.osce.vienna.casefile.TimelineEvent;
import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.engine.CurrentUser;
import org.osce.vienna.engine.EngineClock;
import org.osce.vienna.engine.InputValues;
import org.springframework.stereotype.Component;

/** Completing "Arrange the bilateral meeting": the agreed date and time are required and recorded. */
@Component
public class ValidateMeetingSchedule implements TaskListener {

  private final Meetings meetings;
  private final Timeline timeline;
  private final CurrentUser currentUser;

  public ValidateMeetingSchedule(Meetings meetings, Timeline timeline, CurrentUser currentUser) {
    this.meetings = meetings;
    this.timeline = timeline;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    Instant scheduledFor = MeetingSchedule.read(InputValues.of(task)).scheduledFor();
    task.setVariable(MEETING_SCHEDULED_FOR, CaseVariables.dateValue(scheduledFor));
    meetings.scheduled(((Number) task.getVariable(MEETING_ID)).longValue(), scheduledFor);
    timeline.record(CaseVariables.reference(task.getExecution()), EngineClock.now(), TimelineEvent.MEETING_ARRANGED,
        currentUser.id(), "for " + scheduledFor);
  }
}
