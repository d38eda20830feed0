package org.osce.vienna.meeting;

import static org.osce.vienna.engine.ProcessConstants.MEETING_SCHEDULED_FOR;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.osce.vienna.casefile.Timeline;
import org.osce.vienna.casefile.TimelineEvent;
import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.engine.CurrentUser;
import org.osce.vienna.engine.EngineClock;
import org.osce.vienna.engine.InputValues;
import org.springframework.stereotype.Component;

/** Completing "Record the meeting outcome": whether it was held, and what came of it; not before its time. */
@Component
public class ValidateMeetingOutcome implements TaskListener {

  private final Timeline timeline;
  private final CurrentUser currentUser;

  public ValidateMeetingOutcome(Timeline timeline, CurrentUser currentUser) {
    this.timeline = timeline;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    MeetingOutcome meeting = MeetingOutcome.read(InputValues.of(task),
        CaseVariables.instant(task, MEETING_SCHEDULED_FOR), EngineClock.now());
    timeline.record(CaseVariables.reference(task.getExecution()), EngineClock.now(),
        meeting.held() ? TimelineEvent.MEETING_HELD : TimelineEvent.MEETING_NOT_HELD, currentUser.id(),
        meeting.outcome());
  }
}
