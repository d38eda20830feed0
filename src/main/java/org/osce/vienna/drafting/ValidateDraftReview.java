package org.osce.vienna.drafting;

import static org.osce.vienna.engine.ProcessConstants.DRAFT_APPROVED;
import static org.osce.vienna.engine.ProcessConstants.REVIEW_COMMENTS;
import static org.osce.vienna.engine.ProcessConstants.SIGN_OFF_DUE_AT;

import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.engine.CurrentUser;
import org.osce.vienna.engine.EngineClock;
import org.osce.vienna.engine.ProcessConstants;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.osce.vienna.casefile.FieldErrors;
import org.osce.vienna.casefile.Timeline;
import org.osce.vienna.casefile.TimelineEvent;
import org.springframework.stereotype.Component;

/** Completing "Approve the draft": a return needs comments for the drafter; an approval needs a sign-off deadline still ahead. */
@Component
public class ValidateDraftReview implements TaskListener {

  private final Timeline timeline;
  private final CurrentUser currentUser;

  public ValidateDraftReview(Timeline timeline, CurrentUser currentUser) {
    this.timeline = timeline;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    boolean approved = CaseVariables.requireBool(task, DRAFT_APPROVED);
    String comments = CaseVariables.string(task, REVIEW_COMMENTS);
    FieldErrors errors = new FieldErrors();
    if (!approved && comments == null) {
      errors.add(REVIEW_COMMENTS, "are needed when the draft is returned: tell the drafter what to change");
    }
    Instant signOffDueAt = CaseVariables.instant(task, SIGN_OFF_DUE_AT);
    boolean anyoneInvited = !CaseVariables.strings(task, ProcessConstants.INVITED_DELEGATIONS).isEmpty();
    if (approved && anyoneInvited && signOffDueAt != null && !signOffDueAt.isAfter(EngineClock.now())) {
      errors.add(SIGN_OFF_DUE_AT, "has passed: return the draft so that a new sign-off deadline is set");
    }
    errors.throwIfAny("The review cannot be completed");
    timeline.record(CaseVariables.reference(task.getExecution()), EngineClock.now(),
        approved ? TimelineEvent.DRAFT_APPROVED : TimelineEvent.DRAFT_RETURNED, currentUser.id(), comments);
  }
}
