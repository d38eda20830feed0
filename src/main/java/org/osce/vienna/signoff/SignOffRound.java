package org.osce.vienna.signoff;

import static org.osce.vienna.engine.ProcessConstants.INVITED_DELEGATIONS;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.osce.vienna.engine.CaseVariables;
import org.springframework.stereotype.Component;

/** The collection of the co-signing multi-instance: one "Decide on co-signing" task per invited delegation. */
@Component
public class SignOffRound {

  /** The invited delegations' codes (the JSON variable as a Java list, which multi-instance needs). */
  public List<String> invitedCodes(DelegateExecution execution) {
    return CaseVariables.strings(execution, INVITED_DELEGATIONS);
  }
}
