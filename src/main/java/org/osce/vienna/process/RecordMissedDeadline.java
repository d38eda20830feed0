package org.osce.vienna.process;

import static org.osce.vienna.process.ProcessConstants.CASE_LABEL;
import static org.osce.vienna.process.ProcessConstants.RESPONSE_DUE_AT;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.osce.vienna.cases.CaseRecords;
import org.osce.vienna.cases.Signatories;
import org.osce.vienna.cases.Timeline;
import org.osce.vienna.cases.TimelineEvent;
import org.osce.vienna.notification.CaseNotices;
import org.springframework.stereotype.Component;

/** The reply deadline passed without a response: record it and tell the signatories; the wait goes on. */
@Component
public class RecordMissedDeadline implements JavaDelegate {

  private final CaseRecords cases;
  private final Signatories signatories;
  private final CaseNotices notices;
  private final Timeline timeline;

  public RecordMissedDeadline(CaseRecords cases, Signatories signatories, CaseNotices notices, Timeline timeline) {
    this.cases = cases;
    this.signatories = signatories;
    this.notices = notices;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = CaseVariables.reference(execution);
    Instant now = EngineClock.now();
    Instant dueAt = CaseVariables.instant(execution, RESPONSE_DUE_AT);
    cases.deadlineMissed(reference, now);
    notices.deadlinePassed(reference, (String) execution.getVariable(CASE_LABEL), signatories.signing(reference), dueAt);
    timeline.record(reference, now, TimelineEvent.RESPONSE_DEADLINE_PASSED, null, "due " + dueAt);
  }
}
