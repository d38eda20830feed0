package org.osce.vienna.meeting;

import static org.osce.vienna.engine.ProcessConstants.ADDRESSEE_STATE;
import static org.osce.vienna.engine.ProcessConstants.LEAD_DELEGATION;
import static org.osce.vienna.engine.ProcessConstants.MEETING_ASKED_AT_FOLLOW_UP;
import static org.osce.vienna.engine.ProcessConstants.MEETING_DELEGATION;
import static org.osce.vienna.engine.ProcessConstants.MEETING_HELD;
import static org.osce.vienna.engine.ProcessConstants.MEETING_ID;
import static org.osce.vienna.engine.ProcessConstants.MEETING_OUTCOME;
import static org.osce.vienna.engine.ProcessConstants.MEETING_PLACE;
import static org.osce.vienna.engine.ProcessConstants.MEETING_REQUESTED_AT;
import static org.osce.vienna.engine.ProcessConstants.MEETING_REQUESTED_BY;
import static org.osce.vienna.engine.ProcessConstants.MEETING_SCHEDULED_FOR;
import static org.osce.vienna.engine.ProcessConstants.MEETING_TARGET_AT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.casefile.InvalidInputException;
import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.engine.EngineClock;
import org.osce.vienna.engine.InputValues;
import org.osce.vienna.signoff.Signatories;
import org.springframework.stereotype.Component;

/**
 * On a {@code BilateralMeetingRequested} message: checks who asks, and gives this meeting its own
 * copy of the meeting variables, so two meetings of one case never overwrite each other's data: among
 * them the delegation whose tasks they are, and whether the follow-up waits for this meeting.
 * Runs in the correlating transaction: a bad request is refused to its sender.
 */
@Component
public class OpenMeeting implements ExecutionListener {

  private final Signatories signatories;
  private final CaseRecords cases;

  public OpenMeeting(Signatories signatories, CaseRecords cases) {
    this.signatories = signatories;
    this.cases = cases;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String reference = CaseVariables.reference(execution);
    MeetingRequestInput request = MeetingRequestInput.read(InputValues.of(execution),
        cases.get(reference).deliveredAt(), EngineClock.now());
    String code = request.requestedBy();
    if (!code.equals(execution.getVariable(ADDRESSEE_STATE)) && !signatories.signing(reference).contains(code)) {
      throw InvalidInputException.single(MeetingRequestInput.REFUSED, MEETING_REQUESTED_BY,
          code + " is neither the addressee nor a signatory of case " + reference);
    }
    // Only the follow-up's own request carries the mark: this meeting keeps it, the next request finds none.
    boolean askedAtFollowUp = Boolean.TRUE.equals(execution.getVariable(MEETING_ASKED_AT_FOLLOW_UP));
    execution.removeVariable(MEETING_ASKED_AT_FOLLOW_UP);
    execution.setVariableLocal(MEETING_ASKED_AT_FOLLOW_UP, askedAtFollowUp);
    execution.setVariableLocal(MEETING_REQUESTED_BY, code);
    execution.setVariableLocal(MEETING_REQUESTED_AT, CaseVariables.dateValue(request.requestedAt()));
    execution.setVariableLocal(MEETING_DELEGATION, delegationFor(code, (String) execution.getVariable(ADDRESSEE_STATE),
        (String) execution.getVariable(LEAD_DELEGATION)));
    execution.setVariableLocal(MEETING_ID, null);
    execution.setVariableLocal(MEETING_TARGET_AT, null);
    execution.setVariableLocal(MEETING_SCHEDULED_FOR, null);
    execution.setVariableLocal(MEETING_PLACE, null);
    execution.setVariableLocal(MEETING_HELD, null);
    execution.setVariableLocal(MEETING_OUTCOME, null);
  }

  /**
   * The State whose delegation arranges the meeting and records its outcome: the one the meeting is with on
   * the invoking side. A signatory that asked meets the addressee itself; when the addressee asked, the lead.
   */
  static String delegationFor(String requestedBy, String addressee, String lead) {
    return requestedBy.equals(addressee) ? lead : requestedBy;
  }
}
