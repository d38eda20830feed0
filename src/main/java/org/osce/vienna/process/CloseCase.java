package org.osce.vienna.process;

import static org.osce.vienna.process.ProcessConstants.CASE_LABEL;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.osce.vienna.cases.CaseRecords;
import org.osce.vienna.cases.FollowUps;
import org.osce.vienna.cases.Signatories;
import org.osce.vienna.cases.Timeline;
import org.osce.vienna.cases.TimelineEvent;
import org.osce.vienna.notification.CaseNotices;
import org.springframework.stereotype.Component;

/** Records the case's outcome and tells every signatory that it is closed. */
@Component
public class CloseCase implements JavaDelegate {

  private final CaseRecords cases;
  private final FollowUps followUps;
  private final Signatories signatories;
  private final CaseNotices notices;
  private final Timeline timeline;

  public CloseCase(CaseRecords cases, FollowUps followUps, Signatories signatories, CaseNotices notices,
      Timeline timeline) {
    this.cases = cases;
    this.followUps = followUps;
    this.signatories = signatories;
    this.notices = notices;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = CaseVariables.reference(execution);
    Instant now = EngineClock.now();
    var actions = followUps.of(reference);
    cases.closed(reference, now);
    notices.caseClosed(reference, (String) execution.getVariable(CASE_LABEL), signatories.signing(reference), actions);
    timeline.record(reference, now, TimelineEvent.CASE_CLOSED, null,
        "response " + cases.get(reference).responseStatus() + "; follow-up " + actions);
  }
}
