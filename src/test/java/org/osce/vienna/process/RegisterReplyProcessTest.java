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

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.casefile.InvalidInputException;
import org.osce.vienna.casefile.Replies;
import org.osce.vienna.casefile.ResponseStatus;
import org.osce.vienna.casefile.Timeline;
import org.osce.vienna.engine.EngineClock;
import org.osce.vienna.support.CaseDriver;
import org.osce.vienna.support.Fixtures;
import org.osce.vienna.support.ProcessTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code register-reply}: an officer or head of the lead delegation registers a reply from Tasklist (the start
 * form); it is checked when submitted and passed to the case with the message the case takes it with now. A reply
 * after "no response" is late and assessed; the same reply twice is registered once; every refusal creates
 * nothing. The class covers every flow node and sequence flow of the model; the cases it drives are the
 * procedure's, measured elsewhere.
 */
@ProcessTest(notMeasured = {PROCESS_KEY, MEETING_REQUEST_PROCESS_KEY})
class RegisterReplyProcessTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  CaseRecords cases;
  @Autowired
  Replies replies;
  @Autowired
  Timeline timeline;

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

  /** GB writes alone to Belarus and hands the letter over now: the case waits for the reply. */
  private ProcessInstance deliveredCase(String reference) {
    ProcessInstance pi = driver.start(reference, "GB", "BY", "Human rights in Belarus");
    driver.complete(pi, TASK_DRAFT_LETTER, "officer-gb", officer("GB"), vars(
        LETTER, json(Fixtures.letterJson()), INVITED_DELEGATIONS, jsonList(List.of())));
    driver.complete(pi, TASK_APPROVE_DRAFT, "head-gb", head("GB"), vars(DRAFT_APPROVED, true));
    driver.runJobs(pi);
    driver.complete(pi, TASK_SIGN_AND_DELIVER, "head-gb", head("GB"), vars(DELIVERY_CHANNEL, "BY_HAND",
        DELIVERED_AT, EngineClock.now().atOffset(ZoneOffset.ofHours(1)).toString()));
    driver.runJobs(pi);
    assertThat(pi).isWaitingAt(TASK_REGISTER_RESPONSE);
    return pi;
  }

  /** Closed as "no response" the day after the reply was due: the case waits for the follow-up decision. */
  private ProcessInstance unanswered(String reference) {
    ProcessInstance pi = deliveredCase(reference);
    ClockUtil.setCurrentTime(Date.from(cases.get(reference).responseDueAt().plus(Duration.ofDays(1))));
    driver.complete(pi, TASK_REGISTER_RESPONSE, "officer-gb", officer("GB"), vars(RESPONSE_RECEIVED, false));
    driver.runJobs(pi);
    assertThat(pi).isWaitingAt(TASK_DECIDE_FOLLOW_UP);
    return pi;
  }

  private String newReference() {
    return "VM-REPLY-" + (++caseNumber);
  }

  /** Submits the start form as Tasklist does, as {@code userId} of {@code groups}. */
  private ProcessInstance submit(String userId, List<String> groups, Map<String, Object> form) {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(REPLY_PROCESS_KEY).latestVersion().singleResult().getId();
    return driver.asUser(userId, groups, () -> engine.getFormService().submitStartForm(definitionId, form));
  }

  private static Map<String, Object> form(String reference, Instant receivedAt, String replyReference) {
    return vars(REFERENCE, reference, RESPONSE_RECEIVED_AT, receivedAt.atOffset(ZoneOffset.ofHours(1)).toString(),
        RESPONSE_REFERENCE, replyReference, RESPONSE_SUMMARY, "Belarus contests the invocation.");
  }

  private long registrations() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(REPLY_PROCESS_KEY)
        .count();
  }

  @Test
  void anOfficerRegistersAReplyAfterNoResponseItIsLateAndTheSameReplyTwiceIsRefusedAsRegistered() {
    String reference = newReference();
    ProcessInstance pi = unanswered(reference);
    Instant due = cases.get(reference).responseDueAt();
    Instant receivedAt = due.plus(Duration.ofHours(12));

    ProcessInstance registration = submit("officer-gb", officer("GB"), form(reference, receivedAt, "No. 1"));
    assertThat(registration).isWaitingAt("Task_PassReplyToCase");
    assertThat(registration.getBusinessKey()).isEqualTo(reference);
    driver.runJobs(registration);
    assertThat(registration).isEnded().hasPassedInOrder("StartEvent_ReplySubmitted", "Task_PassReplyToCase",
        "EndEvent_ReplyRegistered");
    driver.runJobs(pi);
    assertThat(pi).isWaitingAt(TASK_DECIDE_FOLLOW_UP, TASK_ASSESS_FURTHER_REPLY);
    assertThat(cases.get(reference).responseStatus()).isEqualTo(ResponseStatus.LATE);
    assertThat(cases.get(reference).responseDaysLate()).isEqualTo(1);
    assertThat(timeline.of(reference)).anySatisfy(e -> {
      assertThat(e.event()).isEqualTo("REPLY_SUBMITTED");
      assertThat(e.by()).isEqualTo("officer-gb");
    });

    // The same reply again, by the lead's head: refused with the reason, nothing registered twice.
    long before = registrations();
    assertThatThrownBy(() -> submit("head-gb", head("GB"), form(reference, receivedAt, "No. 1")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("responseReceivedAt is that of a reply already registered in case " + reference);
    assertThat(registrations()).isEqualTo(before);
    driver.runJobs(pi);
    assertThat(replies.of(reference)).hasSize(1);
    assertThat(driver.tasks(pi, TASK_ASSESS_FURTHER_REPLY)).hasSize(1);

    // A different one, by the head: a supplementary reply with an assessment of its own.
    driver.runJobs(submit("head-gb", head("GB"), form(reference, receivedAt.plus(Duration.ofHours(2)), "No. 2")));
    driver.runJobs(pi);
    assertThat(replies.of(reference)).extracting(Replies.Reply::supplementary).containsExactly(false, true);
    assertThat(driver.tasks(pi, TASK_ASSESS_FURTHER_REPLY)).hasSize(2);
  }

  @Test
  void whileTheCaseWaitsTheReplyEndsTheWaitAsRegisterTheResponseWould() {
    String reference = newReference();
    ProcessInstance pi = deliveredCase(reference);
    driver.runJobs(submit("officer-gb", officer("GB"), form(reference, EngineClock.now(), "No. 1")));
    driver.runJobs(pi);
    assertThat(pi).isWaitingAt(TASK_ASSESS_RESPONSE);
    assertThat(cases.get(reference).responseStatus()).isEqualTo(ResponseStatus.ON_TIME);
  }

  @Test
  void refusalsNameTheFieldAndCreateNothing() {
    String reference = newReference();
    ProcessInstance pi = unanswered(reference);
    Instant now = EngineClock.now();
    long before = registrations();

    // Another delegation's officer: the case is not hers to answer, and is named as unknown.
    assertThatThrownBy(() -> submit("officer-de", officer("DE"), form(reference, now, "No. 1")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("reference '" + reference + "' names no case that your delegation leads");
    assertThatThrownBy(() -> submit("officer-gb", officer("GB"), form("VM-NO-SUCH-CASE", now, "No. 1")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("names no case");
    // A reply received in the future, or before the letter was delivered.
    assertThatThrownBy(() -> submit("officer-gb", officer("GB"), form(reference, now.plus(Duration.ofDays(2)),
        "No. 1"))).isInstanceOf(InvalidInputException.class).hasMessageContaining("responseReceivedAt");
    assertThatThrownBy(() -> submit("officer-gb", officer("GB"), form(reference,
        cases.get(reference).deliveredAt().minus(Duration.ofDays(1)), "No. 1")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("before the letter was delivered");
    // No summary.
    Map<String, Object> noSummary = form(reference, now, "No. 1");
    noSummary.remove(RESPONSE_SUMMARY);
    assertThatThrownBy(() -> submit("officer-gb", officer("GB"), noSummary))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("responseSummary");
    // A case that is closed takes no reply.
    driver.complete(pi, TASK_DECIDE_FOLLOW_UP, "head-gb", head("GB"), vars(FOLLOW_UP_ACTIONS, jsonList(List.of())));
    driver.runJobs(pi);
    assertThat(pi).isEnded();
    assertThatThrownBy(() -> submit("officer-gb", officer("GB"), form(reference, now, "No. 1")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("which is closed");

    assertThat(registrations()).isEqualTo(before);
    assertThat(replies.of(reference)).isEmpty();
  }
}
