package org.osce.vienna.delivery;

import static org.osce.vienna.engine.ProcessConstants.ADDRESSEE_STATE;
import static org.osce.vienna.engine.ProcessConstants.CASE_LABEL;
import static org.osce.vienna.engine.ProcessConstants.DELIVERED_AT;
import static org.osce.vienna.engine.ProcessConstants.LEAD_DELEGATION;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.osce.vienna.engine.CaseVariables;
import org.springframework.stereotype.Component;

/**
 * Sends the final letter (PDF) to the addressee's mission; it is delivered when the mail server
 * accepts it. A mail server that is down fails this step, which the engine retries and then
 * shows as an incident: the letter is never taken as delivered when it was not.
 */
@Component
public class SendLetterByEmail implements JavaDelegate {

  private final LetterMail letterMail;

  public SendLetterByEmail(LetterMail letterMail) {
    this.letterMail = letterMail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant acceptedAt = letterMail.send(CaseVariables.reference(execution),
        (String) execution.getVariable(CASE_LABEL), (String) execution.getVariable(ADDRESSEE_STATE),
        (String) execution.getVariable(LEAD_DELEGATION));
    execution.setVariable(DELIVERED_AT, CaseVariables.dateValue(acceptedAt));
  }
}
