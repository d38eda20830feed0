package org.osce.vienna.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.osce.vienna.support.LoopbackHttp;
import org.osce.vienna.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Replies after the wait over HTTP, as a ministry's system reports them: a reply after the wait was closed as
 * "no response" (over the case API) is registered late with its days late and assessed; a second, different
 * reply (the message {@code ResponseReceived} over {@code /engine-rest}) is supplementary and assessed on its
 * own; the same reply again registers nothing twice; bad replies are refused naming the field, with nothing
 * registered. On PostgreSQL, the job executor running.
 */
class RepliesOverRestTest extends ApiTestSupport {

  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;

  @Test
  void aLateReplyAfterNoResponseAndASupplementaryReplyAreEachRegisteredAndAssessed() throws Exception {
    String officer = TestUsers.officer(identityService, "GB");
    String head = TestUsers.head(identityService, "GB");
    String otherOfficer = TestUsers.officer(identityService, "DE");
    String reference = "VM-2021-BY-LATE";
    // Delivered on 4 November 2021 and never answered: the reply was due by the end of 14 November.
    JsonNode view = recordedUnanswered(head, reference);
    claimAndComplete(officer, taskId(view, "Task_RegisterResponse"), variables("responseReceived", "Boolean", false));
    view = await(officer, reference, "the follow-up", statusAndTask("FOLLOW_UP", "Task_DecideFollowUp"));
    assertThat(view.path("response").path("status").asText()).isEqualTo("NONE");
    assertThat(view.path("responses").size()).isZero();

    // The reply comes after all, on 20 November: six days late.
    Map<String, Object> late = reply("2021-11-20T11:00:00+01:00", "No. 03-12/3456",
        "Belarus contests the invocation.");
    Answer accepted = post(officer, "/api/cases/" + reference + "/response", late);
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    view = await(officer, reference, "the late reply to assess", v -> !tasks(v, "Task_AssessFurtherReply").isEmpty());
    assertThat(view.path("status").asText()).as("the follow-up goes on").isEqualTo("FOLLOW_UP");
    assertThat(view.path("response").path("status").asText()).isEqualTo("LATE");
    assertThat(view.path("response").path("daysLate").asInt()).isEqualTo(6);
    JsonNode first = view.path("responses").get(0);
    assertThat(first.path("status").asText()).isEqualTo("LATE");
    assertThat(first.path("daysLate").asInt()).isEqualTo(6);
    assertThat(first.path("supplementary").asBoolean(true)).isFalse();
    assertThat(first.path("reference").asText()).isEqualTo("No. 03-12/3456");
    assertThat(first.path("summary").asText()).isEqualTo("Belarus contests the invocation.");
    assertThat(first.path("substantive").isNull()).isTrue();

    // The same reply again: accepted, nothing registered twice.
    Answer again = post(officer, "/api/cases/" + reference + "/response", late);
    assertThat(again.status()).as(again.toString()).isEqualTo(202);

    // A reply with a date in the wrong order is refused naming the field; nothing is registered.
    Answer refused = post(officer, "/api/cases/" + reference + "/response",
        reply("2021-11-01T10:00:00+01:00", "No. 03-12/3457", "Before the letter was delivered"));
    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.header("Content-Type")).startsWith(PROBLEM_JSON);
    assertThat(refused.json().path("fieldErrors").path("responseReceivedAt").asText())
        .contains("cannot be before the letter was delivered");
    // Another delegation does not report the lead's replies.
    Answer forbidden = post(otherOfficer, "/api/cases/" + reference + "/response",
        reply("2021-11-22T10:00:00+01:00", "No. X", "Not GB's to report"));
    assertThat(forbidden.status()).as(forbidden.toString()).isIn(403, 404);

    // A second note verbale, by the message the contract names, over /engine-rest: a supplementary reply.
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("messageName", "ResponseReceived");
    message.put("businessKey", reference);
    message.put("processVariables", variables("responseReceivedAt", "String", "2021-11-25T09:30:00+01:00",
        "responseReference", "String", "No. 03-12/3500", "responseSummary", "String",
        "Belarus answers questions 1 to 3."));
    Answer correlated = post(officer, "/engine-rest/message", message);
    assertThat(correlated.status()).as(correlated.toString()).isEqualTo(204);
    view = await(officer, reference, "both replies to assess", v -> tasks(v, "Task_AssessFurtherReply").size() == 2
        && v.path("responses").size() == 2 && "LATE".equals(v.path("responses").get(1).path("status").asText()));
    JsonNode second = view.path("responses").get(1);
    assertThat(second.path("supplementary").asBoolean()).isTrue();
    assertThat(second.path("daysLate").asInt()).isEqualTo(11);
    assertThat(view.path("response").path("receivedAt").asText()).as("the first stays the response")
        .startsWith("2021-11-20T11:00");
    // A bad message is refused to its sender, naming the field.
    message.put("processVariables", variables("responseReceivedAt", "String", "not a date",
        "responseSummary", "String", "x"));
    Answer badMessage = post(officer, "/engine-rest/message", message);
    assertThat(badMessage.status()).as(badMessage.toString()).isEqualTo(400);
    assertThat(badMessage.json().path("fieldErrors").has("responseReceivedAt")).isTrue();

