package org.osce.vienna.signoff;

import static org.osce.vienna.engine.ProcessConstants.INVITED_DELEGATION;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.osce.vienna.casefile.Timeline;
import org.osce.vienna.casefile.TimelineEvent;
import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.engine.CurrentUser;
import org.osce.vienna.engine.EngineClock;
import org.osce.vienna.engine.InputValues;
import org.springframework.stereotype.Component;

/**
 * Completing "Decide on co-signing": reads the delegation's decision ({@link CoSigningDecision}) and
 * records it, who made it and when, in the same transaction as the completion, so a completed task always
 * has its recorded decision.
 */
@Component
public class RecordCoSigningDecision implements TaskListener {

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
    CoSigningDecision decision = CoSigningDecision.read(InputValues.of(task));
    boolean joins = decision.joins();
    String comment = decision.comment();
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
