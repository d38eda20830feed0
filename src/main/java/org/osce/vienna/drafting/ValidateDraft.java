package org.osce.vienna.drafting;

import static org.osce.vienna.engine.ProcessConstants.ADDRESSEE_STATE;
import static org.osce.vienna.engine.ProcessConstants.DRAFTED_BY;
import static org.osce.vienna.engine.ProcessConstants.INVITED_DELEGATIONS;
import static org.osce.vienna.engine.ProcessConstants.LEAD_DELEGATION;
import static org.osce.vienna.engine.ProcessConstants.LETTER;
import static org.osce.vienna.engine.ProcessConstants.SIGN_OFF_DUE_AT;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.osce.vienna.casefile.Timeline;
import org.osce.vienna.casefile.TimelineEvent;
import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.engine.CurrentUser;
import org.osce.vienna.engine.EngineClock;
import org.osce.vienna.engine.InputValues;
import org.springframework.stereotype.Component;

/** Completing "Draft the letter": reads the draft ({@link DraftInput}; refused, the task stays open) and stores it in canonical form. */
@Component
public class ValidateDraft implements TaskListener {

  private final Timeline timeline;
  private final CurrentUser currentUser;
  private final DraftInvitations invitations;

  public ValidateDraft(Timeline timeline, CurrentUser currentUser, DraftInvitations invitations) {
    this.invitations = invitations;
    this.timeline = timeline;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    DraftInput draft = DraftInput.read(InputValues.of(task), (String) task.getVariable(LEAD_DELEGATION),
        (String) task.getVariable(ADDRESSEE_STATE), EngineClock.now());
    task.setVariable(LETTER, CaseVariables.jsonValue(draft.letter()));
    task.setVariable(INVITED_DELEGATIONS, CaseVariables.jsonValue(draft.invited()));
    task.setVariable(SIGN_OFF_DUE_AT, CaseVariables.dateValue(draft.signOffDueAt()));
    // A returned draft goes back to the officer who claimed this one; a draft completed unclaimed (a system
    // over REST) goes back to the delegation.
    task.setVariable(DRAFTED_BY, task.getAssignee());
    String reference = CaseVariables.reference(task.getExecution());
    invitations.replace(reference, draft.invited());
    timeline.record(reference, EngineClock.now(), TimelineEvent.DRAFT_SUBMITTED,
        currentUser.id(), draft.letter().concerns().size() + " concerns, " + draft.letter().questions().size()
            + " questions; invited: " + (draft.invited().isEmpty() ? "none" : String.join(", ", draft.invited())));
  }
}