    // Each reply is assessed on its own: the first answers nothing, the second three questions.
    for (JsonNode task : tasks(view, "Task_AssessFurtherReply")) {
      String summary = String.valueOf(taskService.getVariable(task.path("id").asText(), "responseSummary"));
      int answered = summary.contains("1 to 3") ? 3 : 0;
      claimAndComplete(officer, task.path("id").asText(), variables(
          "responseSubstantive", "Boolean", answered > 0, "questionAssessments", "Json", assessments(answered)));
    }
    view = await(officer, reference, "both assessed", v -> tasks(v, "Task_AssessFurtherReply").isEmpty()
        && !v.path("responses").get(1).path("substantive").isNull()
        && !v.path("responses").get(0).path("substantive").isNull());
    assertThat(view.path("responses").get(0).path("substantive").asBoolean()).isFalse();
    assertThat(view.path("responses").get(1).path("substantive").asBoolean()).isTrue();
    assertThat(view.path("responses").get(1).path("questionAssessments").get(2).path("assessment").asText())
        .isEqualTo("ANSWERED");
    assertThat(view.path("responses").get(0).path("questionAssessments").get(2).path("assessment").asText())
        .isEqualTo("NOT_ANSWERED");
    assertThat(view.path("responses").size()).isEqualTo(2);
    assertThat(Case2021OverRestTest.events(view).stream().filter("RESPONSE_RECEIVED"::equals)).hasSize(2);
    assertThat(Case2021OverRestTest.events(view).stream().filter("RESPONSE_ASSESSED"::equals)).hasSize(2);

    // The case file has both: the (first) reply, late, and the supplementary one with its assessment counted.
    HttpResponse<byte[]> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/cases/"
            + reference + "/file"))).header("Authorization", LoopbackHttp.basic(officer, TestUsers.password(officer)))
        .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(file.statusCode()).isEqualTo(200);
    try (PDDocument pdf = Loader.loadPDF(file.body())) {
      String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
      assertThat(text).contains("Received 20 November 2021, 11:00 (6 day(s) late)", "Supplementary reply 1",
          "Received 25 November 2021, 09:30 (11 day(s) late)", "Its reference No. 03-12/3500",
          "Questions 3 answered, 5 not answered");
    }
  }

  /** A past invocation of GB's to Belarus, delivered on 4 November 2021 and unanswered, waiting for the reply. */
  private JsonNode recordedUnanswered(String head, String reference) {
    ObjectNode body = JSON.createObjectNode();
    body.put("reference", reference);
    body.put("leadDelegation", "GB");
    body.put("addresseeState", "BY");
    body.put("subject", "Human rights in Belarus");
    body.set("letter", RefusalsOverRestTest.letter());
    body.putArray("signatories").add("GB").add("DE");
    body.put("deliveredAt", "2021-11-04T10:00:00+01:00");
    Answer created = post(head, "/api/past-invocations", body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode view = await(head, reference, "the passed deadline recorded", v -> statusAndTask("AWAITING_RESPONSE",
        "Task_RegisterResponse").test(v) && Case2021OverRestTest.events(v).contains("RESPONSE_DEADLINE_PASSED"));
    // The deadline's and the reminder's timers, due at once, run before the officer acts (as they would have
    // long before in real life); else her "no response" could meet them in the engine.
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .singleResult().getId();
    for (int i = 0; i < 100 && managementService.createJobQuery().processInstanceId(instance).executable().count() > 0;
        i++) {
      sleep(100);
    }
    return view;
  }

  static Map<String, Object> reply(String receivedAt, String reference, String summary) {
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("responseReceivedAt", receivedAt);
    reply.put("responseReference", reference);
    reply.put("responseSummary", summary);
    return reply;
  }

  /** The eight questions, the first {@code answered} answered and the rest not, as Json. */
  private static String assessments(int answered) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (int q = 1; q <= 8; q++) {
      list.add(Map.of("question", q, "assessment", q <= answered ? "ANSWERED" : "NOT_ANSWERED"));
    }
    return write(list);
  }
}
