package org.osce.vienna.process;

import static org.osce.vienna.process.ProcessConstants.CASE_LABEL;
import static org.osce.vienna.process.ProcessConstants.INVITED_DELEGATIONS;
import static org.osce.vienna.process.ProcessConstants.LEAD_DELEGATION;
import static org.osce.vienna.process.ProcessConstants.SIGN_OFF_DUE_AT;

import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.osce.vienna.cases.CaseRecords;
import org.osce.vienna.cases.CaseStatus;
import org.osce.vienna.cases.Signatories;
import org.osce.vienna.cases.Timeline;
import org.osce.vienna.cases.TimelineEvent;
import org.osce.vienna.notification.CaseNotices;
import org.springframework.stereotype.Component;

/** Records who is invited to co-sign and tells their heads of delegation. */
@Component
public class OpenSignOffRound implements JavaDelegate {

  private final Signatories signatories;
  private final CaseRecords cases;
  private final CaseNotices notices;
  private final Timeline timeline;

  public OpenSignOffRound(Signatories signatories, CaseRecords cases, CaseNotices notices, Timeline timeline) {
    this.signatories = signatories;
    this.cases = cases;
    this.notices = notices;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = CaseVariables.reference(execution);
    List<String> invited = CaseVariables.strings(execution, INVITED_DELEGATIONS);
    Instant now = EngineClock.now();
    signatories.openRound(reference, (String) execution.getVariable(LEAD_DELEGATION), invited, now);
    cases.status(reference, CaseStatus.SIGN_OFF);
    if (!invited.isEmpty()) {
      notices.invitedToCoSign(reference, (String) execution.getVariable(CASE_LABEL), invited,
          CaseVariables.instant(execution, SIGN_OFF_DUE_AT));
    }
    timeline.record(reference, now, TimelineEvent.SIGN_OFF_OPENED, null,
        invited.size() + " delegations invited to co-sign" + (invited.isEmpty() ? "" : ": " + String.join(", ", invited)));
  }
}
