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

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osce.vienna.casefile.DateTimes;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.casefile.CaseStageConflict;
import org.osce.vienna.casefile.CaseStatus;
import org.osce.vienna.casefile.InvalidInputException;
import org.osce.vienna.casefile.ParticipatingState;
import org.osce.vienna.casefile.ParticipatingStates;
import org.osce.vienna.casefile.Replies;
import org.osce.vienna.casefile.Replies.Reply;
import org.osce.vienna.casefile.ResponseStatus;
import org.osce.vienna.casefile.Timeline;
import org.osce.vienna.engine.EngineClock;
import org.osce.vienna.engine.StateNames;
import org.osce.vienna.engine.StateNamesBackfill;
import org.osce.vienna.followup.FollowUpAction;
import org.osce.vienna.followup.FollowUps;
import org.osce.vienna.followup.Withdrawal;
import org.osce.vienna.meeting.Meetings;
import org.osce.vienna.notification.NotificationOutbox;
import org.osce.vienna.registry.Statistics;
import org.osce.vienna.response.Assessment;
import org.osce.vienna.response.Assessments;
import org.osce.vienna.response.ReplyMessages;
import org.osce.vienna.response.ResponseInput;
import org.osce.vienna.signoff.Coalition;
import org.osce.vienna.signoff.SignOffDecision;
import org.osce.vienna.signoff.Signatories;
import org.osce.vienna.support.CaseDriver;
import org.osce.vienna.support.Fixtures;
import org.osce.vienna.support.ProcessTest;
import org.osce.vienna.support.ReceivedMail;
import org.osce.vienna.support.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.MailException;

/**
 * Every path of the procedure, driven as its users drive it, with the real delegates and records.
 * The job executor is off so each test decides when a step runs; timers are fired by moving the
 * engine's clock. The class must cover every flow node and sequence flow of the model ({@link ProcessTest}:
 * no demo case, so coverage counts only the tests). The outbox is not sent here (NotificationDeliveryTest
 * sends it); the letter by e-mail is.
 */
@ProcessTest
class ViennaMechanismProcessTest {

  /** The SMTP server the letter by e-mail goes to. */
  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  @Autowired
  ProcessEngine engine;
  @Autowired
  CaseRecords cases;
  @Autowired
  Signatories signatories;
  @Autowired
  org.osce.vienna.signoff.SignOff signOffState;
  @Autowired
  Timeline timeline;
  @Autowired
  Assessments assessments;
  @Autowired
  FollowUps followUps;
  @Autowired
  Meetings meetings;
  @Autowired
  NotificationOutbox outbox;
  @Autowired
  org.osce.vienna.delivery.Letters letters;
  @Autowired
  Replies replies;
  @Autowired
  ReplyMessages replyMessages;

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

  private String newReference() {
    return "VM-TEST-" + (++caseNumber);
  }

  private ProcessInstance startCase(String reference) {
    return driver.start(reference, "GB", "BY", "Human rights in Belarus");
  }

  private void draft(ProcessInstance pi, List<String> invited) {
    driver.complete(pi, TASK_DRAFT_LETTER, "officer-gb", officer("GB"), vars(
        LETTER, json(Fixtures.letterJson()),
        INVITED_DELEGATIONS, jsonList(invited),
        SIGN_OFF_DUE_AT, CaseDriver.inDays(5)));
  }

  private void approve(ProcessInstance pi) {
    driver.complete(pi, TASK_APPROVE_DRAFT, "head-gb", head("GB"), vars(DRAFT_APPROVED, true));
    driver.runJobs(pi);
  }

  private void decide(ProcessInstance pi, String code, boolean joins) {
    var task = driver.tasks(pi, TASK_DECIDE_CO_SIGNING).stream()
        .filter(t -> code.equals(engine.getTaskService().getVariable(t.getId(), INVITED_DELEGATION)))
        .findFirst().orElseThrow();
    driver.complete(task, "head-" + code.toLowerCase(), head(code),
        vars(CO_SIGNS, joins, CO_SIGN_COMMENT, joins ? null : "Not at this time"));
  }

  private void deliverByHand(ProcessInstance pi, Instant at) {
    driver.complete(pi, TASK_SIGN_AND_DELIVER, "head-gb", head("GB"), vars(
        DELIVERY_CHANNEL, "BY_HAND", DELIVERED_AT, at.atOffset(ZoneOffset.ofHours(1)).toString(),
        ANNOUNCEMENTS, jsonList(List.of("INFORM_PARTICIPATING_STATES"))));
    driver.runJobs(pi);
  }

  /** Drafted, approved, all invited join, delivered by hand now: the case waits for the response. */
  private ProcessInstance deliveredCase(String reference, List<String> invited) {
    ProcessInstance pi = startCase(reference);
    draft(pi, invited);
    approve(pi);
    invited.forEach(code -> decide(pi, code, true));
    driver.runJobs(pi);
    deliverByHand(pi, EngineClock.now());
    return pi;
  }

  private void assess(ProcessInstance pi, boolean substantive) {
    StringBuilder list = new StringBuilder("[");
    for (int q = 1; q <= 8; q++) {
      list.append(q > 1 ? "," : "").append("{\"question\":").append(q).append(",\"assessment\":\"")
          .append(q <= 2 ? "ANSWERED" : q <= 5 ? "PARTLY_ANSWERED" : "NOT_ANSWERED").append("\"}");
    }
    driver.complete(pi, TASK_ASSESS_RESPONSE, "officer-gb", officer("GB"), vars(
        RESPONSE_SUBSTANTIVE, substantive, QUESTION_ASSESSMENTS, json(list.append("]").toString())));
    driver.runJobs(pi);
  }

  private void decideFollowUp(ProcessInstance pi, String... actions) {
    driver.complete(pi, TASK_DECIDE_FOLLOW_UP, "head-gb", head("GB"),
        vars(FOLLOW_UP_ACTIONS, jsonList(List.of(actions))));
    driver.runJobs(pi);
  }

  private void decideFollowUp(ProcessInstance pi, List<String> actions, List<String> moscowSupporters) {
    driver.complete(pi, TASK_DECIDE_FOLLOW_UP, "head-gb", head("GB"),
        vars(FOLLOW_UP_ACTIONS, jsonList(actions), MOSCOW_SUPPORTERS, jsonList(moscowSupporters)));
    driver.runJobs(pi);
  }

  private List<String> events(String reference) {
    return timeline.of(reference).stream().map(Timeline.Entry::event).toList();
  }

