package org.osce.vienna.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.osce.vienna.engine.ProcessConstants.DELIVERED_AT;
import static org.osce.vienna.engine.ProcessConstants.DELIVERY_CHANNEL;
import static org.osce.vienna.engine.ProcessConstants.DRAFT_APPROVED;
import static org.osce.vienna.engine.ProcessConstants.INVITED_DELEGATIONS;
import static org.osce.vienna.engine.ProcessConstants.LETTER;
import static org.osce.vienna.engine.ProcessConstants.TASK_APPROVE_DRAFT;
import static org.osce.vienna.engine.ProcessConstants.TASK_ASSESS_RESPONSE;
import static org.osce.vienna.engine.ProcessConstants.TASK_DRAFT_LETTER;
import static org.osce.vienna.engine.ProcessConstants.TASK_SIGN_AND_DELIVER;
import static org.osce.vienna.support.CaseDriver.head;
import static org.osce.vienna.support.CaseDriver.json;
import static org.osce.vienna.support.CaseDriver.jsonList;
import static org.osce.vienna.support.CaseDriver.officer;
import static org.osce.vienna.support.CaseDriver.vars;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.Test;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.casefile.CaseStatus;
import org.osce.vienna.casefile.ResponseStatus;
import org.osce.vienna.casefile.Timeline;
import org.osce.vienna.casefile.TimelineEvent;
import org.osce.vienna.response.ResponseInput;
import org.osce.vienna.support.CaseDriver;
import org.osce.vienna.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * A reply reported over the case API at the moment its deadline fires. The response deadline is a
 * non-interrupting timer on "Register the response": when it fires, the engine rearranges the case's
 * executions to add the branch that records the miss, and a correlation that read them a moment before
 * fails to write. The job executor is off here, so the test decides exactly when the deadline fires:
 * while the reply is being correlated, after it has read the case and before it writes.
 *
 * <p>The engine has a name of its own, so that Camunda's REST API of the other tests in this JVM keeps
 * finding theirs under "default"; and the deadline is made due by its job's due date, not by moving the
 * engine clock, which every engine in the JVM shares. A context of its own, not
 * {@link org.osce.vienna.support.H2ApplicationTest}'s: the spy on the timeline is a bean of this test only.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:deadline-race;DB_CLOSE_DELAY=-1",
    "camunda.bpm.process-engine-name=deadlineRace",
    "camunda.bpm.job-execution.enabled=false",
    "vienna.demo.enabled=false",
    "vienna.mail.dispatch.enabled=false"})
class DeadlineRaceTest {

  private static final String REFERENCE = "VM-RACE-01";

  @Autowired
  ProcessEngine engine;
  @Autowired
  CaseRecords cases;
  @Autowired
  ResponseRegistration responses;
  @MockitoSpyBean
  Timeline timeline;

  @Test
  void aReplyThatRacesItsDeadlineIsRegisteredOnceAndNotRefused() throws Exception {
    AbstractAssertions.init(engine);
    CaseDriver driver = new CaseDriver(engine);
    ProcessInstance pi = delivered(driver);

    // The deadline is due; its job runs just as the reply is being correlated.
    Job deadline = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers()
        .activityId("Event_ResponseDeadlinePassed").singleResult();
    engine.getManagementService().setJobDuedate(deadline.getId(), new Date());
    AtomicBoolean fired = new AtomicBoolean();
    doAnswer(call -> {
      if (fired.compareAndSet(false, true)) {
        CompletableFuture.runAsync(() -> engine.getManagementService().executeJob(deadline.getId()))
            .get(30, TimeUnit.SECONDS);
      }
      return call.callRealMethod();
    }).when(timeline).record(eq(REFERENCE), any(), eq(TimelineEvent.RESPONSE_REGISTERED), any(), any());

    ResponseInput reply = new ResponseInput(Instant.now(), "No. 03-12/3456", "Belarus contests the invocation.");
    // Before, this answered 409 "not waiting for a response": the case moved under the reply.
    assertThatCode(() -> responses.register(new ApiCaller("officer-gb", officer("GB")), REFERENCE, reply))
        .doesNotThrowAnyException();

    assertThat(fired).as("the deadline fired during the reply").isTrue();
    driver.runJobs(pi);
    assertThat(pi).isWaitingAt(TASK_ASSESS_RESPONSE);
    assertThat(cases.get(REFERENCE).status()).isEqualTo(CaseStatus.ASSESSMENT);
    assertThat(cases.get(REFERENCE).responseStatus()).isEqualTo(ResponseStatus.ON_TIME);
    List<String> events = timeline.of(REFERENCE).stream().map(Timeline.Entry::event).toList();
    assertThat(events).filteredOn("RESPONSE_REGISTERED"::equals).hasSize(1);
    assertThat(events).filteredOn("RESPONSE_RECEIVED"::equals).hasSize(1);
    assertThat(events).filteredOn("RESPONSE_DEADLINE_PASSED"::equals).hasSize(1);
  }

  /** GB writes alone (no sign-off round) and hands the letter over now: the case waits for the reply. */
  private static ProcessInstance delivered(CaseDriver driver) {
    ProcessInstance pi = driver.start(REFERENCE, "GB", "BY", "Human rights in Belarus");
    driver.complete(pi, TASK_DRAFT_LETTER, "officer-gb", officer("GB"), vars(
        LETTER, json(Fixtures.letterJson()), INVITED_DELEGATIONS, jsonList(List.of())));
    driver.complete(pi, TASK_APPROVE_DRAFT, "head-gb", head("GB"), vars(DRAFT_APPROVED, true));
    driver.runJobs(pi);
    driver.complete(pi, TASK_SIGN_AND_DELIVER, "head-gb", head("GB"), vars(
        DELIVERY_CHANNEL, "BY_HAND", DELIVERED_AT, Instant.now().atOffset(ZoneOffset.UTC).toString()));
    driver.runJobs(pi);
    return pi;
  }
}
