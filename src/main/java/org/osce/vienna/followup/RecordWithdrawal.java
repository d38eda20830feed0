package org.osce.vienna.followup;

import static org.osce.vienna.engine.ProcessConstants.MEETING_REQUEST_PROCESS_KEY;
import static org.osce.vienna.engine.ProcessConstants.REASON;
import static org.osce.vienna.engine.ProcessConstants.WITHDRAWAL_REASON;
import static org.osce.vienna.engine.ProcessConstants.WITHDRAWN_BY;

import java.time.Instant;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.casefile.CaseStatus;
import org.osce.vienna.casefile.Timeline;
import org.osce.vienna.casefile.TimelineEvent;
import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.engine.EngineClock;
import org.springframework.stereotype.Component;

/**
 * The withdrawal received (StartEvent_InvocationWithdrawn): the case is recorded as withdrawn, with its reason and
 * who withdrew it, in the transaction in which the event subprocess interrupts the case and so ends every task,
 * timer and wait of it. A head's request for a bilateral meeting still on its way to the case
 * ({@code request-bilateral-meeting}) ends too: there is no meeting to arrange in a withdrawn case.
 */
@Component
public class RecordWithdrawal implements ExecutionListener {

  static final String ENDED_BECAUSE = "The invocation was withdrawn";

  private final CaseRecords cases;
  private final Timeline timeline;
  private final RuntimeService runtimeService;

  public RecordWithdrawal(CaseRecords cases, Timeline timeline, RuntimeService runtimeService) {
    this.cases = cases;
    this.timeline = timeline;
    this.runtimeService = runtimeService;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String reference = CaseVariables.reference(execution);
    // An administrator may correlate the message by hand: it is held to what a withdrawal takes, and refused
    // to her, in the correlating transaction, without its reason.
    String reason = Withdrawal.reason(name -> REASON.equals(name) ? execution.getVariable(WITHDRAWAL_REASON) : null);
    Instant now = EngineClock.now();
    cases.status(reference, CaseStatus.WITHDRAWN);
    timeline.record(reference, now, TimelineEvent.INVOCATION_WITHDRAWN,
        (String) execution.getVariable(WITHDRAWN_BY), reason);
    // Whoever withdrew, the requests belong to the case: ended without asking for rights on them.
    Context.getCommandContext().runWithoutAuthorization(() -> {
      for (ProcessInstance request : runtimeService.createProcessInstanceQuery()
          .processDefinitionKey(MEETING_REQUEST_PROCESS_KEY).processInstanceBusinessKey(reference).list()) {
        runtimeService.deleteProcessInstance(request.getId(), ENDED_BECAUSE);
      }
      return null;
    });
  }
}
