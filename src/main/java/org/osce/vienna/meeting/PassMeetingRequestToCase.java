package org.osce.vienna.meeting;

import static org.osce.vienna.engine.ProcessConstants.MEETING_REQUESTED_AT;
import static org.osce.vienna.engine.ProcessConstants.MEETING_REQUESTED_BY;
import static org.osce.vienna.engine.ProcessConstants.MESSAGE_BILATERAL_MEETING_REQUESTED;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.osce.vienna.engine.CaseVariables;
import org.springframework.stereotype.Component;

/**
 * Passes a head of delegation's checked request to the case: the message {@code BilateralMeetingRequested}
 * by business key (the case reference), as a system would send it. The case's own listener checks it once more.
 */
@Component
public class PassMeetingRequestToCase implements JavaDelegate {

  private final RuntimeService runtimeService;

  public PassMeetingRequestToCase(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    runtimeService.createMessageCorrelation(MESSAGE_BILATERAL_MEETING_REQUESTED)
        .processInstanceBusinessKey(CaseVariables.reference(execution))
        .setVariable(MEETING_REQUESTED_BY, execution.getVariable(MEETING_REQUESTED_BY))
        .setVariable(MEETING_REQUESTED_AT, execution.getVariable(MEETING_REQUESTED_AT))
        .correlate();
  }
}
