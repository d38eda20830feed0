package org.osce.vienna.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osce.vienna.support.TestUsers;
import org.osce.vienna.support.WebappSession;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A form Tasklist submits and a listener refuses, as Tasklist calls it (the webapps' engine API, with the
 * session and its CSRF token): 400 with one plain sentence in Vienna time that says what to change, and one
 * line in the log, no error with a stack trace; the same refusal over {@code /engine-rest} keeps the body
 * systems read, and is logged the same way.
 */
@ExtendWith(OutputCaptureExtension.class)
class TasklistRefusalsTest extends ApiTestSupport {

  static final String TASKLIST_ENGINE = "/camunda/api/engine/engine/default";

  @Test
  void aResponseDatedInTheFutureIsRefusedWithOnePlainSentenceAndOneLogLine(CapturedOutput output) {
    String officer = TestUsers.officer(identityService, "GB");
    TestUsers.head(identityService, "GB");
    TestUsers.head(identityService, "DE");
    String taskId = taskId(deliver("VM-TR-01"), "Task_RegisterResponse");
    Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
    String expected = "The response's date of receipt cannot be in the future: "
        + DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'Vienna time' (z)", Locale.ENGLISH).format(tomorrow.atZone(
            ZoneId.of("Europe/Vienna"))) + " is later than now.";
    Map<String, Object> form = Map.of("variables", variables("responseReceived", "Boolean", true,
        "responseReceivedAt", "String", tomorrow.atOffset(ZoneOffset.UTC).toString(),
        "responseSummary", "String", "The Government rejects the letter."));
    int before = output.getAll().length();

    WebappSession tasklist = new WebappSession(url("")).login("tasklist", officer, TestUsers.password(officer));
    HttpResponse<String> claim = tasklist.send("POST", TASKLIST_ENGINE + "/task/" + taskId + "/claim",
        write(Map.of("userId", officer)), true);
    assertThat(claim.statusCode()).as(claim.body()).isEqualTo(204);
    HttpResponse<String> submit = tasklist.send("POST", TASKLIST_ENGINE + "/task/" + taskId + "/submit-form",
        write(form), true);

    assertThat(submit.statusCode()).as(submit.body()).isEqualTo(400);
    JsonNode body = new Answer(submit.statusCode(), submit.headers().map(), submit.body()).json();
    assertThat(body.path("message").asText()).isEqualTo(expected);
    assertThat(body.path("type").asText()).isEqualTo("InvalidInputException");

    Answer overEngineRest = post(officer, "/engine-rest/task/" + taskId + "/submit-form", form);
    assertThat(overEngineRest.status()).as(overEngineRest.toString()).isEqualTo(400);
    assertThat(overEngineRest.json().path("type").asText()).isEqualTo("InvalidInputException");
    assertThat(overEngineRest.json().path("fieldErrors").path("responseReceivedAt").asText())
        .isEqualTo(expected.substring("The response's date of receipt ".length(), expected.length() - 1));

    String logged = output.getAll().substring(before);
    assertThat(logged).doesNotContain(" ERROR ", "\tat ", "ENGINE-03051");
    assertThat(logged.lines().filter(line -> line.contains("Refused input: POST")).toList()).satisfiesExactly(
        line -> assertThat(line).contains(" INFO ", TASKLIST_ENGINE + "/task/" + taskId + "/submit-form", expected),
        line -> assertThat(line).contains(" INFO ", "/engine-rest/task/" + taskId + "/submit-form",
            "responseReceivedAt cannot be in the future"));
    assertThat(view(officer, "VM-TR-01").path("status").asText()).isEqualTo("AWAITING_RESPONSE");
  }

  @Test
  void noResponseBeforeTheReplyIsDueIsRefusedSayingWhenItIsDue() {
    String officer = TestUsers.officer(identityService, "GB");
    TestUsers.head(identityService, "GB");
    TestUsers.head(identityService, "DE");
    JsonNode delivered = deliver("VM-TR-02");
    String taskId = taskId(delivered, "Task_RegisterResponse");
    String due = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'Vienna time' (z)", Locale.ENGLISH)
        .format(Instant.parse(delivered.path("responseDueAt").asText()).atZone(ZoneId.of("Europe/Vienna")));
    Map<String, Object> form = Map.of("variables", variables("responseReceived", "Boolean", false));

    WebappSession tasklist = new WebappSession(url("")).login("tasklist", officer, TestUsers.password(officer));
    tasklist.send("POST", TASKLIST_ENGINE + "/task/" + taskId + "/claim", write(Map.of("userId", officer)), true);
    HttpResponse<String> submit = tasklist.send("POST", TASKLIST_ENGINE + "/task/" + taskId + "/submit-form",
        write(form), true);
    assertThat(submit.statusCode()).as(submit.body()).isEqualTo(400);
    assertThat(new Answer(submit.statusCode(), submit.headers().map(), submit.body()).json().path("message").asText())
        .isEqualTo("Whether a response was received cannot be answered 'no' before the reply is due: " + due + ".");

    Answer overEngineRest = post(officer, "/engine-rest/task/" + taskId + "/complete", form);
    assertThat(overEngineRest.status()).as(overEngineRest.toString()).isEqualTo(400);
    assertThat(overEngineRest.json().path("fieldErrors").path("responseReceived").asText())
        .isEqualTo("cannot be answered 'no' before the reply is due: " + due);
    JsonNode view = view(officer, "VM-TR-02");
    assertThat(view.path("status").asText()).isEqualTo("AWAITING_RESPONSE");
    assertThat(view.path("response").path("status").asText()).isEqualTo("PENDING");
  }
}
