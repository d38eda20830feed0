package org.osce.vienna.meeting;

import static org.osce.vienna.engine.ProcessConstants.CASE_LABEL;
import static org.osce.vienna.engine.ProcessConstants.MEETING_REQUESTED_AT;
import static org.osce.vienna.engine.ProcessConstants.MEETING_REQUESTED_BY;
import static org.osce.vienna.engine.ProcessConstants.MESSAGE_BILATERAL_MEETING_REQUESTED;
import static org.osce.vienna.engine.ProcessConstants.REFERENCE;

import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.casefile.CaseRecords.CaseRecord;
import org.osce.vienna.casefile.CaseStatus;
import org.osce.vienna.casefile.Groups;
import org.osce.vienna.casefile.InvalidInputException;
import org.osce.vienna.casefile.ParticipatingStates;
import org.osce.vienna.casefile.Timeline;
import org.osce.vienna.casefile.TimelineEvent;
import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.engine.EngineClock;
import org.osce.vienna.engine.InputContracts;
import org.osce.vienna.engine.InputValues;
import org.osce.vienna.signoff.Signatories;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code request-bilateral-meeting}: checks a head of delegation's request in the
 * transaction that submits it, so a request that cannot be passed to the case is refused with its
 * reason and creates nothing. The request is made in the name of the State whose head the user is.
 */
@Component
public class CheckMeetingRequest implements ExecutionListener {

  static final String REFUSED = MeetingRequestInput.REFUSED;

  private final CaseRecords cases;
  private final Signatories signatories;
  private final Timeline timeline;
  private final IdentityService identityService;
  private final RuntimeService runtimeService;

  public CheckMeetingRequest(CaseRecords cases, Signatories signatories, Timeline timeline,
      IdentityService identityService, RuntimeService runtimeService) {
    this.cases = cases;
    this.signatories = signatories;
    this.timeline = timeline;
    this.identityService = identityService;
    this.runtimeService = runtimeService;
  }

  @Override
  public void notify(DelegateExecution execution) {
    InputContracts.checkStartVariables(execution, MeetingRequestInput.TASKLIST_START, REFUSED);
    String reference = execution.getProcessBusinessKey() != null ? execution.getProcessBusinessKey()
        : CaseVariables.string(execution, REFERENCE);
    if (reference == null) {
      throw MeetingRequestInput.CASE_REFERENCE.refusal(REFUSED, "is required (the case's reference)");
    }
    Authentication user = identityService.getCurrentAuthentication();
    String state = headedState(user);
    CaseRecord c = cases.find(reference).orElse(null);
    // A case the user's State has nothing to do with is answered as one that does not exist.
    if (c == null || !concerns(c, state)) {
      throw MeetingRequestInput.CASE_REFERENCE.refusal(REFUSED, "'" + reference + "' names no case of "
          + ParticipatingStates.all().byCode(state).orElseThrow().nameInText()
          + " (as lead, signatory or addressee): check the reference");
    }
    if (c.status().isEnded()) {
      throw MeetingRequestInput.CASE_REFERENCE.refusal(REFUSED, "names case " + reference + ", which "
          + (c.status() == CaseStatus.CLOSED ? "is closed" : "was withdrawn")
          + ": no more bilateral meetings can be requested in it");
    }
    if (c.deliveredAt() == null || !waitsForMeetingRequests(c)) {
      throw MeetingRequestInput.CASE_REFERENCE.refusal(REFUSED, "names case " + reference
          + ", whose letter has not been delivered yet: a bilateral meeting can be requested once it is");
    }
    Instant now = EngineClock.now();
    // A head asks in the name of the State she heads, never of a State named in a field.
    InputValues asked = name -> MEETING_REQUESTED_BY.equals(name) ? state : execution.getVariable(name);
    Instant requestedAt = MeetingRequestInput.read(asked, c.deliveredAt(), now).requestedAt();

    execution.setProcessBusinessKey(reference);
    execution.setVariable(REFERENCE, reference);
    execution.setVariable(MEETING_REQUESTED_BY, state);
    execution.setVariable(MEETING_REQUESTED_AT, CaseVariables.dateValue(requestedAt));
    execution.setVariable(CASE_LABEL, CaseVariables.caseLabel(reference, c.addresseeState()));
    timeline.record(reference, now, TimelineEvent.MEETING_REQUEST_SUBMITTED, user.getUserId(),
        "in the name of " + state);
  }

  /** The one State whose head of delegation the user is. */
  private static String headedState(Authentication user) {
    List<String> headed = user == null || user.getGroupIds() == null ? List.of() : user.getGroupIds().stream()
        .flatMap(group -> Groups.stateOfHeads(group).stream())
        .toList();
    if (headed.size() != 1) {
      throw InvalidInputException.single(REFUSED, MEETING_REQUESTED_BY, (user == null ? "nobody" : user.getUserId())
          + (headed.isEmpty() ? " is not a head of delegation: only a head asks for a bilateral meeting in her State's name"
              : " heads several delegations (" + String.join(", ", headed) + "): ask over the case API, naming the State"));
    }
    return headed.get(0);
  }

  private boolean concerns(CaseRecord c, String state) {
    return state.equals(c.leadDelegation()) || state.equals(c.addresseeState())
        || signatories.signing(c.reference()).contains(state);
  }

  /** Whether the case's process waits for meeting requests now (the user may not read the case's process). */
  private boolean waitsForMeetingRequests(CaseRecord c) {
    return Context.getCommandContext().runWithoutAuthorization(() -> runtimeService.createEventSubscriptionQuery()
        .processInstanceId(c.processInstanceId()).eventType("message").eventName(MESSAGE_BILATERAL_MEETING_REQUESTED)
        .count() > 0);
  }
}
