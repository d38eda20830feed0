package org.osce.vienna.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.osce.vienna.support.Fixtures;
import org.osce.vienna.support.TestUsers;

/**
 * Malformed and unauthorised requests to the case API: every one is answered 4xx as
 * application/problem+json naming what is wrong, none 5xx, and none creates or records anything.
 * Three cases stand ready: one being drafted, one awaiting its response, one closed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefusalsOverRestTest extends ApiTestSupport {

  static final String DRAFTING = "VM-REF-DRAFT";
  static final String AWAITING = "VM-REF-AWAIT";
  static final String CLOSED = "VM-REF-CLOSED";
  static final String OFFICER_GB = "t-officer-gb";
  static final String HEAD_GB = "t-head-gb";
  static final String OFFICER_DE = "t-officer-de";
  static final String OFFICER_RU = "t-officer-ru";
  static final String MANAGER = "t-manager";

  /** One refused request and what the answer must say. */
  record Refusal(String name, String method, String path, String user, String password, String body,
      int status, List<String> fields, String detail, String... headers) {

    @Override
    public String toString() {
      return name;
    }
  }

  @BeforeAll
  void casesInEachState() {
    TestUsers.officer(identityService, "GB");
    TestUsers.head(identityService, "GB");
    TestUsers.officer(identityService, "DE");
    TestUsers.head(identityService, "DE");
    TestUsers.officer(identityService, "RU");
    TestUsers.officer(identityService, "SE");
    TestUsers.manager(identityService);
    if (view(OFFICER_GB, CLOSED, true) != null) {
      return; // the context is shared: already set up
    }
    assertThat(post(OFFICER_GB, "/api/cases", start(DRAFTING, b -> b.putArray("invitedDelegations").add("DE")))
        .status()).isEqualTo(201);

    deliver(AWAITING);
    JsonNode view = deliver(CLOSED);
    // "No response" waits for the reply's deadline: the case to close gets its reply at once, judged as a whole.
    claimAndComplete(OFFICER_GB, taskId(view, "Task_RegisterResponse"), variables("responseReceived", "Boolean", true,
        "responseReceivedAt", "String", now(), "responseSummary", "String", "The Government rejects the letter."));
    view = await(OFFICER_GB, CLOSED, "assessment", statusAndTask("ASSESSMENT", "Task_AssessResponse"));
    List<Map<String, Object>> assessments = new ArrayList<>();
    for (int q = 1; q <= 8; q++) {
      assessments.add(Map.of("question", q, "assessment", "NOT_ANSWERED"));
    }
    claimAndComplete(OFFICER_GB, taskId(view, "Task_AssessResponse"), variables(
        "responseSubstantive", "Boolean", false, "questionAssessments", "Json", write(assessments)));
    view = await(OFFICER_GB, CLOSED, "follow-up", statusAndTask("FOLLOW_UP", "Task_DecideFollowUp"));
    claimAndComplete(HEAD_GB, taskId(view, "Task_DecideFollowUp"), variables("followUpActions", "Json", "[]"));
    await(OFFICER_GB, CLOSED, "closed", status("CLOSED"));
    await(OFFICER_GB, AWAITING, "settled", v -> v.path("timeline").findValues("event").stream()
        .anyMatch(e -> e.asText().equals("PARTICIPATING_STATES_INFORMED")));
  }

  private JsonNode view(String user, String reference, boolean mayBeMissing) {
    Answer answer = get(user, "/api/cases/" + reference);
    return answer.status() == 404 && mayBeMissing ? null : answer.json();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void isRefusedNamingWhatIsWrongAndChangesNothing(Refusal refusal) {
    long instances = processInstances();
    long cases = rows("vm_case");
    long timeline = rows("vm_timeline");
    long meetings = rows("vm_meeting");

    Answer answer = call(refusal.method(), refusal.path(), refusal.user(), refusal.password(), refusal.body(),
        refusal.headers());

    assertThat(answer.status()).as("%s: %s", refusal.name(), answer).isEqualTo(refusal.status());
    assertThat(answer.contentType()).as("%s: %s", refusal.name(), answer).startsWith(PROBLEM_JSON);
    JsonNode problem = answer.json();
    assertThat(problem.path("status").asInt()).isEqualTo(refusal.status());
    assertThat(problem.path("title").asText()).isNotBlank();
    assertThat(problem.path("detail").asText()).as("detail").contains(refusal.detail());
    for (String field : refusal.fields()) {
      assertThat(problem.path("fieldErrors").has(field)).as("%s names %s: %s", refusal.name(), field, problem)
          .isTrue();
      assertThat(problem.path("detail").asText()).contains(field);
    }
    assertThat(processInstances()).as("process instances").isEqualTo(instances);
    assertThat(rows("vm_case")).as("vm_case rows").isEqualTo(cases);
    assertThat(rows("vm_timeline")).as("vm_timeline rows").isEqualTo(timeline);
    assertThat(rows("vm_meeting")).as("vm_meeting rows").isEqualTo(meetings);
  }

  @Test
  void atLeastFortyRefusalsAreTried() {
    assertThat(refusals()).hasSizeGreaterThanOrEqualTo(40);
  }

  static List<Refusal> refusals() {
    List<Refusal> all = new ArrayList<>();
    String cases = "/api/cases";
    String valid = write(start("VM-REF-NEW", b -> { }));

    // Who calls
    all.add(new Refusal("anonymous list", "GET", cases, null, null, null, 401, List.of(), "authentication"));
    all.add(new Refusal("anonymous start", "POST", cases, null, null, valid, 401, List.of(), "authentication",
        "Content-Type", "application/json"));
    all.add(new Refusal("wrong password", "GET", cases, "t-officer-se", "wrong", null, 401, List.of(),
        "wrong password"));
    all.add(new Refusal("unknown user", "GET", cases, "nobody", "nobody", null, 401, List.of(), "wrong password"));
    all.add(new Refusal("malformed Authorization header", "GET", cases, null, null, null, 401, List.of(),
        "authentication", "Authorization", "Basic !!!not-base64"));

    // Whose case
    all.add(get("another delegation's case", OFFICER_RU, cases + "/" + AWAITING, 404, AWAITING));
    all.add(get("an unknown reference", OFFICER_GB, cases + "/VM-NO-SUCH-CASE", 404, "VM-NO-SUCH-CASE"));
    all.add(get("another delegation's letter", OFFICER_RU, cases + "/" + AWAITING + "/letter", 404, AWAITING));
    all.add(post("a response to another delegation's case", OFFICER_RU, cases + "/" + AWAITING + "/response",
        write(response(now())), 404, List.of(), AWAITING));
    all.add(post("a meeting request in another delegation's case", OFFICER_RU,
        cases + "/" + AWAITING + "/bilateral-meeting-requests", "{\"meetingRequestedBy\":\"RU\"}", 404, List.of(),
        AWAITING));
    all.add(post("a start for another lead delegation", OFFICER_DE, cases, valid, 403, List.of(), "delegation-gb"));
    all.add(post("a start by a manager", MANAGER, cases, valid, 403, List.of(), "delegation-gb"));
    all.add(post("a response reported by a co-signatory", OFFICER_DE, cases + "/" + AWAITING + "/response",
        write(response(now())), 403, List.of(), "lead delegation"));
    all.add(post("a response reported by a manager", MANAGER, cases + "/" + AWAITING + "/response",
        write(response(now())), 403, List.of(), "lead delegation"));
    all.add(post("a co-signatory asking in the addressee's name", OFFICER_DE,
        cases + "/" + AWAITING + "/bilateral-meeting-requests", "{\"meetingRequestedBy\":\"BY\"}", 403, List.of(),
        "DE"));

    // Start data. Each rule of the start's input contract is tested without HTTP (drafting.StartInputTest,
    // DraftInputTest, InvitationsTest, LetterReaderTest); here, one or two of each kind show how the case API
    // answers them.
    all.add(start("no reference", b -> b.remove("reference"), "reference"));
    all.add(post("an empty object", OFFICER_GB, cases, "{}", 400,
        List.of("reference", "leadDelegation", "addresseeState", "subject"), "Invalid start data"));
    all.add(start("an unknown field", b -> b.put("priority", "high"), "priority"));
    all.add(start("a misspelt field", b -> b.put("signOffDue", inDays(2)), "signOffDue"));
    all.add(start("a list as text", b -> b.put("invitedDelegations", "DE"), "invitedDelegations"));
    all.add(start("an object as the subject", b -> b.putObject("subject").put("en", "x"), "subject"));
    all.add(start("a letter that is not an object", b -> b.put("letter", "Dear Ambassador"), "letter"));
    all.add(start("a non-participating addressee (EU)", b -> b.put("addresseeState", "EU"), "addresseeState"));
    all.add(start("a non-participating invitee", b -> b.putArray("invitedDelegations").add("DE").add("EU"),
        "invitedDelegations[1]"));
    all.add(start("the addressee among the invited", b -> b.putArray("invitedDelegations").add("DE").add("BY"),
        "invitedDelegations[1]"));
    all.add(start("the lead as addressee", b -> b.put("addresseeState", "GB"), "addresseeState"));
    all.add(start("a reference with spaces and a slash", b -> b.put("reference", "VM 2021/01"), "reference"));
    all.add(start("a subject of 201 characters", b -> b.put("subject", "s".repeat(201)), "subject"));
    all.add(start("a sign-off deadline that is no date", b -> b.put("signOffDueAt", "tomorrow"), "signOffDueAt"));
    all.add(start("a sign-off deadline in the past", b -> b.put("signOffDueAt", "2021-11-03T18:00:00+01:00"),
        "signOffDueAt"));
    all.add(start("a letter addressed to another State", b -> {
      ObjectNode letter = letter();
      ((ObjectNode) letter.path("addressee")).put("state", "RU");
      b.set("letter", letter);
    }, "letter.addressee.state"));
    all.add(post("a body that is not JSON", OFFICER_GB, cases, "{\"reference\": ", 400, List.of(), "not valid JSON"));
    all.add(post("no body", OFFICER_GB, cases, null, 400, List.of(), "missing"));
    all.add(new Refusal("a body as text/plain", "POST", cases, OFFICER_GB, TestUsers.password(OFFICER_GB), valid,
        415, List.of(), "text/plain", "Content-Type", "text/plain"));
    all.add(post("a body of more than a megabyte", OFFICER_GB, cases,
        write(start("VM-REF-BIG", b -> b.put("subject", "x".repeat(1_100_000)))), 413, List.of(), "at most"));
    all.add(post("a reference already taken", OFFICER_GB, cases, write(start(DRAFTING, b -> { })), 409, List.of(),
        DRAFTING));

    // Responses
    String awaiting = cases + "/" + AWAITING + "/response";
    all.add(post("a response without date and summary", OFFICER_GB, awaiting, "{\"responseReference\":\"No. 1\"}",
        400, List.of("responseReceivedAt", "responseSummary"), "cannot be registered"));
    all.add(post("a response received in the future", OFFICER_GB, awaiting,
        write(response(OffsetDateTime.now(ZoneOffset.UTC).plusDays(2).toString())), 400,
        List.of("responseReceivedAt"), "future"));
    all.add(post("a response received before the delivery", OFFICER_GB, awaiting,
        write(response("2021-11-01T10:00:00+01:00")), 400, List.of("responseReceivedAt"), "delivered"));
    all.add(post("a response reference of 201 characters", OFFICER_GB, awaiting, write(Map.of(
        "responseReceivedAt", now(), "responseReference", "r".repeat(201), "responseSummary", "s")), 400,
        List.of("responseReference"), "200"));
    all.add(post("a response with an unknown field", OFFICER_GB, awaiting, write(Map.of(
        "responseReceivedAt", now(), "responseSummary", "s", "responseText", "t")), 400, List.of("responseText"),
        "not a field"));
    all.add(post("a response to a case still being drafted", OFFICER_GB, cases + "/" + DRAFTING + "/response",
        write(response(now())), 409, List.of(), "not been delivered"));
    all.add(post("another response to a closed case", OFFICER_GB, cases + "/" + CLOSED + "/response",
        write(response(now())), 409, List.of(), "is closed"));
    all.add(post("a response to an unknown case", OFFICER_GB, cases + "/VM-NO-SUCH-CASE/response",
        write(response(now())), 404, List.of(), "VM-NO-SUCH-CASE"));

    // Bilateral meetings
    String meetings = cases + "/" + AWAITING + "/bilateral-meeting-requests";
    all.add(post("a meeting asked for by a non-participating State", OFFICER_GB, meetings,
        "{\"meetingRequestedBy\":\"EU\"}", 400, List.of("meetingRequestedBy"), "EU"));
    all.add(post("a meeting asked for by a State not concerned", OFFICER_GB, meetings,
        "{\"meetingRequestedBy\":\"RU\"}", 400, List.of("meetingRequestedBy"), "neither the addressee"));
    all.add(post("a meeting asked for in the future", OFFICER_GB, meetings, write(Map.of("meetingRequestedBy", "BY",
        "meetingRequestedAt", OffsetDateTime.now(ZoneOffset.UTC).plusDays(2).toString())), 400,
        List.of("meetingRequestedAt"), "future"));
    all.add(post("a meeting asked for before the delivery", OFFICER_GB, meetings, write(Map.of(
        "meetingRequestedBy", "BY", "meetingRequestedAt", "2021-11-01T10:00:00+01:00")), 400,
        List.of("meetingRequestedAt"), "delivered"));
    all.add(post("a meeting request with a date that is no date", OFFICER_GB, meetings, write(Map.of(
        "meetingRequestedBy", "BY", "meetingRequestedAt", "15/11/2021")), 400, List.of("meetingRequestedAt"),
        "ISO-8601"));
    all.add(post("a meeting before delivery", OFFICER_GB, cases + "/" + DRAFTING + "/bilateral-meeting-requests",
        "{\"meetingRequestedBy\":\"BY\"}", 409, List.of(), "not been delivered"));
    all.add(post("a meeting after closing", OFFICER_GB, cases + "/" + CLOSED + "/bilateral-meeting-requests",
        "{\"meetingRequestedBy\":\"BY\"}", 409, List.of(), "closed"));

    // Queries and others
    all.add(get("a list of an unknown status", OFFICER_GB, cases + "?status=PENDING", 400, "status"));
    all.add(get("a list of a non-participating addressee", OFFICER_GB, cases + "?addresseeState=EU", 400,
        "addresseeState"));
    all.add(get("a list with an unknown parameter", OFFICER_GB, cases + "?lead=GB", 400, "lead"));
    all.add(get("a list's page below 0", OFFICER_GB, cases + "?page=-1", 400, "page"));
    all.add(get("a list's page not a number", OFFICER_GB, cases + "?page=second", 400, "page"));
    all.add(get("a list's page of no cases", OFFICER_GB, cases + "?size=0", 400, "size"));
    all.add(get("a list's page over 200 cases", OFFICER_GB, cases + "?size=201&status=CLOSED", 400, "size"));
    all.add(get("the letter of a case still being drafted", OFFICER_GB, cases + "/" + DRAFTING + "/letter", 404,
        "composed"));
    all.add(new Refusal("the letter as a Word file", "GET", cases + "/" + AWAITING + "/letter", OFFICER_GB,
        TestUsers.password(OFFICER_GB), null, 406, List.of(), "text/html", "Accept", "application/msword"));
    all.add(new Refusal("deleting a case", "DELETE", cases + "/" + DRAFTING, OFFICER_GB,
        TestUsers.password(OFFICER_GB), null, 405, List.of(), "DELETE"));
    all.add(get("an unknown path", OFFICER_GB, cases + "/" + DRAFTING + "/attachments", 404, "attachments"));

    // Media types: what the body is and what the answer may be
    String boundary = "----vm-boundary";
    all.add(new Refusal("a multipart/form-data body", "POST", cases, OFFICER_GB, TestUsers.password(OFFICER_GB),
        "--" + boundary + "\r\nContent-Disposition: form-data; name=\"reference\"\r\n\r\nVM-REF-NEW\r\n--" + boundary
            + "--\r\n", 415, List.of(), "multipart/form-data",
        "Content-Type", "multipart/form-data; boundary=" + boundary));
    all.add(new Refusal("a multipart/form-data body without its boundary", "POST", cases, OFFICER_GB,
        TestUsers.password(OFFICER_GB), "reference=VM-REF-NEW", 415, List.of(), "multipart/form-data",
        "Content-Type", "multipart/form-data"));
    all.add(new Refusal("a form body", "POST", cases, OFFICER_GB, TestUsers.password(OFFICER_GB),
        "reference=VM-REF-NEW", 415, List.of(), "application/json",
        "Content-Type", "application/x-www-form-urlencoded"));
    all.add(new Refusal("a case asked for as XML", "GET", cases + "/" + AWAITING, OFFICER_GB,
        TestUsers.password(OFFICER_GB), null, 406, List.of(), "application/json", "Accept", "application/xml"));
    all.add(new Refusal("an Accept header that is no media type", "GET", cases + "/" + AWAITING, OFFICER_GB,
        TestUsers.password(OFFICER_GB), null, 406, List.of(), "application/json", "Accept", "foo"));
    all.add(new Refusal("a start answered as HTML only", "POST", cases, OFFICER_GB, TestUsers.password(OFFICER_GB),
        valid, 406, List.of(), "application/json", "Content-Type", "application/json", "Accept", "text/html"));

    // JSON as written: no key twice, nothing after the object, the place of a syntax error
    all.add(post("a key given twice", OFFICER_GB, cases, "{\"reference\": \"VM-REF-NEW\", \"reference\": \"VM-REF-NEW2\","
        + " \"leadDelegation\": \"GB\", \"addresseeState\": \"BY\", \"subject\": \"Twice\"}", 400,
        List.of("reference"), "twice"));
    all.add(post("a key given twice inside the letter", OFFICER_GB, cases, valid.replaceFirst("\\}$",
        ", \"letter\": {\"closing\": \"Yours\", \"closing\": \"Sincerely\"}}"), 400, List.of("letter.closing"),
        "twice"));
    all.add(post("JSON broken on its second line", OFFICER_GB, cases, "{\"reference\": \"VM-REF-NEW\",\n"
        + " \"subject\": }", 400, List.of(), "line 2"));
    all.add(post("a second object after the body", OFFICER_GB, cases, valid + " {}", 400, List.of(),
        "goes on after"));

    // Types are not converted
    all.add(start("a number as the reference", b -> b.put("reference", 2021), "reference", "must be text"));
    all.add(start("true as the subject", b -> b.put("subject", true), "subject", "must be text"));
    all.add(start("a number as the lead delegation", b -> b.put("leadDelegation", 826), "leadDelegation",
        "must be text"));
    all.add(start("a number among the invited", b -> b.putArray("invitedDelegations").add(276),
        "invitedDelegations[0]", "must be text"));
    all.add(post("a number as the response summary", OFFICER_GB, awaiting, "{\"responseReceivedAt\": \"" + now()
        + "\", \"responseSummary\": 42}", 400, List.of("responseSummary"), "must be text"));
    all.add(post("a number as the State asking for a meeting", OFFICER_GB, meetings, "{\"meetingRequestedBy\": 112}",
        400, List.of("meetingRequestedBy"), "must be text"));
    all.add(start("a response period of 10.5 days", b -> b.set("letter", letter().put("responsePeriodDays", 10.5)),
        "letter.responsePeriodDays", "whole number"));
    all.add(start("a number as the letter's closing", b -> b.set("letter", letter().put("closing", 7)),
        "letter.closing", "must be text"));

    // State codes: spaces around are ignored, anything else is refused with the reason
    all.add(start("a lead delegation with a NUL", b -> b.put("leadDelegation", "GB\u0000"), "leadDelegation",
        "control character (U+0000)"));

    // Dates a case can have
    all.add(start("a sign-off deadline in the year 99999", b -> b.put("signOffDueAt", "+99999-11-03T18:00:00+01:00"),
        "signOffDueAt", "Helsinki Final Act"));
    all.add(start("a sign-off deadline ten years ahead", b -> b.put("signOffDueAt", OffsetDateTime.now(ZoneOffset.UTC)
        .plusYears(10).toString()), "signOffDueAt", "years from now"));
    all.add(post("a response received in 1900", OFFICER_GB, awaiting, write(response("1900-11-12T10:00:00+01:00")),
        400, List.of("responseReceivedAt"), "Helsinki Final Act"));
    all.add(post("a meeting asked for in the year 99999", OFFICER_GB, meetings, write(Map.of("meetingRequestedBy", "BY",
        "meetingRequestedAt", "+99999-11-15T11:00:00+01:00")), 400, List.of("meetingRequestedAt"),
        "Helsinki Final Act"));

    // Invitations: each delegation once
    all.add(start("a delegation invited twice", b -> b.putArray("invitedDelegations").add("DE").add("DE"),
        "invitedDelegations[1]", "invitedDelegations[0]"));

    // The letter's own fields
    all.add(start("an unknown field in a concern of the letter", b -> {
      ObjectNode letter = letter();
      ((ObjectNode) letter.path("concerns").path(0)).put("colour", "red");
      b.set("letter", letter);
    }, "letter.concerns[0].colour", "not a field of the letter"));
    all.add(post("unknown fields at several places of the letter", OFFICER_GB, cases, write(start("VM-REF-NEW", b -> {
      ObjectNode letter = letter();
      ((ObjectNode) letter.path("addressee")).put("email", "mission@example.org");
      letter.put("signature", "J. Smith");
      b.set("letter", letter);
    })), 400, List.of("letter.addressee.email", "letter.signature"), "not a field of the letter"));
    return all;
  }

  /**
   * Addresses Tomcat refuses before the application sees them, sent over a raw socket (HTTP clients
   * would normalise or refuse them): each is a 400 problem+json, not Tomcat's HTML page, and says
   * nothing about the server.
   */
  @Test
  void anAddressTheServerCannotReadIsAProblemAndNoHtml() throws Exception {
    long cases = rows("vm_case");
    for (String path : List.of("/api/cases/%00", "/api/cases/VM%2F2021", "/api/cases/VM%5C2021", "/api/cases/%ZZ",
        "/api/cases/VM 2021", "/engine-rest/process-instance/%00")) {
      String answer = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
      String head = answer.substring(0, answer.indexOf("\r\n\r\n"));
      String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
      assertThat(head).as("%s: %s", path, answer).startsWith("HTTP/1.1 400").containsIgnoringCase(
          "Content-Type: " + PROBLEM_JSON).doesNotContainIgnoringCase("Server:");
      assertThat(body).as(path).doesNotContainIgnoringCase("<html").doesNotContainIgnoringCase("tomcat")
          .doesNotContainIgnoringCase("apache");
      JsonNode problem = JSON.readTree(body.substring(body.indexOf('{'), body.lastIndexOf('}') + 1));
      assertThat(problem.path("status").asInt()).isEqualTo(400);
      assertThat(problem.path("title").asText()).isEqualTo("Bad Request");
      assertThat(problem.path("detail").asText()).contains("address");
    }
    assertThat(rows("vm_case")).isEqualTo(cases);
  }

  /** One request as written, over a plain socket; the whole answer as text. */
  private String raw(String request) throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Refusal get(String name, String user, String path, int status, String detail) {
    List<String> fields = status == 400 ? List.of(detail) : List.of();
    return new Refusal(name, "GET", path, user, TestUsers.password(user), null, status, fields, detail);
  }

  private static Refusal post(String name, String user, String path, String body, int status, List<String> fields,
      String detail) {
    return new Refusal(name, "POST", path, user, TestUsers.password(user), body, status, fields, detail,
        "Content-Type", "application/json");
  }

  private static Refusal start(String name, Consumer<ObjectNode> change, String field) {
    return start(name, change, field, field);
  }

  private static Refusal start(String name, Consumer<ObjectNode> change, String field, String detail) {
    return post(name, OFFICER_GB, "/api/cases", write(start("VM-REF-NEW", change)), 400, List.of(field), detail);
  }

  static ObjectNode start(String reference, Consumer<ObjectNode> change) {
    ObjectNode body = JSON.createObjectNode();
    body.put("reference", reference);
    body.put("leadDelegation", "GB");
    body.put("addresseeState", "BY");
    body.put("subject", "Human rights situation in Belarus");
    change.accept(body);
    return body;
  }

  static ObjectNode letter() {
    try {
      return (ObjectNode) JSON.readTree(Fixtures.letterJson());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, Object> response(String receivedAt) {
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("responseReceivedAt", receivedAt);
    response.put("responseReference", "No. 03-12/3456");
    response.put("responseSummary", "Belarus contests the invocation.");
    return response;
  }

  static String now() {
    return OffsetDateTime.now(ZoneOffset.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).toString();
  }

  static String inDays(int days) {
    return OffsetDateTime.now(ZoneOffset.ofHours(1)).plusDays(days).truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
