package org.osce.vienna.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.osce.vienna.engine.ProcessConstants.*;
import static org.osce.vienna.support.CaseDriver.head;
import static org.osce.vienna.support.CaseDriver.json;
import static org.osce.vienna.support.CaseDriver.jsonList;
import static org.osce.vienna.support.CaseDriver.officer;
import static org.osce.vienna.support.CaseDriver.vars;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osce.vienna.casefile.InvalidInputException;
import org.osce.vienna.casefile.Timeline;
import org.osce.vienna.engine.EngineClock;
import org.osce.vienna.followup.Withdrawal;
import org.osce.vienna.meeting.Meetings;
import org.osce.vienna.support.CaseDriver;
import org.osce.vienna.support.Fixtures;
import org.osce.vienna.support.ProcessTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code request-bilateral-meeting}: a head of delegation asks for a bilateral meeting from Tasklist
 * (the start form), the request is checked when submitted and passed to the case as
 * {@code BilateralMeetingRequested}. Every refusal creates nothing. The class covers every flow node
 * and sequence flow of the model; the cases it drives are the procedure's, measured elsewhere.
 */
@ProcessTest(notMeasured = PROCESS_KEY)
class RequestBilateralMeetingProcessTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  Meetings meetings;
  @Autowired
  Timeline timeline;
  @Autowired
  Withdrawal withdrawal;

  CaseDriver driver;
  static int caseNumber;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    driver = new CaseDriver(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** A GB case to Belarus, DE joined, delivered by hand now: it takes meeting requests. */
  private ProcessInstance deliveredCase(String reference) {
    ProcessInstance pi = draftedCase(reference);
    driver.complete(pi, TASK_APPROVE_DRAFT, "head-gb", head("GB"), vars(DRAFT_APPROVED, true));
    driver.runJobs(pi);
    driver.complete(pi, TASK_DECIDE_CO_SIGNING, "head-de", head("DE"), vars(CO_SIGNS, true));
    driver.runJobs(pi);
    driver.complete(pi, TASK_SIGN_AND_DELIVER, "head-gb", head("GB"), vars(DELIVERY_CHANNEL, "BY_HAND",
        DELIVERED_AT, EngineClock.now().atOffset(ZoneOffset.ofHours(1)).toString()));
    driver.runJobs(pi);
    assertThat(pi).isWaitingAt(TASK_REGISTER_RESPONSE);
    return pi;
  }

  private ProcessInstance draftedCase(String reference) {
    ProcessInstance pi = driver.start(reference, "GB", "BY", "Human rights in Belarus");
    driver.complete(pi, TASK_DRAFT_LETTER, "officer-gb", officer("GB"), vars(
        LETTER, json(Fixtures.letterJson()), INVITED_DELEGATIONS, jsonList(List.of("DE")),
        SIGN_OFF_DUE_AT, CaseDriver.inDays(5)));
    return pi;
  }

  private String newReference() {
    return "VM-MEETING-" + (++caseNumber);
  }

  /** Submits the start form as Tasklist does, as {@code userId} of {@code groups}. */
  private ProcessInstance request(String userId, List<String> groups, Map<String, Object> form) {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(MEETING_REQUEST_PROCESS_KEY).latestVersion().singleResult().getId();
    return driver.asUser(userId, groups, () -> engine.getFormService().submitStartForm(definitionId, form));
  }

  private long requestInstances() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(MEETING_REQUEST_PROCESS_KEY).count();
  }

  @Test
  void theLeadsHeadAsksAndTheCaseArrangesTheMeeting() {
    String reference = newReference();
    ProcessInstance pi = deliveredCase(reference);

    ProcessInstance request = request("head-gb", head("GB"), vars(REFERENCE, reference));
    assertThat(request).isWaitingAt("Task_PassRequestToCase");
    assertThat(request.getBusinessKey()).isEqualTo(reference);
    driver.runJobs(request);
    assertThat(request).isEnded().hasPassedInOrder("StartEvent_MeetingRequestSubmitted", "Task_PassRequestToCase",
        "EndEvent_MeetingRequested");

    driver.runJobs(pi);
    assertThat(pi).isWaitingAt(TASK_REGISTER_RESPONSE, TASK_ARRANGE_BILATERAL_MEETING);
    assertThat(meetings.of(reference)).singleElement().satisfies(m -> assertThat(m.requestedBy()).isEqualTo("GB"));
    assertThat(timeline.of(reference)).anySatisfy(e -> {
      assertThat(e.event()).isEqualTo("MEETING_REQUEST_SUBMITTED");
      assertThat(e.by()).isEqualTo("head-gb");
    });
  }

  @Test
  void aCoSignatoryAndTheAddresseeAskInTheirOwnStatesName() {
    String reference = newReference();
    ProcessInstance pi = deliveredCase(reference);
    Instant askedAt = EngineClock.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);

    driver.runJobs(request("head-de", head("DE"), vars(REFERENCE, reference)));
    driver.runJobs(request("head-by", head("BY"), vars(REFERENCE, reference,
        MEETING_REQUESTED_AT, askedAt.atOffset(ZoneOffset.ofHours(3)).toString())));
    driver.runJobs(pi);

    assertThat(meetings.of(reference)).extracting(Meetings.Meeting::requestedBy).containsExactlyInAnyOrder("DE", "BY");
    assertThat(meetings.of(reference)).filteredOn(m -> m.requestedBy().equals("BY"))
        .singleElement().satisfies(m -> assertThat(m.requestedAt()).isEqualTo(askedAt));
    assertThat(driver.tasks(pi, TASK_ARRANGE_BILATERAL_MEETING)).hasSize(2);
  }

  @Test
  void refusedRequestsCreateNothingAndSayWhy() {
    String delivered = newReference();
    ProcessInstance pi = deliveredCase(delivered);
    String drafting = newReference();
    draftedCase(drafting);
    long before = requestInstances();
    int timelineBefore = timeline.of(delivered).size();

    assertRefused("head-gb", head("GB"), vars(REFERENCE, drafting), REFERENCE, "has not been delivered yet");
    assertRefused("head-gb", head("GB"), vars(REFERENCE, "VM-NO-SUCH-CASE"), REFERENCE, "names no case of");
    // Sweden is neither the addressee nor a signatory: the case is answered as unknown.
    assertRefused("head-se", head("SE"), vars(REFERENCE, delivered), REFERENCE, "names no case of");
    assertRefused("head-gb", head("GB"), vars(), REFERENCE, "is required");
    // The request's own rules (a date in the future, one that is no date) are MeetingInputsTest's; this one
    // needs the case's delivery.
    assertRefused("head-gb", head("GB"), vars(REFERENCE, delivered,
        MEETING_REQUESTED_AT, CaseDriver.inDays(-1)), MEETING_REQUESTED_AT, "cannot be before the letter was delivered, on ");
    // The administrator heads no delegation: in whose name would she ask?
    assertRefused("demo", List.of("camunda-admin"), vars(REFERENCE, delivered), MEETING_REQUESTED_BY,
        "is not a head of delegation");

    assertThat(requestInstances()).isEqualTo(before);
    assertThat(timeline.of(delivered)).hasSize(timelineBefore);
    assertThat(meetings.of(delivered)).isEmpty();
    assertThat(pi).isWaitingAt(TASK_REGISTER_RESPONSE);
  }

  @Test
  void aClosedCaseTakesNoMoreRequests() {
    String reference = newReference();
    ProcessInstance pi = deliveredCase(reference);
    // "No response" is taken once the reply was due.
    Date due = (Date) driver.variable(pi, RESPONSE_DUE_AT);
    ClockUtil.setCurrentTime(Date.from(due.toInstant().plus(Duration.ofDays(1))));
    driver.complete(pi, TASK_REGISTER_RESPONSE, "officer-gb", officer("GB"), vars(RESPONSE_RECEIVED, false));
    driver.runJobs(pi);
    driver.complete(pi, TASK_DECIDE_FOLLOW_UP, "head-gb", head("GB"), vars(FOLLOW_UP_ACTIONS, jsonList(List.of())));
    driver.runJobs(pi);
    assertThat(pi).isEnded();

    assertRefused("head-gb", head("GB"), vars(REFERENCE, reference), REFERENCE, "is closed");
  }

  @Test
  void aRequestOnItsWayToACaseThatIsWithdrawnEndsWithIt() {
    String reference = newReference();
    ProcessInstance pi = deliveredCase(reference);
    ProcessInstance request = request("head-de", head("DE"), vars(REFERENCE, reference));
    assertThat(request).isWaitingAt("Task_PassRequestToCase");

    driver.asUser("head-gb", head("GB"), () -> {
      withdrawal.withdraw(reference, "A dialogue has begun.", "head-gb");
      return null;
    });
    assertThat(request).isEnded();
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(request.getId()).count()).isZero();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(request.getId())
        .singleResult().getDeleteReason()).isEqualTo("The invocation was withdrawn");
    driver.runJobs(pi);
    assertThat(pi).isEnded();
    assertThat(meetings.of(reference)).isEmpty();
    // And a withdrawn case takes no new request.
    assertRefused("head-gb", head("GB"), vars(REFERENCE, reference), REFERENCE, "was withdrawn");
  }

  @Test
  void officersMayNotStartIt() {
    String reference = newReference();
    deliveredCase(reference);
    long before = requestInstances();

    assertThatThrownBy(() -> request("officer-gb", officer("GB"), vars(REFERENCE, reference)))
        .isInstanceOf(AuthorizationException.class).hasMessageContaining(MEETING_REQUEST_PROCESS_KEY);
    assertThat(requestInstances()).isEqualTo(before);
  }

  private void assertRefused(String userId, List<String> groups, Map<String, Object> form, String field,
      String message) {
    assertThatThrownBy(() -> request(userId, groups, form))
        .as("request of %s with %s", userId, form)
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.getMessage()).startsWith("The bilateral meeting request cannot be accepted");
          assertThat(e.fieldErrors()).containsKey(field);
          assertThat(e.fieldErrors().get(field)).contains(message);
        });
  }
}
