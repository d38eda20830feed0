package org.osce.vienna.meeting;

import static org.osce.vienna.engine.ProcessConstants.ADDRESSEE_STATE;
import static org.osce.vienna.engine.ProcessConstants.MEETING_HELD;
import static org.osce.vienna.engine.ProcessConstants.MEETING_ID;
import static org.osce.vienna.engine.ProcessConstants.MEETING_OUTCOME;
import static org.osce.vienna.engine.ProcessConstants.MEETING_REQUESTED_AT;
import static org.osce.vienna.engine.ProcessConstants.MEETING_REQUESTED_BY;
import static org.osce.vienna.engine.ProcessConstants.MEETING_SCHEDULED_FOR;
import static org.osce.vienna.engine.ProcessConstants.MEETING_TARGET_AT;

import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.engine.EngineClock;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.osce.vienna.casefile.FieldErrors;
import org.osce.vienna.casefile.ParticipatingStates;
import org.osce.vienna.signoff.Signatories;
import org.springframework.stereotype.Component;

/**
 * On a {@code BilateralMeetingRequested} message: checks who asks, and gives this meeting its own
 * copy of the meeting variables, so two meetings of one case never overwrite each other's data.
 * Runs in the correlating transaction: a bad request is refused to its sender.
 */
@Component
public class OpenMeeting implements ExecutionListener {

  private final Signatories signatories;

  public OpenMeeting(Signatories signatories) {
    this.signatories = signatories;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String reference = CaseVariables.reference(execution);
    String requestedBy = CaseVariables.text(execution, MEETING_REQUESTED_BY);
    Instant requestedAt = CaseVariables.instant(execution, MEETING_REQUESTED_AT);
    FieldErrors errors = new FieldErrors();
    String code = ParticipatingStates.all().find(requestedBy).map(s -> s.code()).orElse(null);
    if (code == null) {
      errors.add(MEETING_REQUESTED_BY, ParticipatingStates.all().whyNot(requestedBy));
    } else if (!code.equals(execution.getVariable(ADDRESSEE_STATE)) && !signatories.signing(reference).contains(code)) {
      errors.add(MEETING_REQUESTED_BY, code + " is neither the addressee nor a signatory of case " + reference);
    }
    if (requestedAt != null && requestedAt.isAfter(EngineClock.now().plusSeconds(300))) {
      errors.add(MEETING_REQUESTED_AT, "is in the future");
    }
    errors.throwIfAny("The bilateral meeting request cannot be accepted");
    execution.setVariableLocal(MEETING_REQUESTED_BY, code);
    execution.setVariableLocal(MEETING_REQUESTED_AT, CaseVariables.dateValue(requestedAt != null ? requestedAt : EngineClock.now()));
    execution.setVariableLocal(MEETING_ID, null);
    execution.setVariableLocal(MEETING_TARGET_AT, null);
    execution.setVariableLocal(MEETING_SCHEDULED_FOR, null);
    execution.setVariableLocal(MEETING_HELD, null);
    execution.setVariableLocal(MEETING_OUTCOME, null);
  }
}
