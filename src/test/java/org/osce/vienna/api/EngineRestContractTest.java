package org.osce.vienna.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.osce.vienna.support.Fixtures;
import org.osce.vienna.support.TestUsers;

/**
 * {@code /engine-rest} as systems use it: bad start data and bad task input are 400 with the reason
 * (never the 500 Camunda would make of our listeners' refusals), and create or change nothing; a
 * message for an unknown business key is 400, not 500.
 */
class EngineRestContractTest extends ApiTestSupport {

  private static final String START = "/engine-rest/process-definition/key/vienna-mechanism/start";

  @Test
  void invalidStartVariablesAre400WithTheReasonAndCreateNothing() {
    String officer = TestUsers.officer(identityService, "GB");
    long instances = processInstances();
    long cases = rows("vm_case");

    Answer eu = post(officer, START, start("VM-ER-01", variables("leadDelegation", "String", "GB",
        "addresseeState", "String", "EU", "subject", "String", "Test")));
    assertThat(eu.status()).as(eu.toString()).isEqualTo(400);
    assertThat(eu.json().path("type").asText()).isEqualTo("InvalidInputException");
    assertThat(eu.json().path("message").asText()).contains("addresseeState", "'EU' is not one of the 57");
    assertThat(eu.json().path("fieldErrors").has("addresseeState")).isTrue();

    Map<String, Object> invitedAddressee = variables("leadDelegation", "String", "GB", "addresseeState", "String",
        "BY", "subject", "String", "Test", "invitedDelegations", "Json", "[\"DE\",\"BY\"]");
    Answer invited = post(officer, START, start("VM-ER-02", invitedAddressee));
    assertThat(invited.status()).as(invited.toString()).isEqualTo(400);
    assertThat(invited.json().path("message").asText()).contains("invitedDelegations", "addressee");

    Answer submitForm = post(officer, "/engine-rest/process-definition/key/vienna-mechanism/submit-form",
        start("VM-ER-03", variables("leadDelegation", "String", "GB", "addresseeState", "String", "GB",
            "subject", "String", "Test")));
    assertThat(submitForm.status()).as(submitForm.toString()).isEqualTo(400);
    assertThat(submitForm.json().path("message").asText()).contains("addresseeState");

    Answer notJson = post(officer, START, start("VM-ER-04", variables("leadDelegation", "String", "GB",
        "addresseeState", "String", "BY", "subject", "String", "Test", "letter", "Json", "{not json")));
    assertThat(notJson.status()).as(notJson.toString()).isEqualTo(400);
    assertThat(notJson.json().path("fieldErrors").has("letter")).isTrue();

    Answer otherLead = post(TestUsers.officer(identityService, "DE"), START, start("VM-ER-05", variables(
        "leadDelegation", "String", "GB", "addresseeState", "String", "BY", "subject", "String", "Test")));
    assertThat(otherLead.status()).as(otherLead.toString()).isEqualTo(400);
    assertThat(otherLead.json().path("message").asText()).contains("not a member of that delegation");

    Answer manager = post(TestUsers.manager(identityService), START, start("VM-ER-06", variables(
        "leadDelegation", "String", "GB", "addresseeState", "String", "BY", "subject", "String", "Test")));
    assertThat(manager.status()).as(manager.toString()).isEqualTo(403);

    assertThat(processInstances()).isEqualTo(instances);
    assertThat(rows("vm_case")).isEqualTo(cases);
  }

  /** A reference another case has is refused by the start alone, as {@code /engine-rest} always answered it. */
  @Test
  void aReferenceAlreadyTakenIs400AndCreatesNothing() {
    String officer = TestUsers.officer(identityService, "GB");
    Map<String, Object> variables = variables("leadDelegation", "String", "GB", "addresseeState", "String", "BY",
        "subject", "String", "Taken");
    assertThat(post(officer, START, start("VM-ER-TAKEN", variables)).status()).isEqualTo(200);
    long instances = processInstances();

    Answer again = post(officer, START, start("VM-ER-TAKEN", variables));
    assertThat(again.status()).as(again.toString()).isEqualTo(400);
    assertThat(again.json().path("type").asText()).isEqualTo("InvalidInputException");
    assertThat(again.json().path("fieldErrors").path("reference").asText())
        .isEqualTo("'VM-ER-TAKEN' is already the reference of another case");
    assertThat(processInstances()).isEqualTo(instances);
  }

