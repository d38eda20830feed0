package org.osce.vienna.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osce.vienna.casefile.Deadlines;
import org.osce.vienna.support.Fixtures;
import org.osce.vienna.support.TestUsers;

/**
 * Contract test: the joint letter of 4 November 2021 to Belarus played wholly over REST, as the
 * ministries' systems would: the case API to start it, report the response and ask for a meeting,
 * {@code /engine-rest} to claim and complete each task with the contract's variables, and the case
 * view checked after every step (polled, as the job executor runs the service steps).
 */
class Case2021OverRestTest extends ApiTestSupport {

  static final String REFERENCE = "VM-2021-BY-01";

  @Test
  void theJointLetterToBelarusFromStartToClose() throws Exception {
    String officerGb = TestUsers.officer(identityService, "GB");
    String headGb = TestUsers.head(identityService, "GB");
    String officerDe = TestUsers.officer(identityService, "DE");
    String officerRu = TestUsers.officer(identityService, "RU");
    String manager = TestUsers.manager(identityService);
    Fixtures.CO_SIGNATORIES_2021.forEach(code -> TestUsers.head(identityService, code));
    JsonNode letter = JSON.readTree(Fixtures.letterJson());
    String signOffDueAt = OffsetDateTime.now(ZoneOffset.ofHours(1)).plusDays(2).truncatedTo(ChronoUnit.SECONDS)
        .toString();

    // 1. A GB ministry's system starts the case, with the drafted letter and the 34 delegations to invite.
    Map<String, Object> start = new LinkedHashMap<>();
    start.put("reference", REFERENCE);
    start.put("leadDelegation", "GB");
    start.put("addresseeState", "BY");
    start.put("subject", "Human rights situation in Belarus");
    start.put("letter", letter);
    start.put("invitedDelegations", Fixtures.CO_SIGNATORIES_2021);
    start.put("signOffDueAt", signOffDueAt);
    Answer started = post(officerGb, "/api/cases", start);
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    assertThat(started.header("Location")).endsWith("/api/cases/" + REFERENCE);
    JsonNode view = started.json();
    assertThat(view.path("reference").asText()).isEqualTo(REFERENCE);
    assertThat(view.path("subject").asText()).isEqualTo("Human rights situation in Belarus");
    assertThat(view.path("leadDelegation").asText()).isEqualTo("GB");
    assertThat(view.path("addresseeState").asText()).isEqualTo("BY");
    assertThat(view.path("status").asText()).isEqualTo("DRAFTING");
    assertThat(codes(view.path("signatories"))).containsExactly("GB");
    assertThat(view.path("response").path("status").asText()).isEqualTo("PENDING");
    assertThat(events(view)).containsExactly("CASE_STARTED");
    assertThat(view.path("timeline").get(0).path("by").asText()).isEqualTo(officerGb);
    JsonNode draftTask = tasks(view, "Task_DraftLetter").get(0);
    assertThat(draftTask.path("candidateGroup").asText()).isEqualTo("delegation-gb");
    assertThat(draftTask.path("name").asText()).isEqualTo("Draft the letter — VM-2021-BY-01 (Belarus)");

    // Who sees it: the lead, an invited delegation (before the round, from the draft), managers; not Russia.
    assertThat(get(officerDe, "/api/cases/" + REFERENCE).status()).isEqualTo(200);
    assertThat(get(manager, "/api/cases/" + REFERENCE).status()).isEqualTo(200);
    assertThat(get(officerRu, "/api/cases/" + REFERENCE).status()).isEqualTo(404);
    assertThat(codes(get(officerDe, "/api/cases?addresseeState=BY").json(), "reference")).contains(REFERENCE);
    assertThat(codes(get(officerRu, "/api/cases").json(), "reference")).doesNotContain(REFERENCE);

    // 2. The GB officer checks the pre-filled draft and submits it (over /engine-rest, the contract's variables).
    claimAndComplete(officerGb, draftTask.path("id").asText(), variables(
        "letter", "Json", Fixtures.letterJson(),
        "invitedDelegations", "Json", write(Fixtures.CO_SIGNATORIES_2021),
        "signOffDueAt", "String", signOffDueAt));
    view = view(officerGb, REFERENCE);
    assertThat(view.path("status").asText()).isEqualTo("DRAFTING");
    assertThat(tasks(view, "Task_ApproveDraft")).singleElement()
        .satisfies(task -> assertThat(task.path("candidateGroup").asText()).isEqualTo("heads-gb"));
    assertThat(events(view)).containsExactly("CASE_STARTED", "DRAFT_SUBMITTED");

    // 3. The GB head approves; the sign-off round opens (asynchronously): one task per invited delegation.
    claimAndComplete(headGb, taskId(view, "Task_ApproveDraft"), variables("draftApproved", "Boolean", true));
    view = await(officerGb, REFERENCE, "34 co-signing tasks", v -> "SIGN_OFF".equals(v.path("status").asText())
        && tasks(v, "Task_DecideCoSigning").size() == 34);
    assertThat(tasks(view, "Task_DecideCoSigning")).extracting(t -> t.path("candidateGroup").asText())
        .containsExactlyInAnyOrderElementsOf(Fixtures.CO_SIGNATORIES_2021.stream().map(c -> "heads-" + c.toLowerCase())
            .toList());
    assertThat(tasks(view, "Task_DecideCoSigning")).allSatisfy(task -> assertThat(
        Instant.parse(OffsetDateTime.parse(task.path("dueDate").asText()).toInstant().toString()))
        .isEqualTo(OffsetDateTime.parse(signOffDueAt).toInstant()));
    assertThat(events(view)).contains("DRAFT_APPROVED", "SIGN_OFF_OPENED");

    // 4. Each invited delegation's head joins, over /engine-rest, finding her task there.
    for (String code : Fixtures.CO_SIGNATORIES_2021) {
      String head = "t-head-" + code.toLowerCase();
      Answer mine = get(head, "/engine-rest/task?processInstanceBusinessKey=" + REFERENCE
          + "&taskDefinitionKey=Task_DecideCoSigning");
      assertThat(mine.json()).as("%s's tasks", head).hasSize(1);
      claimAndComplete(head, mine.json().get(0).path("id").asText(),
          variables("coSigns", "Boolean", true, "coSignComment", "String", null));
    }
    view = await(officerGb, REFERENCE, "the letter composed", statusAndTask("DELIVERY", "Task_SignAndDeliver"));
    assertThat(codes(view.path("signatories"))).hasSize(35).startsWith("GB", "AL", "AT");
    assertThat(codes(view.path("declined"))).isEmpty();
    assertThat(tasks(view, "Task_SignAndDeliver").get(0).path("candidateGroup").asText()).isEqualTo("heads-gb");
    assertThat(events(view)).contains("CO_SIGNING_JOINED", "SIGN_OFF_CLOSED", "LETTER_COMPOSED");
    assertThat(view.path("timeline").findValues("event").stream().filter(e -> e.asText().equals("CO_SIGNING_JOINED")))
        .hasSize(34);

    // The final letter, as HTML, for the case's delegations.
    Answer html = get(officerDe, "/api/cases/" + REFERENCE + "/letter", "Accept", "text/html");
    assertThat(html.status()).isEqualTo(200);
    assertThat(html.contentType()).startsWith("text/html");
    assertThat(Fixtures.normalise(html.body())).contains("Albania, Austria, Belgium")
        .contains("Ukraine, the United Kingdom, and the United States");
    Answer pdf = get(officerDe, "/api/cases/" + REFERENCE + "/letter", "Accept", "application/pdf");
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(pdf.contentType()).isEqualTo("application/pdf");
    assertThat(pdf.body()).startsWith("%PDF-");
    // The link Tasklist's sign-and-deliver form shows.
    Answer link = get(officerDe, "/api/cases/" + REFERENCE + "/letter.pdf", "Accept", "text/html,*/*");
    assertThat(link.status()).isEqualTo(200);
    assertThat(link.contentType()).isEqualTo("application/pdf");

    // Before delivery there is no response to report, and no meeting to ask for.
    assertThat(post(officerGb, "/api/cases/" + REFERENCE + "/response", response("No. 1", "Early")).status())
        .isEqualTo(409);
    assertThat(post(officerGb, "/api/cases/" + REFERENCE + "/bilateral-meeting-requests",
        Map.of("meetingRequestedBy", "BY")).status()).isEqualTo(409);

    // 5. The GB head signs and hands the letter over; the response clock starts.
    // It is made public: the States informed, and a statement at the Council, whose date the head must give.
    OffsetDateTime handedOver = OffsetDateTime.now(ZoneOffset.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
    String signAndDeliver = taskId(view, "Task_SignAndDeliver");
    assertThat(post(headGb, "/engine-rest/task/" + signAndDeliver + "/claim", Map.of("userId", headGb)).status())
        .isEqualTo(204);
    Answer withoutDate = post(headGb, "/engine-rest/task/" + signAndDeliver + "/complete", Map.of("variables",
        variables("deliveryChannel", "String", "BY_HAND", "deliveredAt", "String", handedOver.toString(),
            "announcements", "Json", "[\"INFORM_PARTICIPATING_STATES\",\"PERMANENT_COUNCIL_STATEMENT\"]")));
    assertThat(withoutDate.status()).as("%s", withoutDate).isEqualTo(400);
    assertThat(withoutDate.json().path("fieldErrors").path("permanentCouncilDate").asText())
        .isEqualTo("is required for a statement at the Permanent Council: on which day does the Council meet?");
    assertThat(events(get(officerGb, "/api/cases/" + REFERENCE).json())).doesNotContain("LETTER_SIGNED");
    Answer delivered = post(headGb, "/engine-rest/task/" + signAndDeliver + "/complete", Map.of("variables",
        variables("deliveryChannel", "String", "BY_HAND", "deliveredAt", "String", handedOver.toString(),
            "announcements", "Json", "[\"INFORM_PARTICIPATING_STATES\",\"PERMANENT_COUNCIL_STATEMENT\"]",
            "permanentCouncilDate", "String", handedOver.toLocalDate().plusDays(7).toString())));
    assertThat(delivered.status()).as("%s", delivered).isEqualTo(204);
    view = await(officerGb, REFERENCE, "the response awaited",
        statusAndTask("AWAITING_RESPONSE", "Task_RegisterResponse"));
    Instant dueAt = new Deadlines(ZoneId.of("Europe/Vienna")).responseDue(handedOver.toInstant(), 10);
    assertThat(instant(view.path("deliveredAt"))).isEqualTo(handedOver.toInstant());
    assertThat(instant(view.path("responseDueAt"))).isEqualTo(dueAt);
    assertThat(instant(tasks(view, "Task_RegisterResponse").get(0).path("dueDate"))).isEqualTo(dueAt);
    assertThat(view.path("response").path("status").asText()).isEqualTo("PENDING");
    view = await(officerGb, REFERENCE, "the announcements made", v -> events(v).contains(
        "PERMANENT_COUNCIL_STATEMENT_ANNOUNCED") && events(v).contains("PARTICIPATING_STATES_INFORMED"));
    assertThat(events(view)).contains("LETTER_SIGNED", "LETTER_DELIVERED");

    // 6. Belarus asks for a bilateral meeting; the GB system records the request.
    Answer meeting = post(officerGb, "/api/cases/" + REFERENCE + "/bilateral-meeting-requests",
        Map.of("meetingRequestedBy", "BY", "meetingRequestedAt", OffsetDateTime.now(ZoneOffset.ofHours(1))
            .truncatedTo(ChronoUnit.SECONDS).toString()));
    assertThat(meeting.status()).as(meeting.toString()).isEqualTo(202);
    assertThat(meeting.header("Location")).endsWith("/api/cases/" + REFERENCE);
    view = await(officerGb, REFERENCE, "the meeting to arrange", v -> !tasks(v, "Task_ArrangeBilateralMeeting").isEmpty()
        && v.path("meetings").size() == 1);
    assertThat(view.path("meetings").get(0).path("requestedBy").asText()).isEqualTo("BY");
    assertThat(view.path("status").asText()).isEqualTo("AWAITING_RESPONSE");
    assertThat(tasks(view, "Task_RegisterResponse")).hasSize(1);

    // 7. The response arrives; the GB system reports it. The same report again records nothing twice.
    Map<String, Object> response = response("No. 03-12/3456",
        "Belarus contests the invocation and answers none of the questions.");
    Answer reported = post(officerGb, "/api/cases/" + REFERENCE + "/response", response);
    assertThat(reported.status()).as(reported.toString()).isEqualTo(202);
    Answer again = post(officerGb, "/api/cases/" + REFERENCE + "/response", response);
    assertThat(again.status()).as(again.toString()).isEqualTo(202);
    view = await(officerGb, REFERENCE, "the response to assess", statusAndTask("ASSESSMENT", "Task_AssessResponse"));
    assertThat(view.path("response").path("status").asText()).isEqualTo("ON_TIME");
    assertThat(view.path("response").path("daysLate").asInt()).isZero();
    assertThat(instant(view.path("response").path("receivedAt")))
        .isEqualTo(OffsetDateTime.parse((String) response.get("responseReceivedAt")).toInstant());
    assertThat(tasks(view, "Task_RegisterResponse")).isEmpty();
    assertThat(events(view).stream().filter("RESPONSE_REGISTERED"::equals)).hasSize(1);
    assertThat(events(view).stream().filter("RESPONSE_RECEIVED"::equals)).hasSize(1);
    assertThat(entry(view, "RESPONSE_REGISTERED").path("by").asText()).isEqualTo(officerGb);
    assertThat(post(officerGb, "/api/cases/" + REFERENCE + "/response", response).status()).isEqualTo(202);
    assertThat(view(officerGb, REFERENCE).path("responses").size()).isEqualTo(1);
    assertThat(events(view(officerGb, REFERENCE)).stream().filter("RESPONSE_RECEIVED"::equals)).hasSize(1);

    // 8. The meeting is arranged and held (the system reports it once it has taken place: its outcome is not taken
    // before its time).
    claimAndComplete(officerGb, taskId(view, "Task_ArrangeBilateralMeeting"), variables("meetingScheduledFor",
        "String", OffsetDateTime.now(ZoneOffset.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).toString(),
        "meetingPlace", "String", "Permanent Mission of the United Kingdom, Vienna"));
    view = await(officerGb, REFERENCE, "the meeting outcome to record",
        v -> !tasks(v, "Task_RecordMeetingOutcome").isEmpty());
    assertThat(view.path("meetings").get(0).path("scheduledFor").isNull()).isFalse();
    assertThat(view.path("meetings").get(0).path("place").asText()).isEqualTo("Permanent Mission of the United Kingdom, Vienna");
    claimAndComplete(officerGb, taskId(view, "Task_RecordMeetingOutcome"), variables("meetingHeld", "Boolean", true,
        "meetingOutcome", "String", "Belarus repeated its position; no commitments."));
    view = await(officerGb, REFERENCE, "the meeting recorded",
        v -> v.path("meetings").get(0).path("held").asBoolean(false));
    assertThat(view.path("meetings").get(0).path("outcome").asText()).startsWith("Belarus repeated");

    // 9. The GB officer assesses the eight questions: none answered.
    List<Map<String, Object>> assessments = new ArrayList<>();
    for (int q = 1; q <= 8; q++) {
      assessments.add(Map.of("question", q, "assessment", "NOT_ANSWERED"));
    }
    claimAndComplete(officerGb, taskId(view, "Task_AssessResponse"), variables(
        "responseSubstantive", "Boolean", false, "questionAssessments", "Json", write(assessments)));
    view = await(officerGb, REFERENCE, "the follow-up to decide", statusAndTask("FOLLOW_UP", "Task_DecideFollowUp"));
    assertThat(tasks(view, "Task_DecideFollowUp").get(0).path("candidateGroup").asText()).isEqualTo("heads-gb");
    assertThat(events(view)).contains("RESPONSE_ASSESSED");

    // 10. The GB head decides: a statement at the Permanent Council and the Moscow Mechanism. The case closes.
    claimAndComplete(headGb, taskId(view, "Task_DecideFollowUp"), variables("followUpActions", "Json",
        write(List.of("PERMANENT_COUNCIL_STATEMENT", "MOSCOW_MECHANISM"))));
    view = await(officerGb, REFERENCE, "the case closed", status("CLOSED"));
    assertThat(codes(view.path("followUpActions"))).containsExactly("PERMANENT_COUNCIL_STATEMENT", "MOSCOW_MECHANISM");
    // Named by no one, the Moscow Mechanism's supporters are the letter's other signatories.
    assertThat(codes(view.path("moscowSupporters"))).hasSize(view.path("signatories").size() - 1)
        .doesNotContain("GB", "BY");
    assertThat(view.path("openTasks")).isEmpty();
    assertThat(events(view)).contains("FOLLOW_UP_DECIDED", "CASE_CLOSED");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(REFERENCE).count()).isZero();

    // After closing: no meeting, no response; the case is still there to read, for those who may.
    Answer closedMeeting = post(officerGb, "/api/cases/" + REFERENCE + "/bilateral-meeting-requests",
        Map.of("meetingRequestedBy", "BY"));
    assertThat(closedMeeting.status()).isEqualTo(409);
    assertThat(closedMeeting.json().path("detail").asText()).contains("closed");
    Map<String, Object> another = response("No. 03-12/9999", "A second, different response.");
    assertThat(post(officerGb, "/api/cases/" + REFERENCE + "/response", another).status()).isEqualTo(409);
    assertThat(codes(get(manager, "/api/cases?status=CLOSED").json(), "reference")).contains(REFERENCE);
    assertThat(get(officerRu, "/api/cases/" + REFERENCE).status()).isEqualTo(404);
  }

  private static Map<String, Object> response(String reference, String summary) {
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("responseReceivedAt", OffsetDateTime.now(ZoneOffset.ofHours(1)).truncatedTo(ChronoUnit.SECONDS)
        .toString());
    response.put("responseReference", reference);
    response.put("responseSummary", summary);
    return response;
  }

  static List<String> codes(JsonNode array) {
    List<String> codes = new ArrayList<>();
    array.forEach(node -> codes.add(node.asText()));
    return codes;
  }

  static List<String> codes(JsonNode array, String field) {
    List<String> values = new ArrayList<>();
    array.forEach(node -> values.add(node.path(field).asText()));
    return values;
  }

  static List<String> events(JsonNode view) {
    return codes(view.path("timeline"), "event");
  }

  static JsonNode entry(JsonNode view, String event) {
    for (JsonNode entry : view.path("timeline")) {
      if (event.equals(entry.path("event").asText())) {
        return entry;
      }
    }
    throw new AssertionError("No " + event + " in " + view.path("timeline"));
  }

  static Instant instant(JsonNode dateTime) {
    return OffsetDateTime.parse(dateTime.asText()).toInstant();
  }
}
