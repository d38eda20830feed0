package org.osce.vienna.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osce.vienna.casefile.InvalidInputException;
import org.osce.vienna.engine.InputValues;

/** The meeting phase's input contracts, without an engine: the request, the schedule, the outcome. */
class MeetingInputsTest {

  static final Instant DELIVERED = Instant.parse("2021-11-04T10:00:00Z");
  static final Instant NOW = Instant.parse("2021-11-20T10:00:00Z");

  static Map<String, Object> values(Object... pairs) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      values.put((String) pairs[i], pairs[i + 1]);
    }
    return values;
  }

  static Map<String, String> refusal(Runnable reading, String title) {
    try {
      reading.run();
    } catch (InvalidInputException e) {
      assertThat(e.getMessage()).startsWith(title + ": ");
      return e.fieldErrors();
    }
    throw new AssertionError("accepted");
  }

  static Map<String, String> requestRefusal(Map<String, Object> values) {
    return refusal(() -> MeetingRequestInput.read(InputValues.of(values), DELIVERED, NOW),
        "The bilateral meeting request cannot be accepted");
  }

  @Test
  void aRequestNamesTheStateByCodeOrNameAndIsNowWhenNotDated() {
    assertThat(MeetingRequestInput.read(InputValues.of(values("meetingRequestedBy", "Belarus")), DELIVERED, NOW))
        .isEqualTo(new MeetingRequestInput("BY", NOW));
    assertThat(MeetingRequestInput.read(InputValues.of(values("meetingRequestedBy", "by",
        "meetingRequestedAt", "2021-11-15T11:00:00+01:00")), DELIVERED, NOW))
        .isEqualTo(new MeetingRequestInput("BY", Instant.parse("2021-11-15T10:00:00Z")));
  }

  @Test
  void aRequestNamesEveryProblemAtOnce() {
    assertThat(requestRefusal(values("meetingRequestedAt", "2021-11-20T10:06:00Z"))).containsExactly(
        Map.entry("meetingRequestedBy", "is required (the code of the State that asks)"),
        Map.entry("meetingRequestedAt", "cannot be in the future: 20 November 2021, 11:06 Vienna time (CET) is later than now"));
    assertThat(requestRefusal(values("meetingRequestedBy", "XX", "meetingRequestedAt", "2021-11-04T09:59:00Z")))
        .containsExactly(
            Map.entry("meetingRequestedBy", "'XX' is not one of the 57 OSCE participating States (a code such as GB)"),
            Map.entry("meetingRequestedAt", "cannot be before the letter was delivered, on 4 November 2021, 11:00 Vienna time (CET)"));
  }

  @Test
  void aRequestDateMustBeOne() {
    assertThat(requestRefusal(values("meetingRequestedBy", "BY", "meetingRequestedAt", "next Tuesday"))
        .get("meetingRequestedAt")).contains("is not an ISO-8601 date-time");
  }

  @Test
  void aRequestBeforeTheDeliveryIsKnownIsJudgedLater() {
    assertThat(MeetingRequestInput.read(InputValues.of(values("meetingRequestedBy", "BY",
        "meetingRequestedAt", "2021-11-01T10:00:00Z")), null, NOW).requestedAt())
        .isEqualTo(Instant.parse("2021-11-01T10:00:00Z"));
  }

  @Test
  void aScheduleNeedsItsDateTimeAndPlace() {
    assertThat(MeetingSchedule.read(InputValues.of(values("meetingScheduledFor", "2021-11-25T15:00:00+01:00",
        "meetingPlace", " Permanent Mission of the United Kingdom, Vienna "))))
        .isEqualTo(new MeetingSchedule(Instant.parse("2021-11-25T14:00:00Z"),
            "Permanent Mission of the United Kingdom, Vienna"));
    assertThat(refusal(() -> MeetingSchedule.read(InputValues.of(values())), "The meeting cannot be arranged"))
        .containsExactly(Map.entry("meetingScheduledFor", "is required: when will the meeting take place?"),
            Map.entry("meetingPlace", "is required: where will the meeting take place?"));
    assertThat(refusal(() -> MeetingSchedule.read(InputValues.of(values("meetingScheduledFor", "next Tuesday",
        "meetingPlace", "  "))), "The meeting cannot be arranged"))
        .satisfies(errors -> {
          assertThat(errors.get("meetingScheduledFor")).contains("is not an ISO-8601 date-time");
          assertThat(errors.get("meetingPlace")).isEqualTo("is required: where will the meeting take place?");
        });
    assertThat(refusal(() -> MeetingSchedule.read(InputValues.of(values("meetingScheduledFor", "2021-11-25T15:00:00Z",
        "meetingPlace", "x".repeat(MeetingSchedule.MAX_PLACE + 1)))), "The meeting cannot be arranged"))
        .containsExactly(Map.entry("meetingPlace", "is longer than 500 characters"));
  }

  /** The meeting of {@link #anOutcomeIsRecordedOnlyOnceTheMeetingsTimeHasCome}: 25 November 2021, 15:00 in Vienna. */
  static final Instant MEETING_AT = Instant.parse("2021-11-25T14:00:00Z");

  static MeetingOutcome outcome(Map<String, Object> values) {
    return MeetingOutcome.read(InputValues.of(values), MEETING_AT, MEETING_AT.plusSeconds(3600));
  }

  @Test
  void anOutcomeSaysWhetherTheMeetingWasHeldAndWhatCameOfIt() {
    assertThat(outcome(values("meetingHeld", true, "meetingOutcome", " Agreed to reply. ")))
        .isEqualTo(new MeetingOutcome(true, "Agreed to reply."));
    assertThat(refusal(() -> outcome(values("meetingHeld", "perhaps",
        "meetingOutcome", "x".repeat(MeetingOutcome.MAX_OUTCOME + 1))), "The meeting outcome cannot be recorded"))
        .containsExactly(Map.entry("meetingHeld", "must be true or false"),
            Map.entry("meetingOutcome", "is longer than 100000 characters"));
    assertThat(refusal(() -> outcome(values()), "The meeting outcome cannot be recorded"))
        .containsExactly(Map.entry("meetingHeld", "is required: was the meeting held?"),
            Map.entry("meetingOutcome", "is required: what came of the meeting, or why it was not held"));
  }

  @Test
  void anOutcomeIsRecordedOnlyOnceTheMeetingsTimeHasCome() {
    Map<String, Object> held = values("meetingHeld", true, "meetingOutcome", "Agreed to reply.");
    assertThatThrownBy(() -> MeetingOutcome.read(InputValues.of(held), MEETING_AT, MEETING_AT.minusSeconds(60)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.fieldErrors()).containsExactly(Map.entry("meetingHeld", "cannot be said before the meeting's"
              + " time, 25 November 2021, 15:00 Vienna time (CET): record the outcome once the meeting has taken place"));
          // Tasklist's plain sentence names the field by what a user calls it.
          assertThat(e.labels()).containsEntry("meetingHeld", "whether the meeting was held");
        });
    assertThat(MeetingOutcome.read(InputValues.of(held), MEETING_AT, MEETING_AT).held()).isTrue();
    // A meeting whose time is not known (arranged before the time was kept) is not held back.
    assertThat(MeetingOutcome.read(InputValues.of(held), null, MEETING_AT).held()).isTrue();
  }

  @Test
  void theMeetingIsTheRequestersWhenTheInvokingSideAsksAndTheLeadsWhenTheAddresseeAsks() {
    assertThat(OpenMeeting.delegationFor("DE", "BY", "GB")).isEqualTo("DE");
    assertThat(OpenMeeting.delegationFor("GB", "BY", "GB")).isEqualTo("GB");
    assertThat(OpenMeeting.delegationFor("BY", "BY", "GB")).isEqualTo("GB");
  }

  @Test
  void theContractsNameWhatEachInputTakes() {
    assertThat(MeetingRequestInput.MESSAGE.names()).containsExactlyInAnyOrder("meetingRequestedBy", "meetingRequestedAt");
    assertThat(MeetingRequestInput.TASKLIST_START.names()).containsExactlyInAnyOrder("reference", "meetingRequestedAt");
    assertThat(MeetingSchedule.TASK.names()).containsExactly("meetingScheduledFor", "meetingPlace");
    assertThat(MeetingOutcome.TASK.names()).containsExactly("meetingHeld", "meetingOutcome");
  }
}
