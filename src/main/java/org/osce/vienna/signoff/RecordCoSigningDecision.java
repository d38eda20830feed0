package org.osce.vienna.signoff;

import static org.osce.vienna.engine.ProcessConstants.CO_SIGNS;
import static org.osce.vienna.engine.ProcessConstants.CO_SIGN_COMMENT;
import static org.osce.vienna.engine.ProcessConstants.INVITED_DELEGATION;

import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.engine.CurrentUser;
import org.osce.vienna.engine.EngineClock;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.osce.vienna.casefile.InvalidInputException;
import org.osce.vienna.casefile.Timeline;
import org.osce.vienna.casefile.TimelineEvent;
import org.springframework.stereotype.Component;

/**
 * Completing "Decide on co-signing": records the delegation's decision, who made it and when, in the
 * same transaction as the completion, so a completed task always has its recorded decision.
 */
@Component
public class RecordCoSigningDecision implements TaskListener {

  static final int MAX_COMMENT = 4000;

  private final Signatories signatories;
  private final Timeline timeline;
  private final CurrentUser currentUser;

  public RecordCoSigningDecision(Signatories signatories, Timeline timeline, CurrentUser currentUser) {
    this.signatories = signatories;
    this.timeline = timeline;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    boolean joins = CaseVariables.requireBool(task, CO_SIGNS);
    String comment = CaseVariables.string(task, CO_SIGN_COMMENT);
    if (comment != null && comment.length() > MAX_COMMENT) {
      throw InvalidInputException.single("The decision cannot be recorded", CO_SIGN_COMMENT,
          "is longer than " + MAX_COMMENT + " characters");
    }
    String reference = CaseVariables.reference(task.getExecution());
    String delegation = (String) task.getVariable(INVITED_DELEGATION);
    Instant now = EngineClock.now();
    if (!signatories.decide(reference, delegation, joins, comment, currentUser.id(), now)) {
      throw new IllegalStateException(delegation + " has no open invitation to co-sign case " + reference);
    }
    timeline.record(reference, now, joins ? TimelineEvent.CO_SIGNING_JOINED : TimelineEvent.CO_SIGNING_DECLINED,
        currentUser.id(), delegation + (comment == null ? "" : ": " + comment));
  }
}
