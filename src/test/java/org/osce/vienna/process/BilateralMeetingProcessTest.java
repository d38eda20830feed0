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

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osce.vienna.casefile.InvalidInputException;
import org.osce.vienna.casefile.Timeline;
import org.osce.vienna.engine.EngineClock;
import org.osce.vienna.meeting.Meetings;
import org.osce.vienna.notification.NotificationDispatcher;
import org.osce.vienna.support.CaseDriver;
import org.osce.vienna.support.Fixtures;
import org.osce.vienna.support.ProcessTest;
import org.osce.vienna.support.ReceivedMail;
import org.osce.vienna.support.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Bilateral meetings as the texts have them (Moscow Document para 2: held "as a rule within one week" of the
 * request), driven on the engine's clock: the target is for holding the meeting, a meeting set after it is
 * flagged as it is scheduled, its outcome waits for its time, its tasks are the invoking-side State's, and a
 * meeting chosen as follow-up asks the addressee and holds the follow-up until its outcome. Every path of the
 * model is ViennaMechanismProcessTest's to cover; this class measures none.
 */
@ProcessTest(notMeasured = {PROCESS_KEY, MEETING_REQUEST_PROCESS_KEY})
class BilateralMeetingProcessTest {

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  /** Delivered on 1 March 2027 at 10:00 in Vienna; a meeting asked for then has its target at the end of 8 March. */
  static final Instant DAY_0 = Instant.parse("2027-03-01T09:00:00Z");

  @Autowired
  ProcessEngine engine;
  @Autowired
  Meetings meetings;
  @Autowired
  Timeline timeline;
  @Autowired
  NotificationDispatcher dispatcher;

  CaseDriver driver;
  static int caseNumber;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    driver = new CaseDriver(engine);
    ClockUtil.setCurrentTime(Date.from(DAY_0));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static Instant day(int n) {
    return DAY_0.plus(Duration.ofDays(n));
  }

  static void clockAt(Instant at) {
    ClockUtil.setCurrentTime(Date.from(at));
  }

  /** A GB case to Belarus, DE joined, delivered by hand on day 0: it takes meeting requests. */
  private ProcessInstance deliveredCase(String reference) {
    ProcessInstance pi = driver.start(reference, "GB", "BY", "Human rights in Belarus");
    driver.complete(pi, TASK_DRAFT_LETTER, "officer-gb", officer("GB"), vars(
        LETTER, json(Fixtures.letterJson()), INVITED_DELEGATIONS, jsonList(List.of("DE")),
        SIGN_OFF_DUE_AT, day(1).atOffset(ZoneOffset.ofHours(1)).toString()));
    driver.complete(pi, TASK_APPROVE_DRAFT, "head-gb", head("GB"), vars(DRAFT_APPROVED, true));
    driver.runJobs(pi);
    driver.complete(pi, TASK_DECIDE_CO_SIGNING, "head-de", head("DE"), vars(CO_SIGNS, true));
    driver.runJobs(pi);
    driver.complete(pi, TASK_SIGN_AND_DELIVER, "head-gb", head("GB"), vars(DELIVERY_CHANNEL, "BY_HAND",
        DELIVERED_AT, DAY_0.atOffset(ZoneOffset.ofHours(1)).toString()));
    driver.runJobs(pi);
    assertThat(pi).isWaitingAt(TASK_REGISTER_RESPONSE);
    return pi;
  }

  private String newReference() {
    return "VM-MEETINGS-" + (++caseNumber);
  }

  private void requestedBy(String reference, String state) {
    driver.correlate(MESSAGE_BILATERAL_MEETING_REQUESTED, reference, vars(MEETING_REQUESTED_BY, state,
        MEETING_REQUESTED_AT, EngineClock.now().toString()));
  }

  private List<String> events(String reference) {
    return timeline.of(reference).stream().map(Timeline.Entry::event).toList();
  }

