package org.osce.vienna.signoff;

import static org.osce.vienna.engine.ProcessConstants.CASE_LABEL;
import static org.osce.vienna.engine.ProcessConstants.INVITED_DELEGATIONS;
import static org.osce.vienna.engine.ProcessConstants.LEAD_DELEGATION;
import static org.osce.vienna.engine.ProcessConstants.SIGN_OFF_DUE_AT;

import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.casefile.CaseStatus;
import org.osce.vienna.casefile.Timeline;
import org.osce.vienna.casefile.TimelineEvent;
import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.engine.EngineClock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Records who is invited to co-sign and tells their heads of delegation. */
@Component
public class OpenSignOffRound implements JavaDelegate {

  private final Signatories signatories;
  private final CaseRecords cases;
  private final ApplicationEventPublisher events;
  private final Timeline timeline;

  public OpenSignOffRound(Signatories signatories, CaseRecords cases, ApplicationEventPublisher events, Timeline timeline) {
    this.signatories = signatories;
    this.cases = cases;
    this.events = events;
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
      events.publishEvent(new CoSigningInvited(reference, (String) execution.getVariable(CASE_LABEL), invited,
          CaseVariables.instant(execution, SIGN_OFF_DUE_AT)));
    }
    timeline.record(reference, now, TimelineEvent.SIGN_OFF_OPENED, null,
        invited.size() + " delegations invited to co-sign" + (invited.isEmpty() ? "" : ": " + String.join(", ", invited)));
  }
}
