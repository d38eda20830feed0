package org.osce.vienna.meeting;

import static org.osce.vienna.engine.ProcessConstants.FOLLOW_UP_MEETING;
import static org.osce.vienna.engine.ProcessConstants.MEETING_HELD;
import static org.osce.vienna.engine.ProcessConstants.MEETING_OUTCOME;
import static org.osce.vienna.engine.ProcessConstants.MEETING_PLACE;
import static org.osce.vienna.engine.ProcessConstants.MEETING_SCHEDULED_FOR;
import static org.osce.vienna.engine.ProcessConstants.MESSAGE_FOLLOW_UP_MEETING_RECORDED;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.osce.vienna.casefile.DateTimes;
import org.osce.vienna.engine.CaseVariables;
import org.springframework.stereotype.Component;

/**
 * The meeting asked for at follow-up has its outcome: tells the follow-up, which waits for it in the same case
 * (one follow-up decision at a time, so one waiting follow-up), to let the heads decide again, reading it.
 */
@Component
public class ReportMeetingToFollowUp implements JavaDelegate {

  private final RuntimeService runtimeService;

  public ReportMeetingToFollowUp(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // What the heads read when they decide again (this meeting's own variables end with it).
    Map<String, Object> meeting = new LinkedHashMap<>();
    meeting.put("held", CaseVariables.bool(execution, MEETING_HELD));
    meeting.put("outcome", CaseVariables.string(execution, MEETING_OUTCOME));
    Instant scheduledFor = CaseVariables.instant(execution, MEETING_SCHEDULED_FOR);
    meeting.put("scheduledFor", scheduledFor == null ? null : DateTimes.shown(scheduledFor));
    meeting.put("place", CaseVariables.string(execution, MEETING_PLACE));
    runtimeService.createMessageCorrelation(MESSAGE_FOLLOW_UP_MEETING_RECORDED)
        .processInstanceId(execution.getProcessInstanceId())
        .setVariable(FOLLOW_UP_MEETING, CaseVariables.jsonValue(meeting))
        .correlate();
  }
}