  private void arrange(ProcessInstance pi, String delegation, Instant at, String place) {
    driver.complete(pi, TASK_ARRANGE_BILATERAL_MEETING, "officer-" + delegation.toLowerCase(), officer(delegation),
        vars(MEETING_SCHEDULED_FOR, at.atOffset(ZoneOffset.ofHours(1)).toString(), MEETING_PLACE, place));
    driver.runJobs(pi);
  }

  private void recordOutcome(ProcessInstance pi, String delegation, boolean held, String outcome) {
    driver.complete(pi, TASK_RECORD_MEETING_OUTCOME, "officer-" + delegation.toLowerCase(), officer(delegation),
        vars(MEETING_HELD, held, MEETING_OUTCOME, outcome));
    driver.runJobs(pi);
  }

  @Test
  void aMeetingSetForDayNineIsFlaggedAtOnceAndItsOutcomeWaitsForItsTime() {
    String reference = newReference();
    ProcessInstance pi = deliveredCase(reference);
    requestedBy(reference, "BY");
    driver.runJobs(pi);
    Instant target = meetings.of(reference).get(0).targetAt();
    assertThat(target).isEqualTo(Instant.parse("2027-03-08T22:59:59.999Z"));

    clockAt(day(2));
    arrange(pi, "GB", day(9), "Permanent Mission of Belarus, Vienna");
    // Flagged as it is scheduled, on day 2, not when the week is over.
    assertThat(timeline.of(reference)).filteredOn(e -> e.event().equals("MEETING_SET_AFTER_TARGET")).singleElement()
        .satisfies(e -> {
          assertThat(e.at()).isEqualTo(day(2));
          assertThat(e.detail()).isEqualTo("set for 10 March 2027, 10:00 Vienna time (CET), after the target"
              + " 8 March 2027, 23:59 Vienna time (CET)");
        });
    assertThat(meetings.of(reference).get(0)).satisfies(m -> {
      assertThat(m.targetMissed()).isTrue();
      assertThat(m.place()).isEqualTo("Permanent Mission of Belarus, Vienna");
      assertThat(m.scheduledFor()).isEqualTo(day(9));
    });
    assertThat(timeline.of(reference)).filteredOn(e -> e.event().equals("MEETING_ARRANGED")).singleElement()
        .satisfies(e -> assertThat(e.detail()).isEqualTo("for 10 March 2027, 10:00 Vienna time (CET), at Permanent"
            + " Mission of Belarus, Vienna"));

    // On day 8 the meeting is still ahead: its outcome is refused with the reason, and the task stays open.
    clockAt(day(8));
    assertThatThrownBy(() -> recordOutcome(pi, "GB", true, "Belarus agreed to answer."))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsExactly(
            Map.entry(MEETING_HELD, "cannot be said before the meeting's time, 10 March 2027, 10:00 Vienna"
                + " time (CET): record the outcome once the meeting has taken place")));
    assertThat(pi).isWaitingAt(TASK_RECORD_MEETING_OUTCOME, TASK_REGISTER_RESPONSE);
    assertThat(meetings.of(reference).get(0).held()).isNull();

    // The target passes: missed, and recorded, but the signatories were told already (no second notice).
    clockAt(target.plusSeconds(1));
    driver.fireTimer(pi, "Event_MeetingTargetPassed");
    assertThat(events(reference)).contains("MEETING_TARGET_PASSED");

