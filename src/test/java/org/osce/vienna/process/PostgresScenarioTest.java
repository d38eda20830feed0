package org.osce.vienna.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.osce.vienna.engine.ProcessConstants.*;
import static org.osce.vienna.support.CaseDriver.head;
import static org.osce.vienna.support.CaseDriver.json;
import static org.osce.vienna.support.CaseDriver.jsonList;
import static org.osce.vienna.support.CaseDriver.officer;
import static org.osce.vienna.support.CaseDriver.vars;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.casefile.CaseStatus;
import org.osce.vienna.casefile.ResponseStatus;
import org.osce.vienna.delivery.Letters;
import org.osce.vienna.signoff.SignOffDecision;
import org.osce.vienna.signoff.Signatories;
import org.osce.vienna.support.CaseDriver;
import org.osce.vienna.support.Fixtures;
import org.osce.vienna.support.PostgresApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The 2021 letter to Belarus played from start to close on PostgreSQL with the job executor
 * running, as in production: 35 signatories, and every co-signing decision completed at the same
 * moment from its own thread.
 */
@PostgresApplicationTest
class PostgresScenarioTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  CaseRecords cases;
  @Autowired
  Signatories signatories;
  @Autowired
  Letters letters;

  CaseDriver driver;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    driver = new CaseDriver(engine);
  }

  /** Waits for the job executor, as a user waits for the next task to appear. */
  private void awaitWaitingAt(ProcessInstance pi, String activityId) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (engine.getRuntimeService().getActiveActivityIds(pi.getId()).contains(activityId)) {
        return;
      }
      assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).count())
          .as("incidents").isZero();
      Thread.sleep(200);
    }
    throw new AssertionError(pi.getBusinessKey() + " did not reach " + activityId + "; waits at "
        + engine.getRuntimeService().getActiveActivityIds(pi.getId()));
  }

  /** Completes every open co-signing task at the same moment, each from its own thread as its delegation's head. */
  private void decideAllAtOnce(ProcessInstance pi, List<String> joining) throws Exception {
    List<Task> open = driver.tasks(pi, TASK_DECIDE_CO_SIGNING);
    CountDownLatch ready = new CountDownLatch(open.size());
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(open.size());
    try {
      List<Future<?>> results = new ArrayList<>();
      for (Task task : open) {
        String code = (String) engine.getTaskService().getVariable(task.getId(), INVITED_DELEGATION);
        results.add(threads.submit(() -> {
          ready.countDown();
          go.await();
          driver.complete(task, "head-" + code.toLowerCase(), head(code),
              vars(CO_SIGNS, joining.contains(code), CO_SIGN_COMMENT, null));
          return null;
        }));
      }
      ready.await();
      go.countDown();
      for (Future<?> result : results) {
        result.get(120, TimeUnit.SECONDS); // rethrows any failed completion
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void thirtyFiveDecisionsAtTheSameMomentAreAllRecordedAndNoneFails() throws Exception {
    List<String> invited = new ArrayList<>(Fixtures.CO_SIGNATORIES_2021);
    invited.add("SE");
    assertThat(invited).hasSize(35);
    ProcessInstance pi = driver.start("VM-PG-CONCURRENT", "GB", "BY", "Concurrency");
    driver.complete(pi, TASK_DRAFT_LETTER, "officer-gb", officer("GB"), vars(LETTER, json(Fixtures.letterJson()),
        INVITED_DELEGATIONS, jsonList(invited), SIGN_OFF_DUE_AT, CaseDriver.inDays(3)));
    driver.complete(pi, TASK_APPROVE_DRAFT, "head-gb", head("GB"), vars(DRAFT_APPROVED, true));
    awaitWaitingAt(pi, TASK_DECIDE_CO_SIGNING);
    assertThat(driver.tasks(pi, TASK_DECIDE_CO_SIGNING)).hasSize(35);

    decideAllAtOnce(pi, invited.subList(0, 30));

    awaitWaitingAt(pi, TASK_SIGN_AND_DELIVER);
    assertThat(signatories.of("VM-PG-CONCURRENT")).filteredOn(s -> s.role().equals(Signatories.INVITED))
        .hasSize(35).allSatisfy(s -> {
          assertThat(s.decision()).isIn(SignOffDecision.JOINED, SignOffDecision.DECLINED);
          assertThat(s.decidedBy()).isEqualTo("head-" + s.stateCode().toLowerCase());
        });
    assertThat(signatories.signing("VM-PG-CONCURRENT")).hasSize(31);
    assertThat(signatories.declined("VM-PG-CONCURRENT")).hasSize(5);
  }

  @Test
  void the2021LetterToBelarusFromStartToClose() throws Exception {
    // Not the 2021 reference itself: Case2021OverRestTest plays that one on the same database.
    String reference = "VM-PG-2021-BY";
    ProcessInstance pi = driver.start(reference, "GB", "BY", "Human rights situation in Belarus");
    driver.complete(pi, TASK_DRAFT_LETTER, "officer-gb", officer("GB"), vars(LETTER, json(Fixtures.letterJson()),
        INVITED_DELEGATIONS, jsonList(Fixtures.CO_SIGNATORIES_2021), SIGN_OFF_DUE_AT, CaseDriver.inDays(2)));
    driver.complete(pi, TASK_APPROVE_DRAFT, "head-gb", head("GB"), vars(DRAFT_APPROVED, true));
    awaitWaitingAt(pi, TASK_DECIDE_CO_SIGNING);
    decideAllAtOnce(pi, Fixtures.CO_SIGNATORIES_2021);
    awaitWaitingAt(pi, TASK_SIGN_AND_DELIVER);
    assertThat(signatories.signing(reference)).hasSize(35).startsWith("GB", "AL", "AT");
    assertThat(letters.find(reference)).get().satisfies(letter -> assertThat(letter.onBehalfOf())
        .startsWith("the following delegations: Albania, Austria, Belgium").contains("Czechia")
        .endsWith("Ukraine, the United Kingdom, and the United States"));

    driver.complete(pi, TASK_SIGN_AND_DELIVER, "head-gb", head("GB"), vars(DELIVERY_CHANNEL, "BY_HAND",
        DELIVERED_AT, OffsetDateTime.now(ZoneOffset.ofHours(1)).toString()));
    awaitWaitingAt(pi, TASK_REGISTER_RESPONSE);
    assertThat(cases.get(reference).status()).isEqualTo(CaseStatus.AWAITING_RESPONSE);

    driver.correlate(MESSAGE_RESPONSE_RECEIVED, reference, vars(RESPONSE_RECEIVED_AT,
        OffsetDateTime.now(ZoneOffset.UTC).toString(), RESPONSE_REFERENCE, "No. 03-12/3456",
        RESPONSE_SUMMARY, "Belarus contests the invocation and answers none of the questions."));
    awaitWaitingAt(pi, TASK_ASSESS_RESPONSE);
    StringBuilder list = new StringBuilder("[");
    for (int q = 1; q <= 8; q++) {
      list.append(q > 1 ? "," : "").append("{\"question\":").append(q).append(",\"assessment\":\"NOT_ANSWERED\"}");
    }
    driver.complete(pi, TASK_ASSESS_RESPONSE, "officer-gb", officer("GB"), vars(RESPONSE_SUBSTANTIVE, false,
        QUESTION_ASSESSMENTS, json(list.append("]").toString())));
    awaitWaitingAt(pi, TASK_DECIDE_FOLLOW_UP);
    driver.complete(pi, TASK_DECIDE_FOLLOW_UP, "head-gb", head("GB"), vars(FOLLOW_UP_ACTIONS,
        jsonList(List.of("PERMANENT_COUNCIL_STATEMENT", "MOSCOW_MECHANISM"))));

    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (cases.get(reference).status() != CaseStatus.CLOSED && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(pi).isEnded();
    assertThat(cases.get(reference).status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(cases.get(reference).responseStatus()).isEqualTo(ResponseStatus.ON_TIME);
  }
}
