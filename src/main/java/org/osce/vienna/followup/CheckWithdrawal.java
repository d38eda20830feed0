package org.osce.vienna.followup;

import static org.osce.vienna.engine.ProcessConstants.CASE_LABEL;
import static org.osce.vienna.engine.ProcessConstants.REFERENCE;
import static org.osce.vienna.engine.ProcessConstants.WITHDRAWN_BY;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.casefile.CaseRecords.CaseRecord;
import org.osce.vienna.casefile.Groups;
import org.osce.vienna.casefile.ParticipatingState;
import org.osce.vienna.casefile.ParticipatingStates;
import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.engine.InputContracts;
import org.osce.vienna.engine.InputValues;
import org.osce.vienna.signoff.Signatories;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code withdraw-invocation}: checks a withdrawal submitted in Tasklist in the transaction that
 * submits it, so one that cannot be passed to the case is refused with its reason, in a sentence, and creates
 * nothing. Only the heads of the lead delegation (and the administrators) withdraw; a case the user's State
 * neither leads nor signs is answered as one that does not exist.
 */
@Component
public class CheckWithdrawal implements ExecutionListener {

  private final CaseRecords cases;
  private final Signatories signatories;
  private final IdentityService identityService;

  public CheckWithdrawal(CaseRecords cases, Signatories signatories, IdentityService identityService) {
    this.cases = cases;
    this.signatories = signatories;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateExecution execution) {
    InputContracts.checkStartVariables(execution, Withdrawal.TASKLIST_START, Withdrawal.REFUSED);
    String reference = CaseVariables.string(execution, REFERENCE);
    if (reference == null || reference.isBlank()) {
      throw Withdrawal.CASE_REFERENCE.refusal(Withdrawal.REFUSED, "is required (the case's reference)");
    }
    reference = reference.strip();
    Authentication user = identityService.getCurrentAuthentication();
    boolean admin = user != null && user.getGroupIds() != null && user.getGroupIds().contains(Groups.ADMINS);
    List<String> headed = user == null || user.getGroupIds() == null ? List.of() : user.getGroupIds().stream()
        .flatMap(group -> Groups.stateOfHeads(group).stream()).toList();
    CaseRecord c = cases.find(reference).orElse(null);
    if (c == null || !admin && headed.stream().noneMatch(state -> concerns(c, state))) {
      throw Withdrawal.CASE_REFERENCE.refusal(Withdrawal.REFUSED, "'" + reference + "' names no case of "
          + (headed.isEmpty() ? "yours" : String.join(" or ", headed.stream().map(CheckWithdrawal::nameInText).toList()))
          + ": check the reference");
    }
    if (!admin && !headed.contains(c.leadDelegation())) {
      throw Withdrawal.CASE_REFERENCE.refusal(Withdrawal.REFUSED, "names case " + reference + ", which "
          + nameInText(c.leadDelegation()) + " leads: only the heads of the lead delegation withdraw an invocation");
    }
    Withdrawal.checkNotEnded(c, REFERENCE);
    Withdrawal.reason(InputValues.of(execution));

    execution.setProcessBusinessKey(reference);
    execution.setVariable(REFERENCE, reference);
    execution.setVariable(WITHDRAWN_BY, user == null ? null : user.getUserId());
    execution.setVariable(CASE_LABEL, CaseVariables.caseLabel(reference, c.addresseeState()));
  }

  /** The user's State leads the case or signs its letter (the addressee does not learn of it here). */
  private boolean concerns(CaseRecord c, String state) {
    return state.equals(c.leadDelegation()) || signatories.signing(c.reference()).contains(state);
  }

  private static String nameInText(String code) {
    return ParticipatingStates.all().byCode(code).map(ParticipatingState::nameInText).orElse(code);
  }
}