    // After the meeting's time the outcome is taken.
    clockAt(day(9).plus(Duration.ofHours(2)));
    recordOutcome(pi, "GB", true, "Belarus agreed to answer.");
    assertThat(meetings.of(reference).get(0).held()).isTrue();
    assertThat(events(reference)).contains("MEETING_HELD", "MEETING_RECORDED");
    assertThat(pi).isWaitingAt(TASK_REGISTER_RESPONSE);
  }

  @Test
  void theTargetIsMissedWhenNoOutcomeIsRecordedByDaySevenEvenIfArrangedInTime() {
    String reference = newReference();
    ProcessInstance pi = deliveredCase(reference);
    requestedBy(reference, "BY");
    driver.runJobs(pi);
    clockAt(day(1));
    arrange(pi, "GB", day(5), "Ministry of Foreign Affairs, Minsk");
    assertThat(events(reference)).doesNotContain("MEETING_SET_AFTER_TARGET");
    assertThat(meetings.of(reference).get(0).targetMissed()).isFalse();

    // Held on day 5, but nobody records it: on day 7's end the target is missed.
    clockAt(meetings.of(reference).get(0).targetAt().plusSeconds(1));
    driver.fireTimer(pi, "Event_MeetingTargetPassed");
    assertThat(meetings.of(reference).get(0).targetMissed()).isTrue();
    assertThat(timeline.of(reference)).filteredOn(e -> e.event().equals("MEETING_TARGET_PASSED")).singleElement()
        .satisfies(e -> assertThat(e.detail()).isEqualTo("target 8 March 2027, 23:59 Vienna time (CET)"));
    // Recorded late, it is still taken.
    recordOutcome(pi, "GB", true, "Held on day 5.");
    assertThat(meetings.of(reference).get(0).held()).isTrue();
  }

  @Test
  void aSignatorysMeetingIsArrangedAndRecordedByItsOwnDelegation() {
    String reference = newReference();
    ProcessInstance pi = deliveredCase(reference);
    requestedBy(reference, "DE");
    driver.runJobs(pi);

    assertThat(driver.task(pi, TASK_ARRANGE_BILATERAL_MEETING)).hasCandidateGroup("delegation-de");
    // The lead's officer is not the one to arrange Germany's meeting with Belarus.
    assertThatThrownBy(() -> arrange(pi, "GB", day(3), "Vienna")).isInstanceOf(AuthorizationException.class);
    arrange(pi, "DE", day(3), "Permanent Mission of Germany, Vienna");
    assertThat(driver.task(pi, TASK_RECORD_MEETING_OUTCOME)).hasCandidateGroup("delegation-de");
    clockAt(day(4));
    recordOutcome(pi, "DE", false, "Belarus did not come.");
    assertThat(meetings.of(reference).get(0)).satisfies(m -> {
      assertThat(m.requestedBy()).isEqualTo("DE");
      assertThat(m.held()).isFalse();
    });
  }

  /** No reply by the deadline (day 12); the lead's heads choose a bilateral meeting as the follow-up. */
  private void noReplyAndAMeetingAsFollowUp(ProcessInstance pi) {
    clockAt(day(12));
    driver.complete(pi, TASK_REGISTER_RESPONSE, "officer-gb", officer("GB"), vars(RESPONSE_RECEIVED, false));
    driver.runJobs(pi);
    driver.complete(pi, TASK_DECIDE_FOLLOW_UP, "head-gb", head("GB"),
        vars(FOLLOW_UP_ACTIONS, jsonList(List.of("BILATERAL_MEETING"))));
    driver.runJobs(pi);
  }

  @Test
  void aMeetingChosenAsFollowUpAsksTheAddresseeAndTheFollowUpWaitsForItsOutcome() {
    String reference = newReference();
    ProcessInstance pi = deliveredCase(reference);
    noReplyAndAMeetingAsFollowUp(pi);

    // The follow-up waits for the meeting, which the lead's delegation arranges.
    assertThat(pi).isWaitingAt("Event_MeetingOutcomeReported", TASK_ARRANGE_BILATERAL_MEETING);
    assertThat(driver.task(pi, TASK_ARRANGE_BILATERAL_MEETING)).hasCandidateGroup("delegation-gb");
    assertThat(meetings.of(reference)).singleElement().satisfies(m -> assertThat(m.requestedBy()).isEqualTo("GB"));
    assertThat(timeline.of(reference)).filteredOn(e -> e.event().equals("MEETING_REQUESTED")).singleElement()
        .satisfies(e -> assertThat(e.detail()).isEqualTo("by GB; target 20 March 2027, 23:59 Vienna time (CET);"
            + " BY is asked for it"));

    // Belarus's delegation is asked for it, by mail.
    dispatcher.dispatchDue();
    List<ReceivedMail> asked = ReceivedMail.all(smtp.findReceivedMessages(
        user -> user.getEmail().equals("delegation-by@example.org"), m -> true).toArray(MimeMessage[]::new))
        .stream().filter(mail -> mail.subject().startsWith("Request for a bilateral meeting")
            && mail.subject().contains(reference)).toList();
    assertThat(asked).singleElement().satisfies(mail -> assertThat(mail.text())
        .startsWith("The United Kingdom asks Belarus for a bilateral meeting")
        .contains("by 20 March 2027, 23:59 Vienna time (CET)"));

    arrange(pi, "GB", day(14), "Permanent Mission of the United Kingdom, Vienna");
    assertThat(pi).isWaitingAt("Event_MeetingOutcomeReported", TASK_RECORD_MEETING_OUTCOME);
    clockAt(day(15));
    recordOutcome(pi, "GB", true, "Belarus promised to answer in writing.");

    // Knowing the outcome (their form shows it), the heads decide again: the statement at the Permanent Council.
    assertThat(pi).isWaitingAt(TASK_DECIDE_FOLLOW_UP);
    var form = engine.getFormService().getTaskFormVariables(driver.task(pi, TASK_DECIDE_FOLLOW_UP).getId());
    assertThat(((JsonValue) form.getValueTyped(FOLLOW_UP_MEETING)).getValueSerialized()).contains("\"held\":true",
        "Belarus promised to answer in writing.", "Permanent Mission of the United Kingdom, Vienna",
        "15 March 2027, 10:00 Vienna time (CET)");
    driver.complete(pi, TASK_DECIDE_FOLLOW_UP, "head-gb", head("GB"),
        vars(FOLLOW_UP_ACTIONS, jsonList(List.of("PERMANENT_COUNCIL_STATEMENT"))));
    driver.runJobs(pi);
    assertThat(pi).isEnded();
    assertThat(events(reference)).containsSubsequence("FOLLOW_UP_DECIDED", "MEETING_REQUESTED", "MEETING_ARRANGED",
        "MEETING_HELD", "MEETING_RECORDED", "FOLLOW_UP_DECIDED", "CASE_CLOSED");
  }

  @Test
  void aMeetingAskedForByTheAddresseeDoesNotHoldTheFollowUp() {
    String reference = newReference();
    ProcessInstance pi = deliveredCase(reference);
    noReplyAndAMeetingAsFollowUp(pi);
    // Belarus asks for a meeting of its own meanwhile; its outcome does not end the follow-up's wait.
    requestedBy(reference, "BY");
    driver.runJobs(pi);
    assertThat(driver.tasks(pi, TASK_ARRANGE_BILATERAL_MEETING)).hasSize(2);
    var belarus = driver.tasks(pi, TASK_ARRANGE_BILATERAL_MEETING).stream()
        .filter(t -> "BY".equals(engine.getTaskService().getVariable(t.getId(), MEETING_REQUESTED_BY)))
        .findFirst().orElseThrow();
    driver.complete(belarus, "officer-gb", officer("GB"), vars(MEETING_SCHEDULED_FOR,
        day(13).atOffset(ZoneOffset.ofHours(1)).toString(), MEETING_PLACE, "Minsk"));
    driver.runJobs(pi);
    clockAt(day(14));
    var outcome = driver.task(pi, TASK_RECORD_MEETING_OUTCOME);
    driver.complete(outcome, "officer-gb", officer("GB"), vars(MEETING_HELD, true, MEETING_OUTCOME, "Heard Belarus."));
    driver.runJobs(pi);
    assertThat(pi).isWaitingAt("Event_MeetingOutcomeReported", TASK_ARRANGE_BILATERAL_MEETING);
    assertThat(driver.tasks(pi, TASK_DECIDE_FOLLOW_UP)).isEmpty();
  }
}
