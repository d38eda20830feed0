package org.osce.vienna.followup;

import static org.osce.vienna.engine.ProcessConstants.LEAD_DELEGATION;
import static org.osce.vienna.engine.ProcessConstants.MEETING_ASKED_AT_FOLLOW_UP;
import static org.osce.vienna.engine.ProcessConstants.MEETING_REQUESTED_AT;
import static org.osce.vienna.engine.ProcessConstants.MEETING_REQUESTED_BY;
import static org.osce.vienna.engine.ProcessConstants.MESSAGE_BILATERAL_MEETING_REQUESTED;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.engine.EngineClock;
import org.springframework.stereotype.Component;

/**
 * The heads chose a bilateral meeting as follow-up: the invoking side requests it with the same
 * {@code BilateralMeetingRequested} message an addressee's request arrives with, so every meeting
 * runs the same way (the addressee is asked for it). Marked as asked at follow-up: the follow-up waits for
 * this meeting's outcome.
 */
@Component
public class RequestBilateralMeeting implements JavaDelegate {

  private final RuntimeService runtimeService;

  public RequestBilateralMeeting(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    runtimeService.createMessageCorrelation(MESSAGE_BILATERAL_MEETING_REQUESTED)
        .processInstanceId(execution.getProcessInstanceId())
        .setVariable(MEETING_REQUESTED_BY, execution.getVariable(LEAD_DELEGATION))
        .setVariable(MEETING_REQUESTED_AT, CaseVariables.dateValue(EngineClock.now()))
        .setVariable(MEETING_ASKED_AT_FOLLOW_UP, true)
        .correlate();
  }
}
