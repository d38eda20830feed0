package org.osce.vienna.process;

import static org.osce.vienna.process.ProcessConstants.ADDRESSEE_STATE;
import static org.osce.vienna.process.ProcessConstants.CASE_LABEL;
import static org.osce.vienna.process.ProcessConstants.DELIVERED_AT;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.osce.vienna.cases.Letters;
import org.osce.vienna.notification.CaseNotices;
import org.springframework.stereotype.Component;

/** Sends the final letter to the addressee's mission; the letter counts as delivered when it is handed to the mail system. */
@Component
public class SendLetterByEmail implements JavaDelegate {

  private final Letters letters;
  private final CaseNotices notices;

  public SendLetterByEmail(Letters letters, CaseNotices notices) {
    this.letters = letters;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = CaseVariables.reference(execution);
    Letters.FinalLetter letter = letters.find(reference)
        .orElseThrow(() -> new IllegalStateException("Case " + reference + " has no composed letter to send"));
    notices.letterToAddressee(reference, (String) execution.getVariable(ADDRESSEE_STATE),
        "Vienna (Human Dimension) Mechanism: " + execution.getVariable(CASE_LABEL), letter.html());
    execution.setVariable(DELIVERED_AT, CaseVariables.dateValue(EngineClock.now()));
  }
}
