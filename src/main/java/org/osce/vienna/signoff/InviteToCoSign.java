package org.osce.vienna.signoff;

import static org.osce.vienna.engine.ProcessConstants.CASE_LABEL;
import static org.osce.vienna.engine.ProcessConstants.INVITED_DELEGATION;
import static org.osce.vienna.engine.ProcessConstants.SIGN_OFF_DUE_AT;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.engine.CaseVariables;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Creating "Decide on co-signing" for an invited delegation: tells its heads, with the task's own id, so that
 * the invitation can lead them straight to it. In the transaction that creates the task, so an invitation exists
 * exactly when its task does.
 */
@Component
public class InviteToCoSign implements TaskListener {

  private final CaseRecords cases;
  private final ApplicationEventPublisher events;

  public InviteToCoSign(CaseRecords cases, ApplicationEventPublisher events) {
    this.cases = cases;
    this.events = events;
  }

  @Override
  public void notify(DelegateTask task) {
    String reference = CaseVariables.reference(task.getExecution());
    CaseRecords.CaseRecord record = cases.get(reference);
    events.publishEvent(new CoSigningInvited(reference, (String) task.getVariable(CASE_LABEL), record.leadDelegation(),
        record.addresseeState(), record.subject(), (String) task.getVariable(INVITED_DELEGATION),
        CaseVariables.instant(task, SIGN_OFF_DUE_AT), task.getId()));
  }
}
