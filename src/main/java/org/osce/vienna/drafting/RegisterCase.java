package org.osce.vienna.drafting;

import static org.osce.vienna.engine.ProcessConstants.ADDRESSEE_STATE;
import static org.osce.vienna.engine.ProcessConstants.CASE_LABEL;
import static org.osce.vienna.engine.ProcessConstants.INVITED_DELEGATIONS;
import static org.osce.vienna.engine.ProcessConstants.LEAD_DELEGATION;
import static org.osce.vienna.engine.ProcessConstants.REFERENCE;
import static org.osce.vienna.engine.ProcessConstants.SUBJECT;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.casefile.ReferenceTaken;
import org.osce.vienna.casefile.Timeline;
import org.osce.vienna.casefile.TimelineEvent;
import org.osce.vienna.engine.CaseAccess;
import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.engine.CurrentUser;
import org.osce.vienna.engine.EngineClock;
import org.osce.vienna.engine.InputContracts;
import org.osce.vienna.engine.InputValues;
import org.osce.vienna.engine.StateNames;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Start listener: reads the start ({@link StartInput}) and registers the case, in the transaction that
 * starts the instance. A refusal throws, so no instance and no case row are left behind, whether the
 * case was started from Tasklist, {@code /engine-rest} or the case API: bad data, a user not of the lead
 * delegation ({@link org.osce.vienna.casefile.NotActingForLead}), a reference taken ({@link ReferenceTaken},
 * checked here only).
 */
@Component
public class RegisterCase implements ExecutionListener {

  private final CaseRecords cases;
  private final Timeline timeline;
  private final CurrentUser currentUser;
  private final CaseAccess caseAccess;
  private final DraftInvitations invitations;

  public RegisterCase(CaseRecords cases, Timeline timeline, CurrentUser currentUser, CaseAccess caseAccess,
      DraftInvitations invitations) {
    this.caseAccess = caseAccess;
    this.invitations = invitations;
    this.cases = cases;
    this.timeline = timeline;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateExecution execution) {
    InputContracts.checkStartVariables(execution, StartInput.CONTRACT, StartInput.REFUSED);
    Instant now = EngineClock.now();
    StartInput start = StartInput.read(InputValues.of(execution), execution.getProcessBusinessKey(), now);
    if (!currentUser.mayActFor(start.leadDelegation())) {
      throw StartInput.notActingForLead(start.leadDelegation(), currentUser.id());
    }
    if (cases.exists(start.reference())) {
      throw new ReferenceTaken(StartInput.REFUSED, start.reference());
    }

    if (start.letter() != null) {
      execution.setVariables(DraftInput.formLists(start.letter()));
    }
    if (start.invited() != null) {
      execution.setVariable(INVITED_DELEGATIONS, CaseVariables.jsonValue(start.invited()));
    }
    execution.setProcessBusinessKey(start.reference());
    execution.setVariable(REFERENCE, start.reference());
    execution.setVariable(LEAD_DELEGATION, start.leadDelegation());
    execution.setVariable(ADDRESSEE_STATE, start.addresseeState());
    execution.setVariable(SUBJECT, start.subject());
    execution.setVariable(CASE_LABEL, CaseVariables.caseLabel(start.reference(), start.addresseeState()));
    // The forms read the States' names from the case, not from copies of their own.
    StateNames.setOn(execution);
    try {
      cases.create(start.reference(), start.subject(), start.leadDelegation(), start.addresseeState(),
          execution.getProcessInstanceId(), currentUser.id(), now);
    } catch (DuplicateKeyException e) {
      // Another start of the same reference checked at the same moment, and was first.
      throw new ReferenceTaken(StartInput.REFUSED, start.reference());
    }
    if (start.invited() != null && !start.invited().isEmpty()) {
      invitations.replace(start.reference(), start.invited());
    }
    caseAccess.grantToLead(execution.getProcessInstanceId(), start.leadDelegation());
    timeline.record(start.reference(), now, TimelineEvent.CASE_STARTED, currentUser.id(),
        start.leadDelegation() + " invokes the mechanism towards " + start.addresseeState() + ": " + start.subject());
  }
}
