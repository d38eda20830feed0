package org.osce.vienna.response;

import static org.osce.vienna.engine.ProcessConstants.CASE_LABEL;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_DUE_AT;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.osce.vienna.casefile.DateTimes;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.casefile.Timeline;
import org.osce.vienna.casefile.TimelineEvent;
import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.engine.EngineClock;
import org.osce.vienna.signoff.Signatories;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** The reply deadline passed without a response: record it and tell the signatories; the wait goes on. */
@Component
public class RecordMissedDeadline implements JavaDelegate {

  private final CaseRecords cases;
  private final Signatories signatories;
  private final ApplicationEventPublisher events;
  private final Timeline timeline;

  public RecordMissedDeadline(CaseRecords cases, Signatories signatories, ApplicationEventPublisher events, Timeline timeline) {
    this.cases = cases;
    this.signatories = signatories;
    this.events = events;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = CaseVariables.reference(execution);
    Instant now = EngineClock.now();
    Instant dueAt = CaseVariables.instant(execution, RESPONSE_DUE_AT);
    cases.deadlineMissed(reference, now);
    events.publishEvent(new ResponseDeadlinePassed(reference, (String) execution.getVariable(CASE_LABEL), signatories.signing(reference), dueAt));
    timeline.record(reference, now, TimelineEvent.RESPONSE_DEADLINE_PASSED, null, "due " + DateTimes.shown(dueAt));
  }
}
