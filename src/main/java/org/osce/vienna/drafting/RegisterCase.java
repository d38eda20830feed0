package org.osce.vienna.drafting;

import static org.osce.vienna.engine.ProcessConstants.ADDRESSEE_STATE;
import static org.osce.vienna.engine.ProcessConstants.CASE_LABEL;
import static org.osce.vienna.engine.ProcessConstants.INVITED_DELEGATIONS;
import static org.osce.vienna.engine.ProcessConstants.LEAD_DELEGATION;
import static org.osce.vienna.engine.ProcessConstants.LETTER;
import static org.osce.vienna.engine.ProcessConstants.REFERENCE;
import static org.osce.vienna.engine.ProcessConstants.SIGN_OFF_DUE_AT;
import static org.osce.vienna.engine.ProcessConstants.SUBJECT;

import org.osce.vienna.engine.CaseAccess;
import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.engine.CurrentUser;
import org.osce.vienna.engine.EngineClock;
import org.osce.vienna.engine.InputContracts;
import org.osce.vienna.engine.StateNames;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.casefile.FieldErrors;
import org.osce.vienna.casefile.ParticipatingStates;
import org.osce.vienna.casefile.Timeline;
import org.osce.vienna.casefile.TimelineEvent;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Start listener: validates the start data and registers the case, in the transaction that starts
 * the instance. Invalid data throws, so no instance and no case row are left behind, whether the
 * case was started from Tasklist, {@code /engine-rest} or the case API.
 */
@Component
public class RegisterCase implements ExecutionListener {

  private final CaseRecords cases;
  private final Timeline timeline;
  private final CurrentUser currentUser;
  private final DraftChecks draftChecks;
  private final CaseAccess caseAccess;
  private final DraftInvitations invitations;

  public RegisterCase(CaseRecords cases, Timeline timeline, CurrentUser currentUser, DraftChecks draftChecks,
      CaseAccess caseAccess, DraftInvitations invitations) {
    this.caseAccess = caseAccess;
    this.invitations = invitations;
    this.cases = cases;
    this.timeline = timeline;
    this.currentUser = currentUser;
    this.draftChecks = draftChecks;
  }

  @Override
  public void notify(DelegateExecution execution) {
    InputContracts.checkStartVariables(execution, DraftingInputs.START, "Invalid start data");
    String businessKey = execution.getProcessBusinessKey();
    String formReference = CaseVariables.string(execution, REFERENCE);
    if (businessKey != null && formReference != null && !businessKey.equals(formReference)) {
      throw org.osce.vienna.casefile.InvalidInputException.single("Invalid start data", REFERENCE,
          "'" + formReference + "' differs from the business key '" + businessKey + "'");
    }
    StartData start = new StartData(businessKey != null ? businessKey : formReference,
        CaseVariables.text(execution, LEAD_DELEGATION), CaseVariables.text(execution, ADDRESSEE_STATE),
        CaseVariables.string(execution, SUBJECT)).validate();

    FieldErrors errors = new FieldErrors();
    if (!currentUser.mayActFor(start.leadDelegation())) {
      errors.add(LEAD_DELEGATION, "is " + start.leadDelegation() + ", but " + currentUser.id()
          + " is not a member of that delegation: only its officers and heads start its cases");
    }
    if (cases.exists(start.reference())) {
      errors.add(REFERENCE, "'" + start.reference() + "' is already the reference of another case");
    }
    // A case may come with its letter already drafted (from a ministry's system); it is checked now and
    // again when an officer submits the draft.
    DraftChecks.Draft draft = null;
    if (execution.hasVariable(LETTER) || execution.hasVariable(INVITED_DELEGATIONS)
        || execution.hasVariable(SIGN_OFF_DUE_AT)) {
      draft = draftChecks.checkOptional(execution, start, errors);
    }
    errors.throwIfAny("Invalid start data");
    if (draft != null && draft.letter() != null) {
      DraftFormFields.prefill(execution, draft.letter());
    }

    execution.setProcessBusinessKey(start.reference());
    execution.setVariable(REFERENCE, start.reference());
    execution.setVariable(LEAD_DELEGATION, start.leadDelegation());
    execution.setVariable(ADDRESSEE_STATE, start.addresseeState());
    execution.setVariable(SUBJECT, start.subject());
    execution.setVariable(CASE_LABEL, start.reference() + " ("
        + ParticipatingStates.all().byCode(start.addresseeState()).orElseThrow().name() + ")");
    // The forms read the States' names from the case, not from copies of their own.
    StateNames.setOn(execution);
    Instant now = EngineClock.now();
    try {
      cases.create(start.reference(), start.subject(), start.leadDelegation(), start.addresseeState(),
          execution.getProcessInstanceId(), currentUser.id(), now);
    } catch (DuplicateKeyException e) {
      throw org.osce.vienna.casefile.InvalidInputException.single("Invalid start data", REFERENCE,
          "'" + start.reference() + "' is already the reference of another case");
    }
    if (draft != null && !draft.invited().isEmpty()) {
      invitations.replace(start.reference(), draft.invited());
    }
    caseAccess.grantToLead(execution.getProcessInstanceId(), start.leadDelegation());
    timeline.record(start.reference(), now, TimelineEvent.CASE_STARTED, currentUser.id(),
        start.leadDelegation() + " invokes the mechanism towards " + start.addresseeState() + ": " + start.subject());
  }
}
