package org.osce.vienna.drafting;

import static org.osce.vienna.engine.ProcessConstants.INVITED_DELEGATIONS;
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

/** Completing "Approve the draft": reads the review ({@link DraftReview}) and records it on the timeline. */
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
    DraftReview review = DraftReview.read(InputValues.of(task), CaseVariables.instant(task, SIGN_OFF_DUE_AT),
        !CaseVariables.strings(task, INVITED_DELEGATIONS).isEmpty(), EngineClock.now());
    timeline.record(CaseVariables.reference(task.getExecution()), EngineClock.now(),
        review.approved() ? TimelineEvent.DRAFT_APPROVED : TimelineEvent.DRAFT_RETURNED, currentUser.id(),
        review.comments());
  }
}
