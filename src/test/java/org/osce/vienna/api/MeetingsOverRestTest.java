package org.osce.vienna.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osce.vienna.support.TestUsers;

/**
 * Bilateral meetings and the Moscow Mechanism as systems meet them: the tasks completed over
 * {@code /engine-rest} with the contract's variables, read back from {@code GET /api/cases/{reference}}.
 * Every refusal is 400 naming the field, and leaves the task open and the case as it was.
 */
class MeetingsOverRestTest extends ApiTestSupport {

  static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'Vienna time' (z)",
      Locale.ENGLISH).withZone(ZoneId.of("Europe/Vienna"));

  private Answer complete(String user, String taskId, Map<String, Object> variables) {
    post(user, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", user));
    return post(user, "/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables));
  }

  @Test
  void aMeetingNeedsItsPlaceIsFlaggedWhenSetAfterItsTargetAndItsOutcomeWaitsForItsTime() {
    String officer = TestUsers.officer(identityService, "GB");
    TestUsers.head(identityService, "GB");
    TestUsers.head(identityService, "DE");
    String reference = "VM-MOR-01";
    deliver(reference);
    assertThat(post(officer, "/api/cases/" + reference + "/bilateral-meeting-requests",
        Map.of("meetingRequestedBy", "BY")).status()).isEqualTo(202);
    JsonNode view = await(officer, reference, "the meeting to arrange",
        v -> !tasks(v, "Task_ArrangeBilateralMeeting").isEmpty());
    String arrange = taskId(view, "Task_ArrangeBilateralMeeting");
    Instant target = OffsetDateTime.parse(view.path("meetings").get(0).path("targetAt").asText()).toInstant();

    // No place: refused, naming it; nothing arranged.
    Instant after = target.plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
    Answer noPlace = complete(officer, arrange, variables("meetingScheduledFor", "String",
        after.atOffset(ZoneOffset.ofHours(1)).toString()));
    assertThat(noPlace.status()).as(noPlace.toString()).isEqualTo(400);
    assertThat(noPlace.json().path("fieldErrors").path("meetingPlace").asText())
        .isEqualTo("is required: where will the meeting take place?");
    view = view(officer, reference);
    assertThat(taskId(view, "Task_ArrangeBilateralMeeting")).isEqualTo(arrange);
    assertThat(view.path("meetings").get(0).path("scheduledFor").isNull()).isTrue();
    assertThat(Case2021OverRestTest.events(view)).doesNotContain("MEETING_ARRANGED");

    // With its place, set two days after the target: flagged as it is scheduled.
    Answer arranged = complete(officer, arrange, variables("meetingScheduledFor", "String",
        after.atOffset(ZoneOffset.ofHours(1)).toString(), "meetingPlace", "String", "Permanent Mission of Belarus, Vienna"));
    assertThat(arranged.status()).as(arranged.toString()).isEqualTo(204);
    view = await(officer, reference, "the meeting flagged", v -> Case2021OverRestTest.events(v)
        .contains("MEETING_SET_AFTER_TARGET") && !tasks(v, "Task_RecordMeetingOutcome").isEmpty());
    JsonNode meeting = view.path("meetings").get(0);
    assertThat(meeting.path("place").asText()).isEqualTo("Permanent Mission of Belarus, Vienna");
    assertThat(meeting.path("targetMissed").asBoolean()).isTrue();
    assertThat(OffsetDateTime.parse(meeting.path("scheduledFor").asText()).toInstant()).isEqualTo(after);

    // Its outcome before its time: refused with the reason, nothing recorded.
    String outcome = taskId(view, "Task_RecordMeetingOutcome");
    Answer early = complete(officer, outcome, variables("meetingHeld", "Boolean", true,
        "meetingOutcome", "String", "Belarus agreed to answer."));
    assertThat(early.status()).as(early.toString()).isEqualTo(400);
    assertThat(early.json().path("fieldErrors").path("meetingHeld").asText()).isEqualTo(
        "cannot be said before the meeting's time, " + SHOWN.format(after)
            + ": record the outcome once the meeting has taken place");
    view = view(officer, reference);
    assertThat(taskId(view, "Task_RecordMeetingOutcome")).isEqualTo(outcome);
    assertThat(view.path("meetings").get(0).path("held").isNull()).isTrue();
  }

  @Test
  void anOutcomeIsTakenOnceTheMeetingsTimeHasCome() {
    String officer = TestUsers.officer(identityService, "GB");
    TestUsers.head(identityService, "GB");
    TestUsers.head(identityService, "DE");
    String reference = "VM-MOR-02";
    deliver(reference);
    Answer requested = post(officer, "/api/cases/" + reference + "/bilateral-meeting-requests",
        Map.of("meetingRequestedBy", "BY"));
    assertThat(requested.status()).as("%s", requested).isEqualTo(202);
    JsonNode view = await(officer, reference, "the meeting to arrange",
        v -> !tasks(v, "Task_ArrangeBilateralMeeting").isEmpty());
    Instant soon = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
    claimAndComplete(officer, taskId(view, "Task_ArrangeBilateralMeeting"), variables("meetingScheduledFor", "String",
        soon.atOffset(ZoneOffset.ofHours(1)).toString(), "meetingPlace", "String", "Ministry of Foreign Affairs, Minsk"));
    view = await(officer, reference, "the outcome to record", v -> !tasks(v, "Task_RecordMeetingOutcome").isEmpty());
    while (Instant.now().isBefore(soon.plusMillis(200))) {
      sleep(100);
    }
    claimAndComplete(officer, taskId(view, "Task_RecordMeetingOutcome"), variables("meetingHeld", "Boolean", true,
        "meetingOutcome", "String", "Belarus agreed to answer."));
    view = await(officer, reference, "the meeting recorded", v -> v.path("meetings").get(0).path("held").asBoolean());
    assertThat(view.path("meetings").get(0).path("targetMissed").asBoolean()).isFalse();
    assertThat(Case2021OverRestTest.events(view)).contains("MEETING_ARRANGED", "MEETING_HELD", "MEETING_RECORDED")
        .doesNotContain("MEETING_SET_AFTER_TARGET");
  }

  @Test
  void theMoscowMechanismTakesTheLeadAndNineSupportersWhoNeedNotHaveSigned() {
    String officer = TestUsers.officer(identityService, "GB");
    String head = TestUsers.head(identityService, "GB");
    TestUsers.head(identityService, "DE");
    String reference = "VM-MOR-03";
    deliver(reference);
    assertThat(post(officer, "/api/cases/" + reference + "/response", Map.of(
        "responseReceivedAt", OffsetDateTime.now(ZoneOffset.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).toString(),
        "responseSummary", "Belarus rejects the letter.")).status()).isEqualTo(202);
    JsonNode view = await(officer, reference, "the response to assess", statusAndTask("ASSESSMENT", "Task_AssessResponse"));
    List<Map<String, Object>> assessments = new ArrayList<>();
    for (int q = 1; q <= 8; q++) {
      assessments.add(Map.of("question", q, "assessment", "NOT_ANSWERED"));
    }
    claimAndComplete(officer, taskId(view, "Task_AssessResponse"), variables(
        "responseSubstantive", "Boolean", false, "questionAssessments", "Json", write(assessments)));
    view = await(officer, reference, "the follow-up to decide", statusAndTask("FOLLOW_UP", "Task_DecideFollowUp"));
    String decide = taskId(view, "Task_DecideFollowUp");
    String moscow = write(List.of("MOSCOW_MECHANISM"));

    // The letter's two signatories are not enough by default; eight named supporters are not either.
    Answer byDefault = complete(head, decide, variables("followUpActions", "Json", moscow));
    assertThat(byDefault.status()).as(byDefault.toString()).isEqualTo(400);
    assertThat(byDefault.json().path("fieldErrors").path("moscowSupporters").asText()).startsWith("are needed");
    List<String> nine = List.of("CA", "FR", "US", "SE", "NL", "PL", "IT", "ES", "DK");
    Answer eight = complete(head, decide, variables("followUpActions", "Json", moscow,
        "moscowSupporters", "Json", write(nine.subList(0, 8))));
    assertThat(eight.status()).as(eight.toString()).isEqualTo(400);
    assertThat(eight.json().path("fieldErrors").path("moscowSupporters").asText()).startsWith("name 8 States");
    Answer addressee = complete(head, decide, variables("followUpActions", "Json", moscow,
        "moscowSupporters", "Json", write(List.of("CA", "FR", "US", "SE", "NL", "PL", "IT", "ES", "BY"))));
    assertThat(addressee.status()).as(addressee.toString()).isEqualTo(400);
    assertThat(addressee.json().path("fieldErrors").path("moscowSupporters[8]").asText())
        .startsWith("is the addressee BY");
    view = view(officer, reference);
    assertThat(taskId(view, "Task_DecideFollowUp")).isEqualTo(decide);
    assertThat(view.path("followUpActions")).isEmpty();
    assertThat(view.path("moscowSupporters")).isEmpty();

    // Nine supporters, none of whom signed the letter: taken, recorded and shown.
    Answer taken = complete(head, decide, variables("followUpActions", "Json", moscow,
        "moscowSupporters", "Json", write(nine)));
    assertThat(taken.status()).as(taken.toString()).isEqualTo(204);
    view = await(officer, reference, "the case closed", status("CLOSED"));
    List<String> supporters = new ArrayList<>();
    view.path("moscowSupporters").forEach(code -> supporters.add(code.asText()));
    assertThat(supporters).containsExactlyElementsOf(nine);
    assertThat(Case2021OverRestTest.entry(view, "FOLLOW_UP_DECIDED").path("detail").asText())
        .isEqualTo("the Moscow Mechanism (supported by CA, FR, US, SE, NL, PL, IT, ES, DK)");
  }
}