  @Test
  void theCoSigningFormAndTheLeadSeeWhoHasJoinedOrDeclinedSoFar() {
    String reference = newReference();
    ProcessInstance pi = startCase(reference);
    draft(pi, List.of("DE", "FR", "US"));
    approve(pi);
    assertThat(signOffInForm(pi, "FR")).containsExactly("France UNDECIDED null", "Germany UNDECIDED null",
        "United States of America UNDECIDED null");

    // France's open form shows each decision as soon as it is taken (no job needs to run).
    decide(pi, "DE", true);
    decide(pi, "US", false);
    assertThat(signOffInForm(pi, "FR")).satisfiesExactly(
        fr -> assertThat(fr).isEqualTo("France UNDECIDED null"),
        de -> assertThat(de).startsWith("Germany JOINED 20").endsWith("+01:00"),
        us -> assertThat(us).startsWith("United States of America DECLINED 20"));
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), SIGN_OFF)).as("never stored").isNull();

    // The deadline passes: France never decided, and stays undecided (recorded as not joined).
    driver.fireTimer(pi, "Event_SignOffDeadlinePassed");
    assertThat(pi).isWaitingAt(TASK_SIGN_AND_DELIVER);
    assertThat(signOffState.of(reference)).extracting(e -> e.state() + " " + e.decision())
        .containsExactly("FR UNDECIDED", "DE JOINED", "US DECLINED");
    // The lead's heads read each decline with its comment in the sign-and-deliver form.
    String delivery = driver.task(pi, TASK_SIGN_AND_DELIVER).getId();
    assertThat(driver.asUser("head-gb", head("GB"), () -> engine.getFormService().getTaskFormVariables(delivery))
        .getValueTyped(DECLINES).getValue().toString())
        .isEqualTo("[{\"name\":\"United States of America\",\"comment\":\"Not at this time\"}]");
  }

  /** The co-signing form's list as a head of {@code code} reads it in her form: name, decision and when. */
  private List<String> signOffInForm(ProcessInstance pi, String code) {
    var task = driver.tasks(pi, TASK_DECIDE_CO_SIGNING).stream()
        .filter(t -> code.equals(engine.getTaskService().getVariable(t.getId(), INVITED_DELEGATION)))
        .findFirst().orElseThrow();
    var variables = driver.asUser("head-" + code.toLowerCase(), head(code),
        () -> engine.getFormService().getTaskFormVariables(task.getId()));
    List<String> entries = new java.util.ArrayList<>();
    org.osce.vienna.engine.CaseVariables.json(variables.getValueTyped(SIGN_OFF).getValue().toString(), SIGN_OFF)
        .forEach(e -> entries.add(e.path("name").asText() + " " + e.path("decision").asText() + " "
            + e.path("decidedAt").asText(null)));
    return entries;
  }

  @Test
  void approvedAtOnceAllJoinResponseOnTimeByMessageAssessedAndClosed() {
    String reference = newReference();
    ProcessInstance pi = startCase(reference);
    assertThat(pi).isWaitingAt(TASK_DRAFT_LETTER);
    assertThat(driver.task(pi, TASK_DRAFT_LETTER).getName()).isEqualTo("Draft the letter — " + reference + " (Belarus)");
    assertThat(cases.get(reference).status()).isEqualTo(CaseStatus.DRAFTING);

    draft(pi, List.of("DE", "FR", "US"));
    assertThat(pi).isWaitingAt(TASK_APPROVE_DRAFT);
    approve(pi);
    assertThat(pi).isWaitingAt(TASK_DECIDE_CO_SIGNING);
    assertThat(driver.tasks(pi, TASK_DECIDE_CO_SIGNING)).hasSize(3)
        .allSatisfy(t -> assertThat(t.getDueDate()).isNotNull());
    assertThat(cases.get(reference).status()).isEqualTo(CaseStatus.SIGN_OFF);
    // Each invited delegation's heads get an invitation of their own, which links to their own task.
    assertThat(outbox.of(reference)).filteredOn(n -> n.event().equals("CO_SIGNING_INVITATION"))
        .extracting(n -> n.recipient()).containsExactlyInAnyOrder("heads-de", "heads-fr", "heads-us");
    for (var task : driver.tasks(pi, TASK_DECIDE_CO_SIGNING)) {
      String delegation = (String) engine.getTaskService().getVariable(task.getId(), INVITED_DELEGATION);
      assertThat(outbox.of(reference)).filteredOn(n -> n.recipient().equals("heads-" + delegation.toLowerCase()))
          .singleElement().satisfies(n -> assertThat(n.body()).contains("#/?task=" + task.getId() + "\n",
              "Lead State:     United Kingdom", "Addressed to:   Belarus"));
    }

    decide(pi, "DE", true);
    decide(pi, "FR", true);
    decide(pi, "US", true);
    driver.runJobs(pi);
    assertThat(pi).isWaitingAt(TASK_SIGN_AND_DELIVER);
    assertThat(signatories.signing(reference)).containsExactly("GB", "FR", "DE", "US");
    assertThat(driver.variable(pi, SIGNATORIES_TEXT))
        .isEqualTo("France, Germany, the United Kingdom, and the United States");
    // The sign-and-deliver form shows the final letter's text, as composed.
    assertThat(String.valueOf(driver.variable(pi, FINAL_LETTER)))
        .startsWith("{\"html\":\"<div class=\\\"vm-letter\\\">")
        .contains("on behalf of the following delegations: France, Germany, the United Kingdom, and the United"
            + " States.");
    assertThat(signatories.of(reference)).filteredOn(s -> s.stateCode().equals("DE")).singleElement()
        .satisfies(s -> assertThat(s.decidedBy()).isEqualTo("head-de"));

    Instant deliveredAt = EngineClock.now();
    deliverByHand(pi, deliveredAt);
    assertThat(pi).isWaitingAt(TASK_REGISTER_RESPONSE);
    var record = cases.get(reference);
    assertThat(record.status()).isEqualTo(CaseStatus.AWAITING_RESPONSE);
    assertThat(record.deliveredAt()).isEqualTo(deliveredAt.truncatedTo(ChronoUnit.MILLIS));
    assertThat(record.responseDueAt()).isAfter(deliveredAt.plus(Duration.ofDays(10)));
    assertThat(driver.task(pi, TASK_REGISTER_RESPONSE).getDueDate()).isEqualTo(Date.from(record.responseDueAt()));
    // The form shows the deadline in Vienna time, whatever the browser's zone: the end of the day there.
    assertThat(String.valueOf(engine.getTaskService().getVariableLocal(driver.task(pi, TASK_REGISTER_RESPONSE).getId(),
        TIMES_IN_VIENNA))).contains("\"responseDueAt\":\"" + DateTimes.shown(record.responseDueAt()) + "\"")
        .containsPattern("responseDueAt\":\"\\d{1,2} \\w+ \\d{4}, 23:59 Vienna time \\(CES?T\\)");
    // Those are copies for Tasklist: the history keeps the case's own variables, and no task's copy of them.
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(CASE_LABEL).list()).singleElement().satisfies(variable -> assertThat(variable.getTaskId()).isNull());
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(TIMES_IN_VIENNA).list()).isEmpty();
    assertThat(engine.getHistoryService().createHistoricDetailQuery().processInstanceId(pi.getId()).variableUpdates()
        .list()).extracting(detail -> ((HistoricVariableUpdate) detail).getVariableName())
        .contains(SUBJECT, CASE_LABEL).doesNotContain(TIMES_IN_VIENNA);
    assertThat(outbox.of(reference)).extracting(n -> n.event()).contains("CO_SIGNING_INVITATION", "MECHANISM_INVOKED");
    assertThat(outbox.of(reference)).filteredOn(n -> n.event().equals("MECHANISM_INVOKED"))
        .as("one message per delegation").hasSize(57).extracting(n -> n.recipient()).doesNotHaveDuplicates();

    driver.correlate(MESSAGE_RESPONSE_RECEIVED, reference, vars(
        RESPONSE_RECEIVED_AT, OffsetDateTime.now(ZoneOffset.UTC).toString(),
        RESPONSE_REFERENCE, "Note verbale 123", RESPONSE_SUMMARY, "Rejects the concerns."));
    driver.runJobs(pi);
    assertThat(pi).isWaitingAt(TASK_ASSESS_RESPONSE);
    assertThat(cases.get(reference).responseStatus()).isEqualTo(ResponseStatus.ON_TIME);
    assertThat(cases.get(reference).responseDaysLate()).isZero();

    assess(pi, false);
    assertThat(pi).isWaitingAt(TASK_DECIDE_FOLLOW_UP);
    assertThat(assessments.of(reference)).hasSize(8).containsEntry(1, Assessment.ANSWERED)
        .containsEntry(8, Assessment.NOT_ANSWERED);
    assertThat(cases.get(reference).responseSubstantive()).isFalse();

    decideFollowUp(pi, "PERMANENT_COUNCIL_STATEMENT", "HUMAN_DIMENSION_MEETING");
    assertThat(pi).isEnded();
    assertThat(cases.get(reference).status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(followUps.of(reference)).containsExactly(FollowUpAction.PERMANENT_COUNCIL_STATEMENT,
        FollowUpAction.HUMAN_DIMENSION_MEETING);
    assertThat(events(reference)).containsSubsequence("CASE_STARTED", "DRAFT_SUBMITTED", "DRAFT_APPROVED",
        "SIGN_OFF_OPENED", "CO_SIGNING_JOINED", "SIGN_OFF_CLOSED", "LETTER_COMPOSED", "LETTER_SIGNED",
        "LETTER_DELIVERED", "PARTICIPATING_STATES_INFORMED", "RESPONSE_REGISTERED", "RESPONSE_RECEIVED",
        "RESPONSE_ASSESSED", "FOLLOW_UP_DECIDED", "CASE_CLOSED");
    assertThat(outbox.of(reference)).extracting(n -> n.event()).contains("RESPONSE_RECEIVED", "CASE_CLOSED");
  }

  private Instant timerDue(ProcessInstance pi, String activityId) {
    return engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers()
        .activityId(activityId).singleResult().getDuedate().toInstant();
  }

  @Test
  void undecidedDelegationsAreReminded24HoursBeforeTheSignOffDeadlineAndThoseThatDecidedAreNot() {
    String reference = newReference();
    ProcessInstance pi = startCase(reference);
    draft(pi, List.of("DE", "FR", "US"));
    approve(pi);
    decide(pi, "DE", true);
    driver.runJobs(pi);
    Instant due = DateTimes.parse(driver.variable(pi, SIGN_OFF_DUE_AT), SIGN_OFF_DUE_AT);
    assertThat(timerDue(pi, "Event_SignOffReminderDue")).isEqualTo(due.minus(Duration.ofHours(24)));

    ClockUtil.setCurrentTime(Date.from(due.minus(Duration.ofHours(24))));
    driver.fireTimer(pi, "Event_SignOffReminderDue");

    assertThat(pi).isWaitingAt(TASK_DECIDE_CO_SIGNING);
    var reminders = outbox.of(reference).stream().filter(n -> n.event().equals("CO_SIGNING_REMINDER")).toList();
    assertThat(reminders).extracting(NotificationOutbox.Notification::recipient)
        .containsExactlyInAnyOrder("heads-fr", "heads-us");
    for (var task : driver.tasks(pi, TASK_DECIDE_CO_SIGNING)) {
      String delegation = (String) engine.getTaskService().getVariable(task.getId(), INVITED_DELEGATION);
      assertThat(reminders).filteredOn(n -> n.recipient().equals("heads-" + delegation.toLowerCase()))
          .singleElement().satisfies(n -> {
            assertThat(n.subject()).startsWith("Reminder: decide on co-signing by " + DateTimes.shown(due));
            assertThat(n.body()).contains("Lead State:     United Kingdom", "Addressed to:   Belarus",
                "Subject:        Human rights in Belarus", "Decide by:      " + DateTimes.shown(due),
                "#/?task=" + task.getId() + "\n");
          });
    }
    assertThat(events(reference)).contains("SIGN_OFF_REMINDER_SENT");
  }

  @Test
  void aSignOffDeadlineLessThan24HoursAheadGetsNoReminder() {
    String reference = newReference();
    ProcessInstance pi = startCase(reference);
    Instant due = EngineClock.now().plus(Duration.ofHours(10)).truncatedTo(ChronoUnit.SECONDS);
    driver.complete(pi, TASK_DRAFT_LETTER, "officer-gb", officer("GB"), vars(
        LETTER, json(Fixtures.letterJson()), INVITED_DELEGATIONS, jsonList(List.of("DE")),
        SIGN_OFF_DUE_AT, due.atOffset(ZoneOffset.ofHours(1)).toString()));
    approve(pi);
    // The invitation, sent a moment ago, names the deadline: the reminder's time is the deadline's, and then too late.
    assertThat(timerDue(pi, "Event_SignOffReminderDue")).isEqualTo(due);
    ClockUtil.setCurrentTime(Date.from(due));
    driver.fireTimer(pi, "Event_SignOffReminderDue");
    assertThat(outbox.of(reference)).noneMatch(n -> n.event().equals("CO_SIGNING_REMINDER"));
    assertThat(events(reference)).doesNotContain("SIGN_OFF_REMINDER_SENT");
  }

  @Test
  void theLeadIsRemindedOnTheMorningOfTheDayTheReplyIsDue() {
    String reference = newReference();
    ProcessInstance pi = deliveredCase(reference, List.of("DE"));
    Instant due = cases.get(reference).responseDueAt();
    Instant morning = due.atZone(DateTimes.zone()).toLocalDate().atTime(8, 0).atZone(DateTimes.zone()).toInstant();
    assertThat(timerDue(pi, "Event_ResponseReminderDue")).isEqualTo(morning);
    assertThat(outbox.of(reference)).noneMatch(n -> n.event().equals("RESPONSE_REMINDER"));

    ClockUtil.setCurrentTime(Date.from(morning));
    driver.fireTimer(pi, "Event_ResponseReminderDue");

    assertThat(pi).isWaitingAt(TASK_REGISTER_RESPONSE);
    String taskId = driver.task(pi, TASK_REGISTER_RESPONSE).getId();
    assertThat(outbox.of(reference)).filteredOn(n -> n.event().equals("RESPONSE_REMINDER")).singleElement()
        .satisfies(n -> {
          assertThat(n.recipient()).isEqualTo("delegation-gb");
          assertThat(n.subject()).startsWith("Reminder: the reply is due today, " + DateTimes.shown(due));
          assertThat(n.body()).contains("the written reply of Belarus", "is due today",
              "Lead State:     United Kingdom", "Subject:        Human rights in Belarus",
              "Reply due by:   " + DateTimes.shown(due), "#/?task=" + taskId + "\n");
        });
    assertThat(events(reference)).contains("RESPONSE_REMINDER_SENT");
  }

  @Test
  void aReturnedDraftGoesBackToTheDrafterWithTheComments() {
    ProcessInstance pi = startCase(newReference());
    // The first draft is for the delegation's officers to claim.
    assertThat(driver.task(pi, TASK_DRAFT_LETTER).getAssignee()).isNull();
    draft(pi, List.of("DE"));
    assertThatThrownBy(() -> driver.complete(pi, TASK_APPROVE_DRAFT, "head-gb", head("GB"), vars(DRAFT_APPROVED, false)))
        .hasMessageContaining(REVIEW_COMMENTS);
    assertThat(pi).isWaitingAt(TASK_APPROVE_DRAFT);

    driver.complete(pi, TASK_APPROVE_DRAFT, "head-gb", head("GB"),
        vars(DRAFT_APPROVED, false, REVIEW_COMMENTS, "Add the 2020 election."));
    assertThat(pi).isWaitingAt(TASK_DRAFT_LETTER);
    assertThat(driver.variable(pi, REVIEW_COMMENTS)).isEqualTo("Add the 2020 election.");
    // Back to the officer who drafted it, not to the delegation to be claimed again.
    assertThat(driver.task(pi, TASK_DRAFT_LETTER).getAssignee()).isEqualTo("officer-gb");
    draft(pi, List.of("DE"));
    approve(pi);
    assertThat(pi).isWaitingAt(TASK_DECIDE_CO_SIGNING);
    assertThat(events(pi.getBusinessKey())).containsSubsequence("DRAFT_SUBMITTED", "DRAFT_RETURNED",
        "DRAFT_SUBMITTED", "DRAFT_APPROVED");
  }

  @Test
  void delegationsThatDeclineOrDoNotDecideBeforeTheDeadlineDoNotSign() {
    String reference = newReference();
    ProcessInstance pi = startCase(reference);
    draft(pi, List.of("DE", "FR", "US", "CA"));
    approve(pi);
    decide(pi, "DE", true);
    decide(pi, "FR", false);
    driver.runJobs(pi);
    assertThat(driver.tasks(pi, TASK_DECIDE_CO_SIGNING)).hasSize(2);

    ClockUtil.setCurrentTime(Date.from(EngineClock.now().plus(Duration.ofDays(6))));
    driver.fireTimer(pi, "Event_SignOffDeadlinePassed");
    assertThat(driver.tasks(pi, TASK_DECIDE_CO_SIGNING)).isEmpty();
    assertThat(pi).isWaitingAt(TASK_SIGN_AND_DELIVER);
    assertThat(signatories.signing(reference)).containsExactly("GB", "DE");
    assertThat(signatories.declined(reference)).containsExactly("FR");
    assertThat(signatories.of(reference)).filteredOn(s -> s.decision() == SignOffDecision.NO_DECISION)
        .extracting(Signatories.Signatory::stateCode).containsExactlyInAnyOrder("US", "CA");
    assertThat(driver.variable(pi, SIGNATORY_COUNT)).isEqualTo(2);
  }

  @Test
  void aLeadWritingAloneSignsForOneDelegationAndTheLetterBearsTheDayItWasHandedOver() {
    String reference = newReference();
    ProcessInstance pi = startCase(reference);
    driver.complete(pi, TASK_DRAFT_LETTER, "officer-gb", officer("GB"), vars(
        LETTER, json(Fixtures.letterJson()), INVITED_DELEGATIONS, jsonList(List.of())));
    approve(pi);
    String composedOn = letterDate(EngineClock.now());
    assertThat(letters.find(reference).orElseThrow().html()).contains("Vienna, " + composedOn,
        "on behalf of the following delegation: the United Kingdom.");

    // Signed two days later, for a handover the day before: the letter bears the day it was handed over.
    ClockUtil.setCurrentTime(Date.from(EngineClock.now().plus(Duration.ofDays(2))));
    Instant deliveredAt = EngineClock.now().minus(Duration.ofDays(1));
    deliverByHand(pi, deliveredAt);
    assertThat(pi).isWaitingAt(TASK_REGISTER_RESPONSE);
    assertThat(letters.find(reference).orElseThrow().html()).contains("Vienna, " + letterDate(deliveredAt))
        .doesNotContain("Vienna, " + composedOn);
    assertThat(String.valueOf(driver.variable(pi, FINAL_LETTER))).contains("Vienna, " + letterDate(deliveredAt));
  }

  @Test
  void aLetterSentByEmailIsDeliveredWhenSentAndStartsTheClock() {
    String reference = newReference();
    ProcessInstance pi = startCase(reference);
    // A lead writing alone needs no sign-off deadline: the round closes at once.
    driver.complete(pi, TASK_DRAFT_LETTER, "officer-gb", officer("GB"), vars(
        LETTER, json(Fixtures.letterJson()), INVITED_DELEGATIONS, jsonList(List.of())));
    approve(pi);
    assertThat(pi).isWaitingAt(TASK_SIGN_AND_DELIVER);
    // Signed three days after it was composed: by e-mail it is sent at once, dated that day.
    ClockUtil.setCurrentTime(Date.from(EngineClock.now().plus(Duration.ofDays(3))));
    driver.complete(pi, TASK_SIGN_AND_DELIVER, "head-gb", head("GB"), vars(DELIVERY_CHANNEL, "EMAIL"));
    driver.runJobs(pi);
    assertThat(pi).isWaitingAt(TASK_REGISTER_RESPONSE);
    assertLetterSentByEmailAndDeliveredWhenAccepted(reference);
    String signedOn = letterDate(EngineClock.now());
    assertThat(letters.find(reference).orElseThrow().html()).contains("Vienna, " + signedOn);
    assertThat(outbox.of(reference)).filteredOn(n -> n.event().equals("LETTER_DELIVERY")).singleElement()
        .satisfies(n -> assertThat(n.body()).contains("Please find attached the letter of " + signedOn));
  }

  /** "4 November 2021": the day in Vienna, as a letter is dated. */
  private static String letterDate(Instant at) {
    return java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH)
        .format(at.atZone(DateTimes.zone()));
  }

  @Test
  void aLetterTheMailServerDoesNotTakeIsTriedFiveTimesAMinuteApartThenAnIncidentNeverTakenAsDelivered() {
    String reference = newReference();
    ProcessInstance pi = startCase(reference);
    // A lead writing alone needs no sign-off deadline: the round closes at once.
    driver.complete(pi, TASK_DRAFT_LETTER, "officer-gb", officer("GB"), vars(
        LETTER, json(Fixtures.letterJson()), INVITED_DELEGATIONS, jsonList(List.of())));
    approve(pi);
    smtp.stop();
    driver.complete(pi, TASK_SIGN_AND_DELIVER, "head-gb", head("GB"), vars(DELIVERY_CHANNEL, "EMAIL"));
    var management = engine.getManagementService();
    Job send = management.createJobQuery().processInstanceId(pi.getId()).singleResult();
    // Five tries a minute apart, then an incident: the engine's failedJobRetryTimeCycle, as the model sets none.
    assertThat(send.getRetries()).isEqualTo(5);
    Instant attempt = EngineClock.now().truncatedTo(ChronoUnit.SECONDS);
    ClockUtil.setCurrentTime(Date.from(attempt));
    assertThatThrownBy(() -> driver.runJobs(pi)).isInstanceOf(MailException.class);

    // The step waits for its next attempt a minute later: nothing is delivered.
    assertThat(pi).isWaitingAt("Task_SendLetterByEmail");
    send = management.createJobQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(send.getRetries()).isEqualTo(4);
    assertThat(send.getDuedate()).isEqualTo(Date.from(attempt.plus(Duration.ofMinutes(1))));
    assertThat(send.getExceptionMessage()).isNotBlank();
    assertThat(cases.get(reference).deliveredAt()).isNull();
    assertThat(driver.variable(pi, DELIVERED_AT)).isNull();
    assertThat(outbox.of(reference)).noneMatch(n -> n.event().equals("LETTER_DELIVERY"));

    for (int retriesLeft = 3; retriesLeft >= 0; retriesLeft--) {
      attempt = send.getDuedate().toInstant();
      ClockUtil.setCurrentTime(Date.from(attempt));
      String sendId = send.getId();
      assertThatThrownBy(() -> management.executeJob(sendId)).isInstanceOf(MailException.class);
      send = management.createJobQuery().jobId(sendId).singleResult();
      assertThat(send.getRetries()).isEqualTo(retriesLeft);
      if (retriesLeft > 0) {
        assertThat(send.getDuedate()).isEqualTo(Date.from(attempt.plus(Duration.ofMinutes(1))));
      }
    }
    // Out of retries: an incident in Cockpit, and still nothing delivered.
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).singleResult())
        .satisfies(incident -> {
          assertThat(incident.getIncidentType()).isEqualTo("failedJob");
          assertThat(incident.getActivityId()).isEqualTo("Task_SendLetterByEmail");
        });
    assertThat(cases.get(reference).deliveredAt()).isNull();

    // The mail server is back and the operator retries the step, as in Cockpit.
    smtp.start();
    management.setJobRetries(send.getId(), 1);
    management.executeJob(send.getId());
    driver.runJobs(pi);
    assertThat(pi).isWaitingAt(TASK_REGISTER_RESPONSE);
    assertLetterSentByEmailAndDeliveredWhenAccepted(reference);
  }

  /** One e-mail to Belarus's mission with the PDF; deliveredAt is when the server accepted it. */
  private void assertLetterSentByEmailAndDeliveredWhenAccepted(String reference) {
    var sent = outbox.of(reference).stream().filter(n -> n.event().equals("LETTER_DELIVERY")).toList();
    assertThat(sent).singleElement().satisfies(n -> {
      assertThat(n.recipient()).isEqualTo("mission-by");
      assertThat(n.status()).isEqualTo("SENT");
      assertThat(n.body()).contains("on behalf of the following delegation: the United Kingdom.");
    });
    assertThat(cases.get(reference).deliveredAt()).isEqualTo(sent.get(0).sentAt());
    assertThat(ReceivedMail.all(smtp.getReceivedMessages())).singleElement().satisfies(mail -> {
      assertThat(mail.to()).containsExactly("mission-by@example.org");
      assertThat(mail.messageId()).isEqualTo("<vm-letter-" + reference + "@vienna-mechanism>");
      assertThat(mail.attachments()).singleElement()
          .satisfies(pdf -> assertThat(pdf.fileName()).isEqualTo("letter-" + reference + ".pdf"));
    });
  }

  @Test
  void aLateResponseAfterTheDeadlineIsAcceptedAndRecordedWithTheDaysLate() {
    String reference = newReference();
    ProcessInstance pi = deliveredCase(reference, List.of("DE"));
    Instant due = cases.get(reference).responseDueAt();

    ClockUtil.setCurrentTime(Date.from(due.plus(Duration.ofHours(1))));
    driver.fireTimer(pi, "Event_ResponseDeadlinePassed");
    assertThat(pi).isWaitingAt(TASK_REGISTER_RESPONSE);
    assertThat(cases.get(reference).deadlineMissedAt()).isNotNull();
    assertThat(outbox.of(reference)).filteredOn(n -> n.event().equals("RESPONSE_DEADLINE_PASSED"))
        .extracting(n -> n.recipient()).containsExactly("delegation-gb", "delegation-de");

    ClockUtil.setCurrentTime(Date.from(due.plus(Duration.ofDays(3))));
    driver.complete(pi, TASK_REGISTER_RESPONSE, "officer-gb", officer("GB"), vars(
        RESPONSE_RECEIVED, true, RESPONSE_RECEIVED_AT, due.plus(Duration.ofDays(3)).toString(),
        RESPONSE_REFERENCE, "No. 12/345", RESPONSE_SUMMARY, "Answers questions 1 and 2."));
    driver.runJobs(pi);
    assertThat(pi).isWaitingAt(TASK_ASSESS_RESPONSE);
    assertThat(cases.get(reference).responseStatus()).isEqualTo(ResponseStatus.LATE);
    assertThat(cases.get(reference).responseDaysLate()).isEqualTo(3);
  }

  /** "No response received", registered the day after the reply was due. */
  private void noResponseAfterTheDeadline(ProcessInstance pi, String reference) {
    ClockUtil.setCurrentTime(Date.from(cases.get(reference).responseDueAt().plus(Duration.ofDays(1))));
    driver.complete(pi, TASK_REGISTER_RESPONSE, "officer-gb", officer("GB"), vars(RESPONSE_RECEIVED, false));
    driver.runJobs(pi);
  }

  /** A reply passed to the case as the case API and Tasklist's "Register a reply" pass it. */
  private void reply(ProcessInstance pi, Instant receivedAt, String replyReference, String summary) {
    assertThat(replyMessages.pass(pi.getBusinessKey(), pi.getId(), new ResponseInput(receivedAt, replyReference,
        summary))).as("the case takes a reply").isTrue();
    driver.runJobs(pi);
  }

  /** The assessment of a reply after the wait: the first {@code answered} questions answered, the rest not. */
  private void assessFurtherReply(ProcessInstance pi, boolean substantive, int answered) {
    StringBuilder list = new StringBuilder("[");
    for (int q = 1; q <= 8; q++) {
      list.append(q > 1 ? "," : "").append("{\"question\":").append(q).append(",\"assessment\":\"")
          .append(q <= answered ? "ANSWERED" : "NOT_ANSWERED").append("\"}");
    }
    driver.complete(pi, TASK_ASSESS_FURTHER_REPLY, "officer-gb", officer("GB"), vars(
        RESPONSE_SUBSTANTIVE, substantive, QUESTION_ASSESSMENTS, json(list.append("]").toString())));
    driver.runJobs(pi);
  }

  /** "Register a reply" started from Tasklist's start form by GB's officer. */
  private ProcessInstance registerReplyInTasklist(String reference, Instant receivedAt, String replyReference,
      String summary) {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(REPLY_PROCESS_KEY).latestVersion().singleResult().getId();
    return driver.asUser("officer-gb", officer("GB"), () -> engine.getFormService().submitStartForm(definitionId,
        vars(REFERENCE, reference, RESPONSE_RECEIVED_AT, receivedAt.toString(), RESPONSE_REFERENCE, replyReference,
            RESPONSE_SUMMARY, summary)));
  }

  @Test
  void aReplyAfterTheWaitWasClosedAsNoResponseIsRecordedLateWithItsDaysLateAndAssessed() {
    String reference = newReference();
    ProcessInstance pi = deliveredCase(reference, List.of("DE"));
    Instant due = cases.get(reference).responseDueAt();
    noResponseAfterTheDeadline(pi, reference);
    assertThat(pi).isWaitingAt(TASK_DECIDE_FOLLOW_UP);
    assertThat(replyMessages.takenNow(pi.getId())).contains(MESSAGE_FURTHER_RESPONSE_RECEIVED);

    // The note verbale arrives two days after the deadline and is registered the day after.
    ClockUtil.setCurrentTime(Date.from(due.plus(Duration.ofDays(3))));
    Instant receivedAt = due.plus(Duration.ofDays(2));
    reply(pi, receivedAt, "No. 12/345", "Belarus rejects the invocation, late.");
    assertThat(pi).isWaitingAt(TASK_DECIDE_FOLLOW_UP, TASK_ASSESS_FURTHER_REPLY);
    var record = cases.get(reference);
    assertThat(record.responseStatus()).isEqualTo(ResponseStatus.LATE);
    assertThat(record.responseDaysLate()).isEqualTo(2);
    assertThat(record.responseReceivedAt()).isEqualTo(receivedAt.truncatedTo(ChronoUnit.MILLIS));
    assertThat(record.status()).as("the follow-up goes on").isEqualTo(CaseStatus.FOLLOW_UP);
    assertThat(replies.of(reference)).singleElement().satisfies(r -> {
      assertThat(r.supplementary()).isFalse();
      assertThat(r.status()).isEqualTo(ResponseStatus.LATE);
      assertThat(r.daysLate()).isEqualTo(2);
    });
    // The assessment form shows this reply.
    var task = driver.task(pi, TASK_ASSESS_FURTHER_REPLY);
    assertThat(engine.getTaskService().getVariable(task.getId(), RESPONSE_SUMMARY))
        .isEqualTo("Belarus rejects the invocation, late.");
    assertThat(String.valueOf(engine.getTaskService().getVariable(task.getId(), QUESTION_ASSESSMENTS)))
        .contains("\"question\":8");
    assertThat(outbox.of(reference)).filteredOn(n -> n.event().equals("RESPONSE_RECEIVED"))
        .extracting(n -> n.recipient()).containsExactlyInAnyOrder("delegation-gb", "delegation-de");

    assessFurtherReply(pi, true, 3);
    assertThat(pi).isWaitingAt(TASK_DECIDE_FOLLOW_UP);
    assertThat(assessments.of(reference)).hasSize(8).containsEntry(3, Assessment.ANSWERED)
        .containsEntry(4, Assessment.NOT_ANSWERED);
    assertThat(cases.get(reference).responseSubstantive()).isTrue();
    assertThat(cases.get(reference).status()).isEqualTo(CaseStatus.FOLLOW_UP);
    assertThat(timeline.of(reference)).filteredOn(e -> e.event().equals("RESPONSE_RECEIVED")).singleElement()
        .satisfies(e -> assertThat(e.detail()).isEqualTo("2 day(s) late; after the wait was closed"));

    decideFollowUp(pi);
    assertThat(pi).isEnded();
    assertThat(cases.get(reference).responseStatus()).isEqualTo(ResponseStatus.LATE);
  }

  @Test
  void aSupplementaryReplyDuringTheFollowUpIsAssessedOnItsOwnAndTheCaseClosesOnceItIs() {
    String reference = newReference();
    ProcessInstance pi = deliveredCase(reference, List.of("DE"));
    Instant first = EngineClock.now();
    reply(pi, first, "No. 1", "Belarus rejects the concerns.");
    assertThat(pi).isWaitingAt(TASK_ASSESS_RESPONSE);
    assess(pi, false);
    assertThat(pi).isWaitingAt(TASK_DECIDE_FOLLOW_UP);

    // Two days later a second note verbale answers three of the questions.
    ClockUtil.setCurrentTime(Date.from(first.plus(Duration.ofDays(2))));
    reply(pi, first.plus(Duration.ofDays(2)), "No. 2", "Belarus answers questions 1 to 3.");
    assertThat(pi).isWaitingAt(TASK_DECIDE_FOLLOW_UP, TASK_ASSESS_FURTHER_REPLY);
    assertThat(replies.of(reference)).extracting(Reply::reference, Reply::supplementary, Reply::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("No. 1", false, ResponseStatus.ON_TIME),
            org.assertj.core.groups.Tuple.tuple("No. 2", true, ResponseStatus.ON_TIME));
    // The same reply again, correlated straight to the case, is refused: it is registered once.
    assertThatThrownBy(() -> ReplyMessages.carrying(engine.getRuntimeService().createMessageCorrelation(
            MESSAGE_FURTHER_RESPONSE_RECEIVED).processInstanceBusinessKey(reference), MESSAGE_FURTHER_RESPONSE_RECEIVED,
        new ResponseInput(first.plus(Duration.ofDays(2)), "No. 2", "Belarus answers questions 1 to 3.")).correlate())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("already registered");
    assertThat(replies.of(reference)).hasSize(2);
    // The first reply stays the case's response, and its assessment stays as it was.
    assertThat(cases.get(reference).responseReference()).isEqualTo("No. 1");
    // The signatories are told it is a supplementary reply, not the response.
    assertThat(outbox.of(reference)).filteredOn(n -> n.event().equals("RESPONSE_RECEIVED"))
        .extracting(n -> n.subject()).containsOnly("Response received: " + reference + " (Belarus)",
            "Supplementary reply received: " + reference + " (Belarus)");
    assertThat(outbox.of(reference)).filteredOn(n -> n.subject().startsWith("Supplementary"))
        .extracting(n -> n.recipient()).containsExactlyInAnyOrder("delegation-gb", "delegation-de");
    assertThat(outbox.of(reference)).filteredOn(n -> n.subject().startsWith("Supplementary")).first()
        .satisfies(n -> assertThat(n.body()).startsWith("A supplementary reply, after the first, has been received"
            + " on time (case " + reference + " (Belarus))."));

    assessFurtherReply(pi, true, 3);
    assertThat(assessments.of(reference, 1)).containsEntry(1, Assessment.ANSWERED).containsEntry(3,
        Assessment.PARTLY_ANSWERED);
    assertThat(assessments.of(reference, 2)).hasSize(8).containsEntry(3, Assessment.ANSWERED)
        .containsEntry(8, Assessment.NOT_ANSWERED);
    assertThat(replies.of(reference)).extracting(Reply::substantive).containsExactly(false, true);
    assertThat(cases.get(reference).responseSubstantive()).isFalse();
    assertThat(timeline.of(reference)).filteredOn(e -> e.event().equals("RESPONSE_RECEIVED"))
        .extracting(Timeline.Entry::detail).containsExactly("on time", "on time; supplementary reply (2nd reply)");

    // A third reply, three days after the deadline, registered by an officer in Tasklist ("Register a reply")
    // while the follow-up is still being decided: late with its days late; the case closes only once it is
    // assessed too.
    Instant due = cases.get(reference).responseDueAt();
    ClockUtil.setCurrentTime(Date.from(due.plus(Duration.ofDays(4))));
    ProcessInstance registration = registerReplyInTasklist(reference, due.plus(Duration.ofDays(3)), "No. 3",
        "Belarus withdraws its answer to question 2.");
    driver.runJobs(registration);
    assertThat(registration).isEnded();
    driver.runJobs(pi);
    assertThat(pi).isWaitingAt(TASK_DECIDE_FOLLOW_UP, TASK_ASSESS_FURTHER_REPLY);
    assertThat(events(reference)).contains("REPLY_SUBMITTED");
    assertThat(replies.of(reference).get(2)).satisfies(r -> {
      assertThat(r.reference()).isEqualTo("No. 3");
      assertThat(r.status()).isEqualTo(ResponseStatus.LATE);
      assertThat(r.daysLate()).isEqualTo(3);
      assertThat(r.supplementary()).isTrue();
    });
    assertThat(cases.get(reference).responseStatus()).as("the first reply stays the case's response")
        .isEqualTo(ResponseStatus.ON_TIME);
    decideFollowUp(pi);
    assertThat(pi).isWaitingAt(TASK_ASSESS_FURTHER_REPLY);
    assertThat(cases.get(reference).status()).isNotEqualTo(CaseStatus.CLOSED);
    assessFurtherReply(pi, false, 0);
    assertThat(pi).isEnded();
    assertThat(cases.get(reference).status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(replies.of(reference)).hasSize(3);
    assertThat(assessments.of(reference, 3)).containsEntry(1, Assessment.NOT_ANSWERED);
  }

  @Test
  void aClosedCaseTakesNoReply() {
    String reference = newReference();
    ProcessInstance pi = deliveredCase(reference, List.of("DE"));
    noResponseAfterTheDeadline(pi, reference);
    decideFollowUp(pi);
    assertThat(pi).isEnded();
    assertThat(replyMessages.pass(reference, pi.getId(), new ResponseInput(EngineClock.now(), null, "Too late")))
        .isFalse();
    assertThat(replies.of(reference)).isEmpty();
  }

  @Test
  void noResponseIsRefusedBeforeTheReplyIsDueAndTheCaseGoesStraightToFollowUpAfterIt() {
    String reference = newReference();
    ProcessInstance pi = deliveredCase(reference, List.of("DE"));
    Instant due = cases.get(reference).responseDueAt();

    // The day after delivery a reply may still come on time: the officer is told until when.
    ClockUtil.setCurrentTime(Date.from(EngineClock.now().plus(Duration.ofDays(1))));
    assertThatThrownBy(() -> driver.complete(pi, TASK_REGISTER_RESPONSE, "officer-gb", officer("GB"),
        vars(RESPONSE_RECEIVED, false)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("cannot be answered 'no' before the reply is due: " + DateTimes.shown(due));
    assertThat(pi).isWaitingAt(TASK_REGISTER_RESPONSE);
    assertThat(cases.get(reference).responseStatus()).isEqualTo(ResponseStatus.PENDING);
    assertThat(events(reference)).doesNotContain("RESPONSE_WAIT_CLOSED");

    // The day after the deadline it is accepted.
    noResponseAfterTheDeadline(pi, reference);
    assertThat(pi).isWaitingAt(TASK_DECIDE_FOLLOW_UP);
    assertThat(cases.get(reference).responseStatus()).isEqualTo(ResponseStatus.NONE);
    decideFollowUp(pi);
    assertThat(pi).isEnded();
    assertThat(cases.get(reference).status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(followUps.of(reference)).isEmpty();
  }

  @Test
  void bilateralMeetingsRequestedByEachSideTwiceInOneCase() {
    String reference = newReference();
    ProcessInstance pi = deliveredCase(reference, List.of("DE"));

    // The addressee asks for a meeting while the response is awaited: the lead's delegation arranges it.
    driver.correlate(MESSAGE_BILATERAL_MEETING_REQUESTED, reference, vars(
        MEETING_REQUESTED_BY, "BY", MEETING_REQUESTED_AT, OffsetDateTime.now(ZoneOffset.UTC).toString()));
    driver.runJobs(pi);
    assertThat(driver.task(pi, TASK_ARRANGE_BILATERAL_MEETING)).hasCandidateGroup("delegation-gb");
    Instant target = meetings.of(reference).get(0).targetAt();

    // Arranged for within the week, but no outcome by its end: the target (for holding it) is missed all the same.
    driver.complete(pi, TASK_ARRANGE_BILATERAL_MEETING, "officer-gb", officer("GB"), vars(
        MEETING_SCHEDULED_FOR, target.minus(Duration.ofDays(1)).toString(),
        MEETING_PLACE, "Permanent Mission of the United Kingdom, Vienna"));
    driver.runJobs(pi);
    assertThat(events(reference)).doesNotContain("MEETING_SET_AFTER_TARGET");
    assertThat(driver.task(pi, TASK_RECORD_MEETING_OUTCOME)).hasCandidateGroup("delegation-gb");
    ClockUtil.setCurrentTime(Date.from(target.plusSeconds(60)));
    driver.fireTimer(pi, "Event_MeetingTargetPassed");
    assertThat(meetings.of(reference).get(0).targetMissedAt()).isNotNull();
    driver.complete(pi, TASK_RECORD_MEETING_OUTCOME, "officer-gb", officer("GB"),
        vars(MEETING_HELD, true, MEETING_OUTCOME, "Belarus promised a written answer."));
    driver.runJobs(pi);

    driver.complete(pi, TASK_REGISTER_RESPONSE, "officer-gb", officer("GB"), vars(
        RESPONSE_RECEIVED, true, RESPONSE_RECEIVED_AT, EngineClock.now().toString(),
        RESPONSE_SUMMARY, "A general reply."));
    driver.runJobs(pi);
    assess(pi, true);

    // The invoking side asks for a second meeting as follow-up: the follow-up waits for its outcome.
    decideFollowUp(pi, "BILATERAL_MEETING");
    assertThat(pi).isWaitingAt("Event_MeetingOutcomeReported", TASK_ARRANGE_BILATERAL_MEETING);
    Instant secondTarget = meetings.of(reference).get(1).targetAt();
    // Set for after its target: flagged as it is scheduled.
    Instant meetingAt = secondTarget.plus(Duration.ofDays(2));
    driver.complete(pi, TASK_ARRANGE_BILATERAL_MEETING, "officer-gb", officer("GB"),
        vars(MEETING_SCHEDULED_FOR, meetingAt.toString(), MEETING_PLACE, "Ministry of Foreign Affairs, Minsk"));
    driver.runJobs(pi);
    assertThat(events(reference)).contains("MEETING_SET_AFTER_TARGET");
    assertThat(meetings.of(reference).get(1).targetMissed()).isTrue();
    ClockUtil.setCurrentTime(Date.from(meetingAt.plusSeconds(60)));
    driver.complete(pi, TASK_RECORD_MEETING_OUTCOME, "officer-gb", officer("GB"),
        vars(MEETING_HELD, false, MEETING_OUTCOME, "Cancelled by Belarus."));
    driver.runJobs(pi);
    // Told of the outcome, the heads decide again, and close.
    assertThat(pi).isWaitingAt(TASK_DECIDE_FOLLOW_UP);
    decideFollowUp(pi);
    assertThat(pi).isEnded();

    assertThat(meetings.of(reference)).extracting(Meetings.Meeting::requestedBy).containsExactly("BY", "GB");
    assertThat(meetings.of(reference)).extracting(Meetings.Meeting::held).containsExactly(true, false);
    assertThat(meetings.of(reference)).extracting(Meetings.Meeting::place)
        .containsExactly("Permanent Mission of the United Kingdom, Vienna", "Ministry of Foreign Affairs, Minsk");
    assertThat(followUps.of(reference)).containsExactly(FollowUpAction.BILATERAL_MEETING);
    assertThat(outbox.of(reference)).extracting(n -> n.event()).contains("MEETING_REQUESTED", "MEETING_ASKED",
        "MEETING_TARGET_PASSED", "MEETING_ARRANGED", "MEETING_SET_AFTER_TARGET");
  }

  @Test
  void moscowMechanismNeedsTheLeadAndNineSupportersWhoNeedNotHaveSigned() {
    String small = newReference();
    ProcessInstance few = deliveredCase(small, List.of("DE", "FR"));
    noResponseAfterTheDeadline(few, small);
    // By default the other signatories support it: two are not enough. The listener's refusal itself, not the
    // engine's wrapping of it (RefusalsUnwrapped).
    assertThatThrownBy(() -> decideFollowUp(few, "MOSCOW_MECHANISM"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("moscowSupporters are needed").hasMessageContaining("the letter has 3 signatories");
    assertThat(few).isWaitingAt(TASK_DECIDE_FOLLOW_UP);
    assertThat(driver.task(few, TASK_DECIDE_FOLLOW_UP).getAssignee()).isEqualTo("head-gb");
    // Eight named supporters are refused, the addressee among them is too; nothing is recorded.
    List<String> nine = List.of("DE", "FR", "US", "CA", "SE", "NL", "PL", "IT", "ES");
    assertThatThrownBy(() -> decideFollowUp(few, List.of("MOSCOW_MECHANISM"), nine.subList(0, 8)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("moscowSupporters name 8 States");
    assertThatThrownBy(() -> decideFollowUp(few, List.of("MOSCOW_MECHANISM"), List.of("DE", "FR", "US", "CA", "SE",
        "NL", "PL", "IT", "BY"))).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
        .containsOnlyKeys("moscowSupporters[8]"));
    assertThat(followUps.of(small)).isEmpty();
    // Nine supporters, most of whom did not sign the letter: accepted and recorded.
    decideFollowUp(few, List.of("MOSCOW_MECHANISM"), nine);
    assertThat(few).isEnded();
    assertThat(followUps.of(small)).containsExactly(FollowUpAction.MOSCOW_MECHANISM);
    assertThat(followUps.moscowSupporters(small)).containsExactlyElementsOf(nine);
    assertThat(timeline.of(small)).filteredOn(e -> e.event().equals("FOLLOW_UP_DECIDED")).singleElement()
        .satisfies(e -> assertThat(e.detail()).isEqualTo("the Moscow Mechanism (supported by DE, FR, US, CA, SE, NL,"
            + " PL, IT, ES)"));

    ClockUtil.reset(); // the next case starts today
    String large = newReference();
    ProcessInstance many = deliveredCase(large, nine);
    noResponseAfterTheDeadline(many, large);
    decideFollowUp(many, "MOSCOW_MECHANISM", "PERMANENT_COUNCIL_STATEMENT");
    assertThat(many).isEnded();
    assertThat(followUps.of(large)).contains(FollowUpAction.MOSCOW_MECHANISM);
    // By default: the other signatories, in the order they sign.
    assertThat(followUps.moscowSupporters(large)).containsExactlyInAnyOrderElementsOf(nine);
  }

  @Test
  void theFormsReadAll57StateNamesFromTheCaseAndCasesStartedBeforeGetThemWhenTheApplicationStarts()
      throws Exception {
    ProcessInstance pi = startCase(newReference());
    // What Tasklist hands a task's Camunda Form: both lists, all 57, as the reference list says.
    var form = engine.getFormService().getTaskFormVariables(driver.task(pi, TASK_DRAFT_LETTER).getId());
    var mapper = new ObjectMapper();
    var options = mapper.readTree(((JsonValue) form.getValueTyped(PARTICIPATING_STATES)).getValueSerialized());
    var names = mapper.readTree(((JsonValue) form.getValueTyped(STATE_NAMES_IN_TEXT)).getValueSerialized());
    List<ParticipatingState> states = ParticipatingStates.all().list();
    assertThat(states).hasSize(57);
    assertThat(options).hasSize(57);
    assertThat(names).hasSize(57);
    for (int i = 0; i < states.size(); i++) {
      ParticipatingState state = states.get(i);
      assertThat(options.get(i).path("label").asText()).isEqualTo(state.name());
      assertThat(options.get(i).path("value").asText()).isEqualTo(state.code());
      assertThat(names.path(state.code()).asText()).isEqualTo(state.nameInText());
    }
    assertThat(names.path("GB").asText()).isEqualTo("the United Kingdom");
    // The engine sets them; no task takes them back.
    assertThatThrownBy(() -> driver.complete(pi, TASK_DRAFT_LETTER, "officer-gb", officer("GB"),
        vars(STATE_NAMES_IN_TEXT, json("{\"BY\": \"Somewhere\"}"))))
        .hasMessageContaining(STATE_NAMES_IN_TEXT).hasMessageContaining("is not taken by");

    // A case started before the forms read the names, and one holding an older wording.
    ProcessInstance older = startCase(newReference());
    engine.getRuntimeService().removeVariables(older.getId(), List.of(PARTICIPATING_STATES, STATE_NAMES_IN_TEXT));
    engine.getRuntimeService().setVariable(pi.getId(), STATE_NAMES_IN_TEXT, json("{\"TR\": \"Turkey\"}"));

    assertThat(StateNamesBackfill.backfill(engine.getRuntimeService()).updated()).isGreaterThanOrEqualTo(2);
    for (ProcessInstance instance : List.of(pi, older)) {
      StateNames.variables().forEach((name, current) -> assertThat(((JsonValue) engine.getRuntimeService()
          .getVariableTyped(instance.getId(), name, false)).getValueSerialized())
          .isEqualTo(((JsonValue) current).getValueSerialized()));
    }
    assertThat(((JsonValue) engine.getRuntimeService().getVariableTyped(pi.getId(), STATE_NAMES_IN_TEXT, false))
        .getValueSerialized()).contains("\"TR\":\"Türkiye\"");
    assertThat(StateNamesBackfill.backfill(engine.getRuntimeService())).isEqualTo(new StateNamesBackfill.Backfilled(0, 0));
  }

  @Test
  void invalidStartDataCreatesNoInstanceAndNoCase() {
    long instances = engine.getRuntimeService().createProcessInstanceQuery().count();
    assertThatThrownBy(() -> driver.start("VM-BAD-1", "GB", "GB", "Self"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("addresseeState");
    assertThatThrownBy(() -> driver.start("VM-BAD-2", Map.of(LEAD_DELEGATION, "GB", ADDRESSEE_STATE, "XX",
        SUBJECT, "x"))).hasMessageContaining("'XX' is not one of the 57 OSCE participating States");
    assertThatThrownBy(() -> driver.start("VM-BAD-3", Map.of(LEAD_DELEGATION, "GB", ADDRESSEE_STATE, "BY",
        SUBJECT, "x", INVITED_DELEGATIONS, jsonList(List.of("DE", "BY")))))
        .hasMessageContaining("invitedDelegations").hasMessageContaining("addressee");
    assertThatThrownBy(() -> driver.start("VM-BAD-4", Map.of(LEAD_DELEGATION, "GB", ADDRESSEE_STATE, "BY",
        SUBJECT, "x", LETTER, json("{\"questions\": \"not a list\"}"))))
        .hasMessageContaining("letter.questions");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(instances);
    assertThat(cases.find("VM-BAD-1")).isEmpty();
    assertThat(cases.find("VM-BAD-4")).isEmpty();
  }

  @Test
  void aCaseReferenceIsUniqueAndAnOfficerStartsOnlyHerDelegationsCases() {
    String reference = newReference();
    startCase(reference);
    assertThatThrownBy(() -> startCase(reference)).hasMessageContaining("already the reference of another case");
    assertThatThrownBy(() -> driver.asUser("officer-de", officer("DE"), () -> engine.getRuntimeService()
        .startProcessInstanceByKey(PROCESS_KEY, newReference(),
            Map.of(LEAD_DELEGATION, "GB", ADDRESSEE_STATE, "BY", SUBJECT, "x"))))
        .hasMessageContaining("not a member of that delegation");
  }

  @Test
  void aDraftInvitingTheAddresseeIsRefusedAndTheTaskStaysOpen() {
    ProcessInstance pi = startCase(newReference());
    assertThatThrownBy(() -> driver.complete(pi, TASK_DRAFT_LETTER, "officer-gb", officer("GB"), vars(
        LETTER, json(Fixtures.letterJson()), INVITED_DELEGATIONS, jsonList(List.of("BY")),
        SIGN_OFF_DUE_AT, CaseDriver.inDays(3))))
        .hasMessageContaining("invitedDelegations[0] is the addressee BY");
    assertThat(pi).isWaitingAt(TASK_DRAFT_LETTER);
  }

  @Test
  void aCaseStartedWithACompleteLetterStillWaitsForAnOfficerToCheckTheDraft() {
    String reference = newReference();
    ProcessInstance pi = driver.start(reference, Map.of(LEAD_DELEGATION, "GB", ADDRESSEE_STATE, "BY",
        SUBJECT, "Belarus", LETTER, json(Fixtures.letterJson()), INVITED_DELEGATIONS, jsonList(List.of("DE")),
        SIGN_OFF_DUE_AT, CaseDriver.inDays(4)));
    assertThat(pi).isWaitingAt(TASK_DRAFT_LETTER);
    String taskId = driver.task(pi, TASK_DRAFT_LETTER).getId();
    assertThat(engine.getTaskService().getVariable(taskId, LETTER).toString()).contains("Dapkiunas");
    // The form's editable lists hold every paragraph and question of the letter.
    assertThat(engine.getTaskService().getVariable(taskId, DRAFT_QUESTIONS).toString())
        .contains("Please respond in detail to the recommendations");
    assertThat(engine.getTaskService().getVariable(taskId, DRAFT_QUESTIONS).toString()
        .split("\\{\"text\"")).hasSize(8 + 1);
    assertThat(engine.getTaskService().getVariable(taskId, DRAFT_INTRODUCTION).toString()
        .split("\\{\"text\"")).hasSize(6 + 1);
  }

  /** A lead writing alone, its letter approved: "Sign and deliver the letter" is open. */
  private ProcessInstance readyToDeliver(String reference) {
    ProcessInstance pi = startCase(reference);
    driver.complete(pi, TASK_DRAFT_LETTER, "officer-gb", officer("GB"), vars(
        LETTER, json(Fixtures.letterJson()), INVITED_DELEGATIONS, jsonList(List.of())));
    approve(pi);
    assertThat(pi).isWaitingAt(TASK_SIGN_AND_DELIVER);
    return pi;
  }

  // ---- The coalition (late joins, withdrawn signatures) and the withdrawal of an invocation ----

  @Autowired
  Coalition coalition;
  @Autowired
  Withdrawal withdrawal;
  @Autowired
  Statistics statistics;

  /** Drafted with {@code invited}, approved, each decided as given, the round closed: the letter waits for signature. */
  private ProcessInstance letterAwaitingSignature(String reference, Map<String, Boolean> decisions) {
    ProcessInstance pi = startCase(reference);
    draft(pi, List.copyOf(decisions.keySet()));
    approve(pi);
    decisions.forEach((code, joins) -> decide(pi, code, joins));
    driver.runJobs(pi);
    assertThat(pi).isWaitingAt(TASK_SIGN_AND_DELIVER);
    return pi;
  }

  @Test
  void nothingIsMadePublicUnlessTheHeadsDecideItButTheSignatoriesAreTold() {
    String reference = newReference();
    ProcessInstance pi = readyToDeliver(reference);
    driver.complete(pi, TASK_SIGN_AND_DELIVER, "head-gb", head("GB"), vars(DELIVERY_CHANNEL, "BY_HAND",
        DELIVERED_AT, EngineClock.now().toString(), ANNOUNCEMENTS, jsonList(List.of())));
    driver.runJobs(pi);

    assertThat(pi).isWaitingAt(TASK_REGISTER_RESPONSE).hasPassed("Gateway_InformStates", "Gateway_CouncilStatement")
        .hasNotPassed("Task_InformParticipatingStates", "Task_RecordPermanentCouncilStatement");
    assertThat(outbox.of(reference)).extracting(n -> n.event()).doesNotContain("MECHANISM_INVOKED");
    assertThat(outbox.of(reference)).filteredOn(n -> n.event().equals("LETTER_DELIVERED")).singleElement()
        .satisfies(n -> {
          assertThat(n.recipient()).isEqualTo("delegation-gb");
          assertThat(n.documentId()).as("the letter attached").isNotNull();
        });
    assertThat(events(reference)).contains("LETTER_DELIVERED")
        .doesNotContain("PARTICIPATING_STATES_INFORMED", "PERMANENT_COUNCIL_STATEMENT_ANNOUNCED");
  }

  @Test
  void theStatesInformedAndAStatementAtThePermanentCouncilAreMadeBeforeTheWaitForTheReply() {
    String reference = newReference();
    ProcessInstance pi = readyToDeliver(reference);
    String handedOver = EngineClock.now().toString();
    String councilDay = LocalDate.ofInstant(EngineClock.now(), DateTimes.zone()).plusDays(3).toString();

    // The Council's date goes with its statement, and only with it: each refused, naming the field, nothing done.
    assertThatThrownBy(() -> driver.complete(pi, TASK_SIGN_AND_DELIVER, "head-gb", head("GB"), vars(
        DELIVERY_CHANNEL, "BY_HAND", DELIVERED_AT, handedOver,
        ANNOUNCEMENTS, jsonList(List.of("PERMANENT_COUNCIL_STATEMENT")))))
        .hasMessageContaining("permanentCouncilDate is required for a statement at the Permanent Council");
    assertThatThrownBy(() -> driver.complete(pi, TASK_SIGN_AND_DELIVER, "head-gb", head("GB"), vars(
        DELIVERY_CHANNEL, "BY_HAND", DELIVERED_AT, handedOver, PERMANENT_COUNCIL_DATE, councilDay,
        ANNOUNCEMENTS, jsonList(List.of("INFORM_PARTICIPATING_STATES")))))
        .hasMessageContaining("is only for a statement at the Permanent Council");
    assertThatThrownBy(() -> driver.complete(pi, TASK_SIGN_AND_DELIVER, "head-gb", head("GB"), vars(
        DELIVERY_CHANNEL, "BY_HAND", DELIVERED_AT, handedOver, ANNOUNCEMENTS, jsonList(List.of("PRESS_RELEASE")))))
        .hasMessageContaining("'PRESS_RELEASE' is not an announcement");
    assertThatThrownBy(() -> driver.complete(pi, TASK_SIGN_AND_DELIVER, "head-gb", head("GB"), vars(
        DELIVERY_CHANNEL, "BY_HAND", DELIVERED_AT, handedOver, PERMANENT_COUNCIL_DATE, "2026-02-30",
        ANNOUNCEMENTS, jsonList(List.of("PERMANENT_COUNCIL_STATEMENT")))))
        .hasMessageContaining("'2026-02-30' is not an ISO-8601 date");
    assertThat(pi).isWaitingAt(TASK_SIGN_AND_DELIVER);
    assertThat(outbox.of(reference)).isEmpty();

    driver.complete(pi, TASK_SIGN_AND_DELIVER, "head-gb", head("GB"), vars(DELIVERY_CHANNEL, "BY_HAND",
        DELIVERED_AT, handedOver, PERMANENT_COUNCIL_DATE, councilDay,
        ANNOUNCEMENTS, jsonList(List.of("INFORM_PARTICIPATING_STATES", "PERMANENT_COUNCIL_STATEMENT"))));
    driver.runJobs(pi);

    assertThat(pi).isWaitingAt(TASK_REGISTER_RESPONSE).hasPassed("Task_InformParticipatingStates",
        "Task_RecordPermanentCouncilStatement", "Gateway_AnnouncementsMade");
    assertThat(outbox.of(reference)).filteredOn(n -> n.event().equals("MECHANISM_INVOKED"))
        .as("one message per delegation, the letter kept once for all").hasSize(57)
        .extracting(n -> n.documentId()).containsOnly(outbox.of(reference).stream()
            .filter(n -> n.event().equals("MECHANISM_INVOKED")).findFirst().orElseThrow().documentId());
    assertThat(timeline.of(reference)).filteredOn(e -> e.event().equals("PERMANENT_COUNCIL_STATEMENT_ANNOUNCED"))
        .singleElement().satisfies(e -> assertThat(e.detail()).isEqualTo("at the Permanent Council meeting of "
            + DateTimes.shownDay(LocalDate.parse(councilDay))));
    assertThat(driver.variable(pi, ANNOUNCEMENTS).toString())
        .isEqualTo("[\"INFORM_PARTICIPATING_STATES\",\"PERMANENT_COUNCIL_STATEMENT\"]");
  }

  private void join(String reference, String code) {
    driver.asUser("head-" + code.toLowerCase(), head(code), () -> coalition.join(reference, code));
  }

  private void withdrawSignature(String reference, String code) {
    driver.asUser("head-" + code.toLowerCase(), head(code), () -> coalition.withdraw(reference, code));
  }

  private String letterHtml(String reference) {
    return letters.find(reference).orElseThrow().html();
  }

  @Test
  void aLateJoinAfterCompositionChangesTheLettersListAndEachComposedLetterKeepsItsOwn() {
    String reference = newReference();
    ProcessInstance pi = letterAwaitingSignature(reference, Map.of("DE", false));
    assertThat(letterHtml(reference)).contains("on behalf of the following delegation: the United Kingdom.");
    ClockUtil.setCurrentTime(Date.from(EngineClock.now().plus(Duration.ofHours(2))));

    // France, never invited, joins while the letter waits for the lead's signature: the letter is composed again.
    join(reference, "FR");
    assertThat(pi).hasPassed("Event_SignatoriesChanged");
    driver.runJobs(pi);
    assertThat(pi).isWaitingAt(TASK_SIGN_AND_DELIVER);
    assertThat(letterHtml(reference))
        .contains("on behalf of the following delegations: France and the United Kingdom.");
    assertThat(driver.variable(pi, SIGNATORIES_TEXT)).isEqualTo("France and the United Kingdom");
    assertThat(driver.variable(pi, SIGNATORY_COUNT)).isEqualTo(2);

    // Germany, which had declined, changes its mind; then France withdraws its signature again.
    join(reference, "DE");
    driver.runJobs(pi);
    withdrawSignature(reference, "FR");
    driver.runJobs(pi);
    assertThat(letterHtml(reference))
        .contains("on behalf of the following delegations: Germany and the United Kingdom.")
        .doesNotContain("France");
    assertThat(letters.compositions(reference)).extracting(c -> String.join(",", c.signatories()))
        .containsExactly("GB", "GB,FR", "GB,FR,DE", "GB,DE");
    assertThat(signOffState.of(reference)).extracting(e -> e.state() + " " + e.decision())
        .containsExactly("FR DECLINED", "DE JOINED");
    assertThat(timeline.of(reference)).filteredOn(e -> e.event().matches("CO_SIGNATORY_JOINED|CO_SIGNATURE_WITHDRAWN"))
        .extracting(e -> e.event() + " " + e.by() + " " + e.detail())
        .containsExactly("CO_SIGNATORY_JOINED head-fr FR", "CO_SIGNATORY_JOINED head-de DE",
            "CO_SIGNATURE_WITHDRAWN head-fr FR");
    assertThat(events(reference)).filteredOn("LETTER_COMPOSED"::equals).hasSize(4);

    // The letter goes out on behalf of those that sign when it is signed; after that, nobody joins.
    deliverByHand(pi, EngineClock.now());
    assertThat(pi).isWaitingAt(TASK_REGISTER_RESPONSE);
    assertThat(letters.compositions(reference)).last()
        .satisfies(c -> assertThat(c.signatories()).containsExactly("GB", "DE"));
    assertThatThrownBy(() -> join(reference, "FR"))
        .isInstanceOf(CaseStageConflict.class)
        .hasMessageContaining("its letter was signed and delivered on ");
    assertThat(signatories.signing(reference)).containsExactly("GB", "DE");
  }

  @Test
  void aDelegationStillDecidingThatJoinsOrWithdrawsAnswersItsOwnOpenTask() {
    String reference = newReference();
    ProcessInstance pi = startCase(reference);
    draft(pi, List.of("DE", "FR", "US"));
    approve(pi);

    join(reference, "DE");
    withdrawSignature(reference, "FR");
    // Their questions are answered: no task of theirs stays open; the United States still decide.
    assertThat(driver.tasks(pi, TASK_DECIDE_CO_SIGNING)).singleElement()
        .satisfies(t -> assertThat(engine.getTaskService().getVariable(t.getId(), INVITED_DELEGATION)).isEqualTo("US"));
    assertThat(signOffState.of(reference)).extracting(e -> e.state() + " " + e.decision())
        .containsExactly("FR DECLINED", "DE JOINED", "US UNDECIDED");
    assertThat(timeline.of(reference)).filteredOn(e -> e.event().startsWith("CO_SIGNING_"))
        .extracting(e -> e.event() + " " + e.by()).containsExactly("CO_SIGNING_JOINED head-de",
            "CO_SIGNING_DECLINED head-fr");
    // Sweden joins while the round is open: recorded, and named when the letter is composed.
    join(reference, "SE");
    decide(pi, "US", false);
    driver.runJobs(pi);
    assertThat(pi).isWaitingAt(TASK_SIGN_AND_DELIVER);
    assertThat(letterHtml(reference))
        .contains("on behalf of the following delegations: Germany, Sweden, and the United Kingdom.");
  }

  @Test
  void theAddresseeAndTheLeadNeverChangeTheListAndNothingChangesBeforeTheRoundOpens() {
    String reference = newReference();
    ProcessInstance pi = startCase(reference);
    assertThatThrownBy(() -> join(reference, "FR"))
        .isInstanceOf(CaseStageConflict.class)
        .hasMessageContaining("the sign-off round opens once it is");
    draft(pi, List.of("DE"));
    approve(pi);
    assertThatThrownBy(() -> join(reference, "BY")).isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).containsEntry(
            "state", "is Belarus, the State the letter is addressed to: it never co-signs it"));
    assertThatThrownBy(() -> withdrawSignature(reference, "GB")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("the lead delegation, which always signs its letter: to take the letter back,"
            + " withdraw the invocation");
    // Asking for what already holds changes nothing.
    decide(pi, "DE", true);
    join(reference, "DE");
    assertThat(events(reference)).doesNotContain("CO_SIGNATORY_JOINED");
    assertThat(signatories.signing(reference)).containsExactly("GB", "DE");
  }

  /** Everything of the case has ended: no task, job, timer or event subscription is left, and nothing waits. */
  private void assertNothingLeft(ProcessInstance pi, String reference) {
    assertThat(pi).isEnded();
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(pi.getId()).count())
        .isZero();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference).count())
        .as("no process of the case, a meeting request neither").isZero();
    assertThat(cases.get(reference).status()).isEqualTo(CaseStatus.WITHDRAWN);
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId("Task_NotifyWithdrawal").finished().count()).isOne();
  }

  private void withdraw(String reference, String reason) {
    driver.asUser("head-gb", head("GB"), () -> {
      withdrawal.withdraw(reference, reason, "head-gb");
      return null;
    });
  }

  @Test
  void aCaseWithdrawnDuringSignOffEndsItsTasksAndTimersAndTellsEveryDelegationConcerned() {
    String reference = newReference();
    ProcessInstance pi = startCase(reference);
    draft(pi, List.of("DE", "FR", "US"));
    approve(pi);
    decide(pi, "DE", true);
    decide(pi, "US", false);
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().count())
        .as("the sign-off deadline and the reminder").isEqualTo(2);

    withdraw(reference, "The persons concerned were released.");
    // Recorded at once, in the transaction that ended the tasks; the delegations are told by the next step.
    assertThat(cases.get(reference).status()).isEqualTo(CaseStatus.WITHDRAWN);
    assertThat(driver.tasks(pi, TASK_DECIDE_CO_SIGNING)).isEmpty();
    driver.runJobs(pi);
    assertNothingLeft(pi, reference);
    assertThat(pi).hasPassedInOrder("StartEvent_InvocationWithdrawn", "Task_NotifyWithdrawal",
        "EndEvent_InvocationWithdrawn");
    assertThat(timeline.of(reference)).last().satisfies(e -> {
      assertThat(e.event()).isEqualTo("INVOCATION_WITHDRAWN");
      assertThat(e.by()).isEqualTo("head-gb");
      assertThat(e.detail()).isEqualTo("The persons concerned were released.");
    });
    // The lead, Germany (signs) and France (still deciding) are told; the United States declined.
    assertThat(outbox.of(reference)).filteredOn(n -> n.event().equals("INVOCATION_WITHDRAWN"))
        .extracting(n -> n.recipient()).containsExactlyInAnyOrder("delegation-gb", "delegation-de", "delegation-fr");
    assertThat(outbox.of(reference)).filteredOn(n -> n.event().equals("INVOCATION_WITHDRAWN")).first()
        .satisfies(n -> assertThat(n.body()).contains("The United Kingdom has withdrawn its invocation",
            "Reason given: The persons concerned were released."));

    assertThatThrownBy(() -> withdraw(reference, "Again"))
        .isInstanceOf(CaseStageConflict.class).hasMessageContaining("was already withdrawn");
    assertThatThrownBy(() -> join(reference, "FR"))
        .isInstanceOf(CaseStageConflict.class).hasMessageContaining("it was withdrawn");
  }

  @Test
  void aCaseWithdrawnWhileTheReplyIsAwaitedEndsItsDeadlinesAndMeetings() {
    String reference = newReference();
    ProcessInstance pi = deliveredCase(reference, List.of("DE"));
    // The addressee asked for a meeting (its one-week target runs). A head's request still on its way to a
    // withdrawn case ends too: RequestBilateralMeetingProcessTest, which measures that model.
    driver.correlate(MESSAGE_BILATERAL_MEETING_REQUESTED, reference, vars(
        MEETING_REQUESTED_BY, "BY", MEETING_REQUESTED_AT, OffsetDateTime.now(ZoneOffset.UTC).toString()));
    driver.runJobs(pi);
    assertThat(pi).isWaitingAt(TASK_REGISTER_RESPONSE, TASK_ARRANGE_BILATERAL_MEETING);
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().count())
        .as("the reply deadline, its reminder, the meeting target").isEqualTo(3);

    ClockUtil.setCurrentTime(Date.from(EngineClock.now().plus(Duration.ofDays(2))));
    withdraw(reference, "A dialogue has begun.");
    driver.runJobs(pi);
    assertNothingLeft(pi, reference);
    assertThat(outbox.of(reference)).filteredOn(n -> n.event().equals("INVOCATION_WITHDRAWN"))
        .extracting(n -> n.recipient()).containsExactlyInAnyOrder("delegation-gb", "delegation-de");
    // The reply deadline passing later changes nothing: nothing waits for it any more.
    assertThat(cases.get(reference).deadlineMissedAt()).isNull();
  }

  @Test
  void anUnansweredInvocationWithdrawnIsNoLongerCountedAsUnansweredInTheRegistry() {
    String reference = newReference();
    ProcessInstance pi = deliveredCase(reference, List.of("DE"));
    Instant afterTheDeadline = cases.get(reference).responseDueAt().plus(Duration.ofDays(2));
    ClockUtil.setCurrentTime(Date.from(afterTheDeadline));
    driver.fireTimer(pi, "Event_ResponseDeadlinePassed");
    String before = registryOfBelarus(afterTheDeadline);

    withdraw(reference, "The persons concerned were released.");
    driver.runJobs(pi);
    String after = registryOfBelarus(afterTheDeadline);
    // One invocation and one "no reply" fewer: it was withdrawn, not left unanswered.
    assertThat(after).isEqualTo(minusOneUnanswered(before));
  }

  /** Belarus's invocations and replies with none (all years): "invocations/noReply". */
  private String registryOfBelarus(Instant now) {
    var rows = statistics.rows(Optional.empty(), Optional.of("BY"), Optional.empty(), now);
    return rows.stream().mapToInt(Statistics.Row::invocations).sum() + "/"
        + rows.stream().mapToInt(Statistics.Row::noReply).sum();
  }

  private static String minusOneUnanswered(String registry) {
    String[] counts = registry.split("/");
    return (Integer.parseInt(counts[0]) - 1) + "/" + (Integer.parseInt(counts[1]) - 1);
  }

  @Test
  void aCaseWithdrawnAtFollowUpEndsTheDecisionAndAClosedCaseCannotBeWithdrawn() {
    String reference = newReference();
    ProcessInstance pi = deliveredCase(reference, List.of("DE"));
    noResponseAfterTheDeadline(pi, reference);
    assertThat(pi).isWaitingAt(TASK_DECIDE_FOLLOW_UP);
    withdraw(reference, "Overtaken by the Moscow Mechanism invoked by others.");
    driver.runJobs(pi);
    assertNothingLeft(pi, reference);
    assertThat(followUps.of(reference)).isEmpty();

    ClockUtil.reset();
    String closed = newReference();
    ProcessInstance other = deliveredCase(closed, List.of("DE"));
    noResponseAfterTheDeadline(other, closed);
    decideFollowUp(other);
    assertThat(other).isEnded();
    assertThatThrownBy(() -> withdraw(closed, "Too late"))
        .isInstanceOf(CaseStageConflict.class)
        .hasMessageContaining("is closed: a closed case cannot be withdrawn");
    assertThat(cases.get(closed).status()).isEqualTo(CaseStatus.CLOSED);
  }

  @Test
  void whatWasNotMadePublicAtDeliveryCanBeAtFollowUp() {
    String reference = newReference();
    ProcessInstance pi = readyToDeliver(reference);
    driver.complete(pi, TASK_SIGN_AND_DELIVER, "head-gb", head("GB"), vars(DELIVERY_CHANNEL, "BY_HAND",
        DELIVERED_AT, EngineClock.now().toString(), ANNOUNCEMENTS, jsonList(List.of())));
    driver.runJobs(pi);
    driver.correlate(MESSAGE_RESPONSE_RECEIVED, reference, vars(RESPONSE_RECEIVED_AT, EngineClock.now().toString(),
        RESPONSE_REFERENCE, "Note verbale 7", RESPONSE_SUMMARY, "Rejects the concerns."));
    driver.runJobs(pi);
    assess(pi, false);
    assertThat(pi).isWaitingAt(TASK_DECIDE_FOLLOW_UP);
    // The form starts with nothing announced, whatever was decided at delivery.
    assertThat(engine.getTaskService().getVariable(driver.task(pi, TASK_DECIDE_FOLLOW_UP).getId(), ANNOUNCEMENTS)
        .toString()).isEqualTo("[]");
    assertThat(outbox.of(reference)).extracting(n -> n.event()).doesNotContain("MECHANISM_INVOKED");

    String councilDay = LocalDate.ofInstant(EngineClock.now(), DateTimes.zone()).plusDays(2).toString();
    assertThatThrownBy(() -> driver.complete(pi, TASK_DECIDE_FOLLOW_UP, "head-gb", head("GB"), vars(
        FOLLOW_UP_ACTIONS, jsonList(List.of()), ANNOUNCEMENTS, jsonList(List.of("PERMANENT_COUNCIL_STATEMENT")))))
        .hasMessageContaining("permanentCouncilDate is required for a statement at the Permanent Council");
    driver.complete(pi, TASK_DECIDE_FOLLOW_UP, "head-gb", head("GB"), vars(FOLLOW_UP_ACTIONS, jsonList(List.of()),
        ANNOUNCEMENTS, jsonList(List.of("INFORM_PARTICIPATING_STATES", "PERMANENT_COUNCIL_STATEMENT")),
        PERMANENT_COUNCIL_DATE, councilDay, PERMANENT_COUNCIL_DOCUMENT, "PC.DEL/1034/21"));
    driver.runJobs(pi);

    assertThat(pi).isEnded().hasPassed("Task_InformStatesAtFollowUp", "Task_RecordCouncilStatementAtFollowUp",
        "Gateway_FollowUpAnnouncementsMade", "EndEvent_CaseClosed");
    assertThat(outbox.of(reference)).filteredOn(n -> n.event().equals("MECHANISM_INVOKED")).hasSize(57)
        .allSatisfy(n -> assertThat(n.documentId()).isNotNull());
    assertThat(events(reference)).containsSubsequence("FOLLOW_UP_DECIDED", "PERMANENT_COUNCIL_STATEMENT_ANNOUNCED")
        .contains("PARTICIPATING_STATES_INFORMED", "CASE_CLOSED");
    // A statement's number, known once the Council has given it, goes on the timeline as it was written.
    assertThat(timeline.of(reference)).filteredOn(e -> e.event().equals("PERMANENT_COUNCIL_DOCUMENT_RECORDED"))
        .singleElement().satisfies(e -> assertThat(e.detail()).isEqualTo("PC.DEL/1034/21"));
  }
}
