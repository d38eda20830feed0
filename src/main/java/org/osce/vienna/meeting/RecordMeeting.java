package org.osce.vienna.meeting;

import static org.osce.vienna.engine.ProcessConstants.MEETING_HELD;
import static org.osce.vienna.engine.ProcessConstants.MEETING_ID;
import static org.osce.vienna.engine.ProcessConstants.MEETING_OUTCOME;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.osce.vienna.casefile.Timeline;
import org.osce.vienna.casefile.TimelineEvent;
import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.engine.EngineClock;
import org.springframework.stereotype.Component;

/** Keeps the meeting's outcome with the case. */
@Component
public class RecordMeeting implements JavaDelegate {

  private final Meetings meetings;
  private final Timeline timeline;

  public RecordMeeting(Meetings meetings, Timeline timeline) {
    this.meetings = meetings;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    meetings.outcome(((Number) execution.getVariable(MEETING_ID)).longValue(),
        CaseVariables.requireBool(execution, MEETING_HELD), CaseVariables.string(execution, MEETING_OUTCOME),
        EngineClock.now());
    timeline.record(CaseVariables.reference(execution), EngineClock.now(), TimelineEvent.MEETING_RECORDED, null, null);
  }
}
