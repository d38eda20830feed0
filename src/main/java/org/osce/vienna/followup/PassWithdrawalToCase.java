package org.osce.vienna.followup;

import static org.osce.vienna.engine.ProcessConstants.WITHDRAWN_BY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.engine.CaseVariables;
import org.springframework.stereotype.Component;

/**
 * Passes a checked withdrawal from Tasklist to the case ({@link Withdrawal}: the message {@code InvocationWithdrawn}
 * by business key), recorded as the head's who submitted it. A case that ended since it was submitted (closed, or
 * withdrawn by another head a moment before) has nothing left to withdraw: the request ends without it.
 */
@Component
public class PassWithdrawalToCase implements JavaDelegate {

  private final CaseRecords cases;
  private final Withdrawal withdrawal;

  public PassWithdrawalToCase(CaseRecords cases, Withdrawal withdrawal) {
    this.cases = cases;
    this.withdrawal = withdrawal;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = CaseVariables.reference(execution);
    if (!cases.get(reference).status().isEnded()) {
      withdrawal.withdraw(reference, Withdrawal.reason(name -> execution.getVariable(name)),
          (String) execution.getVariable(WITHDRAWN_BY));
    }
  }
}
