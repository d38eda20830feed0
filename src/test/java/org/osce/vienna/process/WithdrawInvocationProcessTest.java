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

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.casefile.CaseStatus;
import org.osce.vienna.casefile.InvalidInputException;
import org.osce.vienna.casefile.Timeline;
import org.osce.vienna.support.CaseDriver;
import org.osce.vienna.support.Fixtures;
import org.osce.vienna.support.ProcessTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code withdraw-invocation}: a head of the lead delegation withdraws an invocation from Tasklist (the start
 * form); the withdrawal is checked when submitted, refused in a sentence that creates nothing, and passed to the
 * case as {@code InvocationWithdrawn}. The class covers every flow node and sequence flow of the model; the cases
 * it drives are the procedure's, measured elsewhere.
 */
@ProcessTest(notMeasured = {PROCESS_KEY, MEETING_REQUEST_PROCESS_KEY})
class WithdrawInvocationProcessTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  CaseRecords cases;
  @Autowired
  Timeline timeline;

  CaseDriver driver;
  static int caseNumber;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    driver = new CaseDriver(engine);
  }

  /** A GB case to Belarus, DE invited and joined: the sign-off round is closed, the letter waits for signature. */
  private ProcessInstance caseAwaitingSignature(String reference) {
    ProcessInstance pi = driver.start(reference, "GB", "BY", "Human rights in Belarus");
    driver.complete(pi, TASK_DRAFT_LETTER, "officer-gb", officer("GB"), vars(
        LETTER, json(Fixtures.letterJson()), INVITED_DELEGATIONS, jsonList(List.of("DE")),
        SIGN_OFF_DUE_AT, CaseDriver.inDays(5)));
    driver.complete(pi, TASK_APPROVE_DRAFT, "head-gb", head("GB"), vars(DRAFT_APPROVED, true));
    driver.runJobs(pi);
    driver.complete(pi, TASK_DECIDE_CO_SIGNING, "head-de", head("DE"), vars(CO_SIGNS, true));
    driver.runJobs(pi);
    assertThat(pi).isWaitingAt(TASK_SIGN_AND_DELIVER);
    return pi;
  }

  private String newReference() {
    return "VM-WITHDRAW-" + (++caseNumber);
  }

  /** Submits the start form as Tasklist does, as {@code userId} of {@code groups}. */
  private ProcessInstance submit(String userId, List<String> groups, Map<String, Object> form) {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(WITHDRAWAL_PROCESS_KEY).latestVersion().singleResult().getId();
    return driver.asUser(userId, groups, () -> engine.getFormService().submitStartForm(definitionId, form));
  }

  private long withdrawals() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(WITHDRAWAL_PROCESS_KEY).count();
  }

  @Test
  void theLeadsHeadWithdrawsFromTasklistAndTheCaseEndsWithTheReason() {
    String reference = newReference();
    ProcessInstance pi = caseAwaitingSignature(reference);

    ProcessInstance withdrawal = submit("head-gb", head("GB"), vars(REFERENCE, reference,
        REASON, "  The persons concerned were released.  "));
    assertThat(withdrawal).isWaitingAt("Task_PassWithdrawalToCase");
    assertThat(withdrawal.getBusinessKey()).isEqualTo(reference);
    driver.runJobs(withdrawal);
    assertThat(withdrawal).isEnded().hasPassedInOrder("StartEvent_WithdrawalSubmitted", "Task_PassWithdrawalToCase",
        "EndEvent_InvocationWithdrawn");

    assertThat(cases.get(reference).status()).isEqualTo(CaseStatus.WITHDRAWN);
    driver.runJobs(pi);
    assertThat(pi).isEnded();
    assertThat(timeline.of(reference)).last().satisfies(e -> {
      assertThat(e.event()).isEqualTo("INVOCATION_WITHDRAWN");
      assertThat(e.by()).isEqualTo("head-gb");
      assertThat(e.detail()).isEqualTo("The persons concerned were released.");
    });
  }

  @Test
  void aSecondWithdrawalSubmittedBeforeTheFirstReachedTheCaseFindsItEndedAndEndsWithoutIt() {
    String reference = newReference();
    caseAwaitingSignature(reference);
    ProcessInstance first = submit("head-gb", head("GB"), vars(REFERENCE, reference, REASON, "Released."));
    ProcessInstance second = submit("demo", List.of("camunda-admin"), vars(REFERENCE, reference, REASON, "Also."));

    driver.runJobs(first);
    driver.runJobs(second);
    assertThat(second).isEnded();
    assertThat(timeline.of(reference)).filteredOn(e -> e.event().equals("INVOCATION_WITHDRAWN")).singleElement()
        .satisfies(e -> assertThat(e.detail()).isEqualTo("Released."));
  }

  @Test
  void refusedWithdrawalsCreateNothingAndSayWhy() {
    String reference = newReference();
    ProcessInstance pi = caseAwaitingSignature(reference);
    long before = withdrawals();

    // Germany signs, but only the lead withdraws; Sweden has nothing to do with the case; Belarus is not told.
    assertRefused("head-de", head("DE"), vars(REFERENCE, reference, REASON, "x"), REFERENCE,
        "which the United Kingdom leads: only the heads of the lead delegation withdraw an invocation");
    assertRefused("head-se", head("SE"), vars(REFERENCE, reference, REASON, "x"), REFERENCE, "names no case of Sweden");
    assertRefused("head-by", head("BY"), vars(REFERENCE, reference, REASON, "x"), REFERENCE, "names no case of Belarus");
    assertRefused("head-gb", head("GB"), vars(REFERENCE, "VM-NO-SUCH-CASE", REASON, "x"), REFERENCE, "names no case of");
    assertRefused("head-gb", head("GB"), vars(REFERENCE, reference), REASON, "is required: say why");
    assertRefused("head-gb", head("GB"), vars(REFERENCE, reference, REASON, "   "), REASON, "is required: say why");
    assertRefused("head-gb", head("GB"), vars(REFERENCE, reference, REASON, "x", "deliveryChannel", "EMAIL"),
        "deliveryChannel", "is not taken by a withdrawal");
    assertThatThrownBy(() -> submit("officer-gb", officer("GB"), vars(REFERENCE, reference, REASON, "x")))
        .isInstanceOf(AuthorizationException.class).hasMessageContaining(WITHDRAWAL_PROCESS_KEY);

    assertThat(withdrawals()).isEqualTo(before);
    assertThat(pi).isWaitingAt(TASK_SIGN_AND_DELIVER);
    assertThat(cases.get(reference).status()).isEqualTo(CaseStatus.DELIVERY);

    // An administrator may; then the case is withdrawn, and a second withdrawal is refused.
    driver.runJobs(submit("demo", List.of("camunda-admin"), vars(REFERENCE, reference, REASON, "On request.")));
    assertRefused("head-gb", head("GB"), vars(REFERENCE, reference, REASON, "x"), REFERENCE, "was already withdrawn");
  }

  private void assertRefused(String userId, List<String> groups, Map<String, Object> form, String field,
      String message) {
    assertThatThrownBy(() -> submit(userId, groups, form))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors().get(field)).contains(message));
  }
}
