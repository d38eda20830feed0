package org.osce.vienna.api;

import static org.osce.vienna.engine.ProcessConstants.MEETING_REQUESTED_AT;
import static org.osce.vienna.engine.ProcessConstants.MEETING_REQUESTED_BY;
import static org.osce.vienna.engine.ProcessConstants.MESSAGE_BILATERAL_MEETING_REQUESTED;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.casefile.CaseRecords.CaseRecord;
import org.osce.vienna.casefile.CaseStatus;
import org.osce.vienna.casefile.InvalidInputException;
import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.engine.EngineClock;
import org.osce.vienna.engine.InputValues;
import org.osce.vienna.meeting.MeetingRequestInput;
import org.osce.vienna.response.ResponseInput;
import org.springframework.stereotype.Component;

/**
 * The contract's two messages, {@code ResponseReceived} and {@code BilateralMeetingRequested}, from
 * outside: who may send which to a case, what they must carry, and when the case takes them. The case
 * API and the delegations' {@code /engine-rest/message} ({@link EngineRestMessages}) both come here, so
 * a delegation reaches a case only through these checks, never with rights on its process instance.
 */
@Component
class CaseMessages {

  private final CaseRecords cases;
  private final CaseVisibility visibility;
  private final CaseCommands commands;
  private final ResponseRegistration responses;

  CaseMessages(CaseRecords cases, CaseVisibility visibility, CaseCommands commands, ResponseRegistration responses) {
    this.cases = cases;
    this.visibility = visibility;
    this.commands = commands;
    this.responses = responses;
  }

  /** The addressee's response, reported by the lead delegation (or an administrator). */
  void reportResponse(ApiCaller caller, String reference, ResponseReport body, Collection<String> unknownFields) {
    CaseRecord c = visibility.require(caller, reference);
    if (!caller.actsFor(c.leadDelegation())) {
      throw CaseApiException.forbidden("Only the lead delegation " + c.leadDelegation()
          + " (or an administrator) reports the response of case " + reference);
    }
    Map<String, String> errors = UnknownFields.errors(unknownFields);
    ResponseInput response = null;
    try {
      response = ResponseInput.read(InputValues.of(body.variables()), c.deliveredAt(), EngineClock.now());
    } catch (InvalidInputException refused) {
      errors.putAll(refused.fieldErrors());
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException("The response cannot be registered", errors);
    }
    responses.register(caller, reference, response);
  }

  /**
   * A request for a bilateral meeting: the lead's users in any State's name the case allows, others in
   * their own State's name.
   */
  void requestMeeting(ApiCaller caller, String reference, MeetingRequest body, Collection<String> unknownFields) {
    CaseRecord c = visibility.require(caller, reference);
    Map<String, String> errors = UnknownFields.errors(unknownFields);
    MeetingRequestInput request = null;
    try {
      request = MeetingRequestInput.read(InputValues.of(body.variables()), c.deliveredAt(), EngineClock.now());
    } catch (InvalidInputException refused) {
      errors.putAll(refused.fieldErrors());
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(MeetingRequestInput.REFUSED, errors);
    }
    String requestedBy = request.requestedBy();
    if (!caller.actsFor(c.leadDelegation()) && !caller.delegations().contains(requestedBy)) {
      throw CaseApiException.forbidden(caller.userId() + " may request a bilateral meeting of case " + reference
          + " only in the name of " + (caller.delegations().isEmpty() ? "a delegation she belongs to"
          : String.join(" or ", caller.delegations())));
    }
    if (c.status().isEnded() || c.deliveredAt() == null
        || !commands.waitsFor(c.processInstanceId(), MESSAGE_BILATERAL_MEETING_REQUESTED)) {
      throw meetingConflict(c);
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(MEETING_REQUESTED_BY, requestedBy);
    variables.put(MEETING_REQUESTED_AT, CaseVariables.dateValue(request.requestedAt()));
    try {
      commands.correlate(caller, MESSAGE_BILATERAL_MEETING_REQUESTED, reference, variables);
    } catch (MismatchingMessageCorrelationException e) {
      throw meetingConflict(cases.get(reference));
    }
  }

  private static CaseApiException meetingConflict(CaseRecord c) {
    String detail = c.status() == CaseStatus.CLOSED
        ? "Case " + c.reference() + " is closed: no more bilateral meetings can be requested in it"
        : c.status() == CaseStatus.WITHDRAWN
        ? "Case " + c.reference() + " was withdrawn: no more bilateral meetings can be requested in it"
        : c.deliveredAt() == null
            ? "The letter of case " + c.reference() + " has not been delivered yet (status " + c.status()
                + "): a bilateral meeting can be requested once it is"
            : "Case " + c.reference() + " takes no meeting requests at the moment (status " + c.status()
                + "); try again in a few seconds";
    return CaseApiException.conflict("No meeting requests now", detail).with("caseStatus", c.status());
  }
}
