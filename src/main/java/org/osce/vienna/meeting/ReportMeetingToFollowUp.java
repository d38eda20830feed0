package org.osce.vienna.meeting;

import static org.osce.vienna.engine.ProcessConstants.MESSAGE_FOLLOW_UP_MEETING_RECORDED;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The meeting asked for at follow-up has its outcome: tells the follow-up, which waits for it in the same case
 * (one follow-up decision at a time, so one waiting follow-up), to let the heads decide again.
 */
@Component
public class ReportMeetingToFollowUp implements JavaDelegate {

  private final RuntimeService runtimeService;

  public ReportMeetingToFollowUp(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    runtimeService.createMessageCorrelation(MESSAGE_FOLLOW_UP_MEETING_RECORDED)
        .processInstanceId(execution.getProcessInstanceId())
        .correlate();
  }
}
