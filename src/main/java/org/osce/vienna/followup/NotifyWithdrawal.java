package org.osce.vienna.followup;

import static org.osce.vienna.engine.ProcessConstants.CASE_LABEL;
import static org.osce.vienna.engine.ProcessConstants.LEAD_DELEGATION;
import static org.osce.vienna.engine.ProcessConstants.WITHDRAWAL_REASON;

import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.signoff.SignOffDecision;
import org.osce.vienna.signoff.Signatories;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Tells the delegations of a withdrawn case (Task_NotifyWithdrawal): the signatories, and the invited delegations
 * whose decision on co-signing was still open, as their task ended unanswered.
 */
@Component
public class NotifyWithdrawal implements JavaDelegate {

  private final Signatories signatories;
  private final ApplicationEventPublisher events;

  public NotifyWithdrawal(Signatories signatories, ApplicationEventPublisher events) {
    this.signatories = signatories;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = CaseVariables.reference(execution);
    String lead = (String) execution.getVariable(LEAD_DELEGATION);
    List<String> undecided = signatories.of(reference).stream()
        .filter(s -> s.decision() == SignOffDecision.PENDING).map(Signatories.Signatory::stateCode).toList();
    List<String> told = Stream.concat(Stream.concat(Stream.of(lead), signatories.signing(reference).stream()),
        undecided.stream()).distinct().toList();
    events.publishEvent(new InvocationWithdrawn(reference, (String) execution.getVariable(CASE_LABEL), lead, told,
        (String) execution.getVariable(WITHDRAWAL_REASON)));
  }
}