  @Test
  void aMessageForAnUnknownCaseIs400WithTheReason() {
    String admin = "admin";
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("messageName", "ResponseReceived");
    message.put("businessKey", "VM-NO-SUCH-CASE");
    message.put("processVariables", variables("responseReceivedAt", "String", "2021-11-12T16:30:00+01:00",
        "responseSummary", "String", "x"));
    Answer answer = call("POST", "/engine-rest/message", admin, "admin-secret", write(message),
        "Content-Type", "application/json");
    assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
    assertThat(answer.json().path("message").asText()).contains("Cannot correlate message 'ResponseReceived'");

    message.put("messageName", "BilateralMeetingRequested");
    Answer meeting = call("POST", "/engine-rest/message", admin, "admin-secret", write(message),
        "Content-Type", "application/json");
    assertThat(meeting.status()).as(meeting.toString()).isEqualTo(400);
  }

  @Test
  void onlyTheLeadDelegationReportsTheResponseOverEngineRest() {
    String officer = TestUsers.officer(identityService, "GB");
    String otherOfficer = TestUsers.officer(identityService, "FR");
    TestUsers.head(identityService, "GB");
    TestUsers.head(identityService, "DE");
    deliver("VM-ER-AWAIT");
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("messageName", "ResponseReceived");
    message.put("businessKey", "VM-ER-AWAIT");
    message.put("processVariables", variables("responseReceivedAt", "String", RefusalsOverRestTest.now(),
        "responseSummary", "String", "x"));
    Answer refused = post(otherOfficer, "/engine-rest/message", message);
    assertThat(refused.status()).as(refused.toString()).isIn(400, 403);
    assertThat(tasks(view(officer, "VM-ER-AWAIT"), "Task_RegisterResponse")).hasSize(1);

    Answer answer = post(officer, "/engine-rest/message", message);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(204);
    await(officer, "VM-ER-AWAIT", "the response recorded", status("ASSESSMENT"));
  }

