package org.osce.vienna.signoff;

import static org.osce.vienna.engine.ProcessConstants.INVITED_DELEGATIONS;
import static org.osce.vienna.engine.ProcessConstants.LEAD_DELEGATION;
import static org.osce.vienna.engine.ProcessConstants.SIGN_OFF_DUE_AT;
import static org.osce.vienna.engine.ProcessConstants.SIGN_OFF_REMINDER_AT;

import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.casefile.CaseStatus;
import org.osce.vienna.casefile.Deadlines;
import org.osce.vienna.casefile.Timeline;
import org.osce.vienna.casefile.TimelineEvent;
import org.osce.vienna.casefile.ViennaProperties;
import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.engine.EngineClock;
import org.springframework.stereotype.Component;

/**
 * Records who is invited to co-sign; each invited delegation's task then tells its heads ({@link InviteToCoSign}).
 * Sets when those still undecided are reminded ({@link RemindUndecidedDelegations}).
 */
@Component
public class OpenSignOffRound implements JavaDelegate {

  private final Signatories signatories;
  private final CaseRecords cases;
  private final Timeline timeline;
  private final ViennaProperties properties;

  public OpenSignOffRound(Signatories signatories, CaseRecords cases, Timeline timeline,
      ViennaProperties properties) {
    this.properties = properties;
    this.signatories = signatories;
    this.cases = cases;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = CaseVariables.reference(execution);
    List<String> invited = CaseVariables.strings(execution, INVITED_DELEGATIONS);
    Instant now = EngineClock.now();
    signatories.openRound(reference, (String) execution.getVariable(LEAD_DELEGATION), invited, now);
    Instant dueAt = CaseVariables.instant(execution, SIGN_OFF_DUE_AT);
    execution.setVariable(SIGN_OFF_REMINDER_AT, CaseVariables.dateValue(dueAt == null ? null
        : Deadlines.reminderAt(dueAt.minus(properties.signOffReminderBefore()), dueAt, now)));
    cases.status(reference, CaseStatus.SIGN_OFF);
    timeline.record(reference, now, TimelineEvent.SIGN_OFF_OPENED, null,
        invited.size() + " delegations invited to co-sign" + (invited.isEmpty() ? "" : ": " + String.join(", ", invited)));
  }
}
