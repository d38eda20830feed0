package org.osce.vienna.response;

import static org.osce.vienna.engine.ProcessConstants.RESPONSE_STATUS;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.casefile.ResponseStatus;
import org.osce.vienna.casefile.Timeline;
import org.osce.vienna.casefile.TimelineEvent;
import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.engine.EngineClock;
import org.springframework.stereotype.Component;

/** The wait was closed without a response: the case is recorded as unanswered and goes to follow-up. */
@Component
public class RecordNoResponse implements JavaDelegate {

  private final CaseRecords cases;
  private final Timeline timeline;

  public RecordNoResponse(CaseRecords cases, Timeline timeline) {
    this.cases = cases;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = CaseVariables.reference(execution);
    cases.noResponse(reference);
    execution.setVariable(RESPONSE_STATUS, ResponseStatus.NONE.name());
    timeline.record(reference, EngineClock.now(), TimelineEvent.NO_RESPONSE, null, "recorded as unanswered");
  }
}