  @Test
  void theSameResponseSentTwiceAtOnceIsAcceptedTwiceAndRecordedOnce() throws Exception {
    String officer = TestUsers.officer(identityService, "GB");
    TestUsers.head(identityService, "GB");
    TestUsers.head(identityService, "DE");
    deliver("VM-ER-TWICE");
    String response = write(RefusalsOverRestTest.response(RefusalsOverRestTest.now()));
    List<Answer> answers = twiceAtOnce(() -> post(officer, "/api/cases/VM-ER-TWICE/response", response));
    assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(202));
    JsonNode view = await(officer, "VM-ER-TWICE", "the response recorded", status("ASSESSMENT"));
    assertThat(Case2021OverRestTest.events(view).stream().filter("RESPONSE_REGISTERED"::equals)).hasSize(1);
    assertThat(Case2021OverRestTest.events(view).stream().filter("RESPONSE_RECEIVED"::equals)).hasSize(1);
  }

  @Test
  void twoStartsWithOneReferenceAtOnceStartOneCaseAndTheOtherIsTold409() throws Exception {
    String officer = TestUsers.officer(identityService, "GB");
    long instances = processInstances();
    String start = write(Map.of("reference", "VM-ER-SAME", "leadDelegation", "GB", "addresseeState", "BY",
        "subject", "Started twice at once"));
    List<Answer> answers = twiceAtOnce(() -> post(officer, "/api/cases", start));
    assertThat(answers).extracting(Answer::status).as(answers.toString()).containsExactlyInAnyOrder(201, 409);
    assertThat(answers).filteredOn(answer -> answer.status() == 409).singleElement()
        .satisfies(answer -> assertThat(answer.json().path("detail").asText()).contains("'VM-ER-SAME' is already"));
    assertThat(processInstances()).isEqualTo(instances + 1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vm_case WHERE reference = 'VM-ER-SAME'", Long.class))
        .isEqualTo(1);
  }

  /** The same call from two threads released at the same moment; both answers. */
  private static List<Answer> twiceAtOnce(Callable<Answer> call) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch go = new CountDownLatch(1);
      Callable<Answer> waitThenCall = () -> {
        go.await();
        return call.call();
      };
      Future<Answer> first = threads.submit(waitThenCall);
      Future<Answer> second = threads.submit(waitThenCall);
      go.countDown();
      return List.of(first.get(), second.get());
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void anIncompleteDraftIs400NamingEachFieldAndTheTaskStaysOpen() throws Exception {
    String officer = TestUsers.officer(identityService, "GB");
    Answer started = post(officer, "/api/cases", Map.of("reference", "VM-ER-DRAFT", "leadDelegation", "GB",
        "addresseeState", "BY", "subject", "Draft checks"));
    assertThat(started.status()).isEqualTo(201);
    String task = taskId(started.json(), "Task_DraftLetter");
    assertThat(post(officer, "/engine-rest/task/" + task + "/claim", Map.of("userId", officer)).status())
        .isEqualTo(204);
    JsonNode letter = JSON.readTree(Fixtures.letterJson());
    ((ObjectNode) letter).putArray("questions");
    Answer complete = post(officer, "/engine-rest/task/" + task + "/complete", Map.of("variables", variables(
        "letter", "Json", letter.toString(), "invitedDelegations", "Json", "[\"DE\",\"EU\"]",
        "signOffDueAt", "String", "2021-01-01T00:00:00+01:00")));
    assertThat(complete.status()).as(complete.toString()).isEqualTo(400);
    assertThat(complete.json().path("fieldErrors").fieldNames()).toIterable()
        .contains("letter.questions", "invitedDelegations[1]", "signOffDueAt");
    JsonNode view = view(officer, "VM-ER-DRAFT");
    assertThat(taskId(view, "Task_DraftLetter")).isEqualTo(task);
    assertThat(Case2021OverRestTest.events(view)).containsExactly("CASE_STARTED");
  }

  /**
   * The co-signer takeover an outside tester found: Germany's head, at sign-off, writes a letter of her
   * own and herself as lead through her co-signing task, then completes it with extra case variables.
   * Each write is refused, naming the variable, and the lead's case is as it was.
   */
  @Test
  void aCoSignerCannotRewriteTheLeadsLetterOrTakeOverItsCase() throws Exception {
    String officer = TestUsers.officer(identityService, "GB");
    TestUsers.head(identityService, "GB");
    String germany = TestUsers.head(identityService, "DE");
    Answer started = post(officer, "/api/cases", Map.of("reference", "VM-ER-TAKEOVER", "leadDelegation", "GB",
        "addresseeState", "BY", "subject", "Takeover", "letter", JSON.readTree(Fixtures.letterJson()),
        "invitedDelegations", List.of("DE"), "signOffDueAt", RefusalsOverRestTest.inDays(5)));
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    claimAndComplete(officer, taskId(started.json(), "Task_DraftLetter"), Map.of());
    claimAndComplete("t-head-gb", taskId(view(officer, "VM-ER-TAKEOVER"), "Task_ApproveDraft"),
        variables("draftApproved", "Boolean", true));
    JsonNode atSignOff = await(officer, "VM-ER-TAKEOVER", "the sign-off round open",
        statusAndTask("SIGN_OFF", "Task_DecideCoSigning"));
    String task = taskId(atSignOff, "Task_DecideCoSigning");
    String ownLetter = "{\"concerns\":[{\"topic\":\"Germany's own concern\",\"text\":\"x\"}]}";

    Answer rewrite = post(germany, "/engine-rest/task/" + task + "/variables", Map.of("modifications",
        variables("letter", "Json", ownLetter, "leadDelegation", "String", "DE")));
    assertThat(rewrite.status()).as(rewrite.toString()).isIn(400, 403);
    Answer local = call("PUT", "/engine-rest/task/" + task + "/localVariables/letter", germany,
        TestUsers.password(germany), write(Map.of("type", "Json", "value", ownLetter)), "Content-Type",
        "application/json");
    assertThat(local.status()).as(local.toString()).isIn(400, 403);
    Answer delete = call("DELETE", "/engine-rest/task/" + task + "/variables/letter", germany,
        TestUsers.password(germany), null);
    assertThat(delete.status()).as(delete.toString()).isIn(400, 403);

    assertThat(post(germany, "/engine-rest/task/" + task + "/claim", Map.of("userId", germany)).status())
        .isEqualTo(204);
    Answer complete = post(germany, "/engine-rest/task/" + task + "/complete", Map.of("variables", variables(
        "coSigns", "Boolean", true, "letter", "Json", ownLetter, "signOffDueAt", "String",
        "2020-01-01T00:00:00+01:00")));
    assertThat(complete.status()).as(complete.toString()).isEqualTo(400);
    assertThat(complete.json().path("fieldErrors").fieldNames()).toIterable()
        .containsExactlyInAnyOrder("letter", "signOffDueAt");
    assertThat(complete.json().path("fieldErrors").path("letter").asText())
        .isEqualTo("is not taken by the task \"Decide on co-signing — VM-ER-TAKEOVER (Belarus)\""
            + " (Task_DecideCoSigning), which takes only coSignComment, coSigns");

    JsonNode after = view(officer, "VM-ER-TAKEOVER");
    assertThat(after.path("leadDelegation").asText()).isEqualTo("GB");
    assertThat(taskId(after, "Task_DecideCoSigning")).isEqualTo(task);
    Object letter = runtimeService.getVariable(runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey("VM-ER-TAKEOVER").singleResult().getId(), "letter");
    assertThat(letter.toString()).doesNotContain("Germany's own concern");

    // Her own decision, with her contract's variables only, is taken.
    Answer decided = post(germany, "/engine-rest/task/" + task + "/complete", Map.of("variables",
        variables("coSigns", "Boolean", true)));
    assertThat(decided.status()).as(decided.toString()).isEqualTo(204);
  }

  /** No Java object of any type reaches the engine: neither a JSON-typed File nor a Java-serialized value. */
  @Test
  void objectValuesAre400AndChangeNothing() {
    String officer = TestUsers.officer(identityService, "GB");
    Answer started = post(officer, "/api/cases", Map.of("reference", "VM-ER-OBJECT", "leadDelegation", "GB",
        "addresseeState", "BY", "subject", "Objects"));
    String task = taskId(started.json(), "Task_DraftLetter");
    assertThat(post(officer, "/engine-rest/task/" + task + "/claim", Map.of("userId", officer)).status())
        .isEqualTo(204);
    Map<String, Object> file = Map.of("type", "Object", "value", "\"/etc/passwd\"", "valueInfo",
        Map.of("objectTypeName", "java.io.File", "serializationDataFormat", "application/json"));
    Answer complete = post(officer, "/engine-rest/task/" + task + "/complete", Map.of("variables",
        Map.of("signOffDueAt", file)));
    assertThat(complete.status()).as(complete.toString()).isEqualTo(400);
    assertThat(complete.json().path("fieldErrors").path("signOffDueAt").asText()).startsWith("is of type object");

    Map<String, Object> serialized = Map.of("type", "Object", "value", "rO0ABXQABHRlc3Q=", "valueInfo",
        Map.of("objectTypeName", "java.lang.String", "serializationDataFormat",
            "application/x-java-serialized-object"));
    Map<String, Object> variables = new LinkedHashMap<>(variables("leadDelegation", "String", "GB",
        "addresseeState", "String", "BY"));
    variables.put("subject", serialized);
    long instances = processInstances();
    Answer start = post(officer, START, start("VM-ER-SERIALIZED", variables));
    assertThat(start.status()).as(start.toString()).isEqualTo(400);
    assertThat(start.json().path("message").asText()).containsIgnoringCase("serializ");
    assertThat(processInstances()).isEqualTo(instances);
    assertThat(taskId(view(officer, "VM-ER-OBJECT"), "Task_DraftLetter")).isEqualTo(task);
  }

  /**
   * Over {@code /engine-rest} the start listener and the draft task apply the rules of the case API: a
   * State with a control character, a letter with a field it does not have or a response period that is
   * no whole number, a delegation invited twice, a date no case can have are each refused by name and
   * change nothing; spaces around a code and lower case are taken.
   */
  @Test
  void theStartAndTheDraftOverEngineRestFollowTheCaseApisRules() throws Exception {
    String officer = TestUsers.officer(identityService, "GB");
    long instances = processInstances();
    Answer nul = post(officer, START, start("VM-ER-NUL", variables("leadDelegation", "String", "GB\u0000",
        "addresseeState", "String", "BY", "subject", "String", "Test")));
    assertThat(nul.status()).as(nul.toString()).isEqualTo(400);
    assertThat(nul.json().path("fieldErrors").path("leadDelegation").asText())
        .contains("control character (U+0000)");
    assertThat(processInstances()).isEqualTo(instances);

    Answer spaces = post(officer, START, start("VM-ER-STRICT", variables("leadDelegation", "String", " GB ",
        "addresseeState", "String", "by", "subject", "String", "Strict drafts")));
    assertThat(spaces.status()).as(spaces.toString()).isEqualTo(200);
    JsonNode view = view(officer, "VM-ER-STRICT");
    assertThat(view.path("leadDelegation").asText()).isEqualTo("GB");
    assertThat(view.path("addresseeState").asText()).isEqualTo("BY");

    String task = taskId(view, "Task_DraftLetter");
    assertThat(post(officer, "/engine-rest/task/" + task + "/claim", Map.of("userId", officer)).status())
        .isEqualTo(204);
    ObjectNode letter =
        (ObjectNode) JSON.readTree(Fixtures.letterJson());
    ((ObjectNode) letter.path("concerns").path(0)).put("colour", "red");
    letter.put("responsePeriodDays", 10.5);
    Answer complete = post(officer, "/engine-rest/task/" + task + "/complete", Map.of("variables", variables(
        "letter", "Json", letter.toString(), "invitedDelegations", "Json", "[\"DE\",\"FR\",\"de\"]",
        "signOffDueAt", "String", "+99999-01-01T00:00:00+01:00")));
    assertThat(complete.status()).as(complete.toString()).isEqualTo(400);
    assertThat(complete.json().path("fieldErrors").fieldNames()).toIterable().containsExactlyInAnyOrder(
        "letter.concerns[0].colour", "letter.responsePeriodDays", "invitedDelegations[2]", "signOffDueAt");
    assertThat(complete.json().path("fieldErrors").path("letter.responsePeriodDays").asText())
        .isEqualTo("must be a whole number, not 10.5");
    assertThat(complete.json().path("fieldErrors").path("invitedDelegations[2]").asText())
        .contains("invites DE again");
    view = view(officer, "VM-ER-STRICT");
    assertThat(taskId(view, "Task_DraftLetter")).isEqualTo(task);
    assertThat(Case2021OverRestTest.events(view)).containsExactly("CASE_STARTED");
  }

  @Test
  void theWebappsKeepTheirOwnLoginAndTheCaseApiDoesNotReachIntoThem() throws Exception {
    String officer = TestUsers.officer(identityService, "GB");
    // Tasklist's own session login, with its CSRF token, as a browser does it.
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    HttpResponse<String> page = browser.send(HttpRequest.newBuilder(
        URI.create(url("/camunda/app/tasklist/default/"))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .findFirst().orElseThrow().getValue();
    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(
        URI.create(url("/camunda/api/admin/auth/user/default/login/tasklist")))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + officer + "&password="
            + TestUsers.password(officer))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    assertThat(login.body()).contains("\"userId\":\"" + officer + "\"");
    Answer webappApi = call("GET", "/camunda/api/admin/auth/user/default", null, null, null);
    assertThat(webappApi.contentType()).doesNotStartWith(PROBLEM_JSON);
    Answer docs = call("GET", "/v3/api-docs", null, null, null);
    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.json().path("paths").has("/api/cases")).isTrue();
    assertThat(docs.json().path("paths").has("/api/cases/{reference}/bilateral-meeting-requests")).isTrue();
    assertThat(docs.json().path("components").path("securitySchemes").has("basic")).isTrue();
    JsonNode startCase = docs.json().path("components").path("schemas").path("StartCase");
    assertThat(startCase.path("properties").path("letter").path("type").asText()).isEqualTo("object");
    assertThat(startCase.path("required")).extracting(JsonNode::asText)
        .containsExactlyInAnyOrder("reference", "leadDelegation", "addresseeState", "subject");
    assertThat(docs.json().path("info").path("description").asText()).contains("curl");
    assertThat(call("GET", "/swagger-ui/index.html", null, null, null).status()).isEqualTo(200);
  }

  private static Map<String, Object> start(String businessKey, Map<String, Object> variables) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("businessKey", businessKey);
    body.put("variables", variables);
    return body;
  }
}
