package org.osce.vienna.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.osce.vienna.casefile.Groups;
import org.osce.vienna.identity.DemoCase;
import org.osce.vienna.support.Fixtures;
import org.osce.vienna.support.H2ApplicationTest;
import org.osce.vienna.support.LoopbackHttp;
import org.osce.vienna.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code POST /api/past-invocations} over HTTP: the 2021 letter recorded as it happened counts in the
 * statistics as a reply on time after 8 days; bad input is refused naming each field, with nothing
 * recorded; a recorded case that had not ended goes on in the engine from where it stood.
 */
@H2ApplicationTest
class PastInvocationsOverRestTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PATH = "/api/past-invocations";
  /** The lead and the 34 delegations that signed with it. */
  static final List<String> SIGNATORIES_2021 = Stream.concat(Stream.of("GB"), Fixtures.CO_SIGNATORIES_2021.stream())
      .toList();

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  IdentityService identityService;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void the2021LetterRecordedAsItHappenedCountsAsAReplyOnTimeAfterEightDays() throws Exception {
    String manager = TestUsers.manager(identityService);
    JsonNode before = row2021(manager);

    ObjectNode body = the2021Letter("VM-2021-BY-REC-1");
    body.putArray("followUpActions").add("PERMANENT_COUNCIL_STATEMENT");
    body.put("closedAt", "2021-12-02T17:00:00+01:00");
    LoopbackHttp.Answer created = post(body, TestUsers.head(identityService, "GB"));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.header("Location")).isEqualTo("/api/cases/VM-2021-BY-REC-1");
    JsonNode view = JSON.readTree(created.body());
    assertThat(view.path("recorded").asBoolean()).isTrue();
    assertThat(view.path("status").asText()).isEqualTo("CLOSED");
    assertThat(view.path("signatories")).hasSize(35);
    assertThat(view.path("deliveredAt").asText()).isEqualTo("2021-11-04T12:00:00+01:00");
    assertThat(view.path("response").path("status").asText()).isEqualTo("ON_TIME");
    assertThat(view.path("openTasks")).isEmpty();
    assertThat(events(view)).containsExactly("LETTER_DELIVERED", "RESPONSE_RECEIVED", "RESPONSE_ASSESSED",
        "FOLLOW_UP_DECIDED", "CASE_CLOSED", "CASE_RECORDED");
    assertThat(view.path("timeline").get(1).path("at").asText()).isEqualTo("2021-11-12T12:00:00+01:00");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vm_notification WHERE case_reference = ?", Integer.class,
        "VM-2021-BY-REC-1")).as("no notices").isZero();

    JsonNode after = row2021(manager);
    assertThat(after.path("invocations").asInt()).isEqualTo(before.path("invocations").asInt() + 1);
    assertThat(after.path("repliesOnTime").asInt()).isEqualTo(before.path("repliesOnTime").asInt() + 1);
    assertThat(after.path("judgedSubstantive").asInt()).isEqualTo(before.path("judgedSubstantive").asInt());
    assertThat(after.path("followUps").path("PERMANENT_COUNCIL_STATEMENT").asInt())
        .isEqualTo(before.path("followUps").path("PERMANENT_COUNCIL_STATEMENT").asInt() + 1);
    // The recorded case alone, as its lead's officer of another delegation would not see it: 4 to 12 November.
    String officerGb = TestUsers.officer(identityService, "GB");
    assertThat(JSON.readTree(get("/api/cases/VM-2021-BY-REC-1", officerGb).body()).path("recorded").asBoolean())
        .isTrue();
    assertThat(after.path("medianDaysToReply").decimalValue()).isEqualByComparingTo("8");

    LoopbackHttp.Answer again = post(the2021Letter("VM-2021-BY-REC-1"), TestUsers.head(identityService, "GB"));
    assertThat(again.status()).as(again.toString()).isEqualTo(409);
  }

  @Test
  void aSupplementaryReplyIsRecordedWithItsAssessmentAndCountedApart() throws Exception {
    String manager = TestUsers.manager(identityService);
    JsonNode before = row2021(manager);
    ObjectNode body = the2021Letter("VM-2021-BY-REC-TWO");
    ObjectNode second = ((ArrayNode) body.path("responses")).addObject();
    second.put("receivedAt", "2021-11-30T10:00:00+01:00");
    second.put("reference", "No. 09-12/400");
    second.put("summary", "Belarus answers the first question.");
    second.put("substantive", true);
    ArrayNode assessments = second.putArray("questionAssessments");
    for (int q = 1; q <= body.path("letter").path("questions").size(); q++) {
      assessments.addObject().put("question", q).put("assessment", q == 1 ? "ANSWERED" : "NOT_ANSWERED");
    }
    body.put("closedAt", "2021-12-02T17:00:00+01:00");

    LoopbackHttp.Answer created = post(body, TestUsers.head(identityService, "GB"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode view = JSON.readTree(created.body());
    assertThat(view.path("response").path("status").asText()).isEqualTo("ON_TIME");
    assertThat(view.path("responses")).hasSize(2);
    JsonNode supplementary = view.path("responses").get(1);
    assertThat(supplementary.path("supplementary").asBoolean()).isTrue();
    assertThat(supplementary.path("status").asText()).isEqualTo("LATE");
    assertThat(supplementary.path("daysLate").asInt()).isEqualTo(16);
    assertThat(supplementary.path("substantive").asBoolean()).isTrue();
    assertThat(supplementary.path("questionAssessments").get(0).path("assessment").asText()).isEqualTo("ANSWERED");
    assertThat(view.path("responses").get(0).path("substantive").asBoolean(true)).isFalse();

    JsonNode after = row2021(manager);
    assertThat(after.path("invocations").asInt()).isEqualTo(before.path("invocations").asInt() + 1);
    assertThat(after.path("repliesOnTime").asInt()).isEqualTo(before.path("repliesOnTime").asInt() + 1);
    assertThat(after.path("repliesLate").asInt()).isEqualTo(before.path("repliesLate").asInt());
    assertThat(after.path("supplementaryReplies").asInt())
        .isEqualTo(before.path("supplementaryReplies").asInt() + 1);

    // A supplementary reply without its assessment, or listed before the first, is refused; nothing recorded.
    ObjectNode bad = the2021Letter("VM-2021-BY-REC-TWO-BAD");
    ((ArrayNode) bad.path("responses")).addObject().put("receivedAt", "2021-11-10T10:00:00+01:00")
        .put("summary", "Earlier than the first");
    LoopbackHttp.Answer refused = post(bad, TestUsers.head(identityService, "GB"));
    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    JsonNode errors = JSON.readTree(refused.body()).path("fieldErrors");
    assertThat(errors.path("responses[1].substantive").asText()).contains("recorded with its assessment");
    assertThat(errors.path("responses[1].receivedAt").asText()).contains("before the reply listed before it");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vm_case WHERE reference = ?", Integer.class,
        "VM-2021-BY-REC-TWO-BAD")).isZero();
  }

  @Test
  void badInputIsRefusedNamingEachFieldAndNothingIsRecorded() throws Exception {
    ObjectNode body = the2021Letter("VM-2021-BY-REC-BAD");
    body.putArray("signatories").add("DE").add("BY").add("XX");
    ObjectNode reply = (ObjectNode) body.path("responses").get(0);
    reply.put("receivedAt", "2021-11-01T10:00:00+01:00");
    ((ArrayNode) reply.path("questionAssessments")).removeAll();
    body.putArray("followUpActions").add("PRAYER");
    body.put("closedAt", OffsetDateTime.now(ZoneOffset.UTC).plusDays(3).toString());
    body.put("deliverdAt", "2021-11-04T12:00:00+01:00");

    LoopbackHttp.Answer refused = post(body, TestUsers.head(identityService, "GB"));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    JsonNode errors = JSON.readTree(refused.body()).path("fieldErrors");
    assertThat(errors.path("signatories[1]").asText()).contains("addressee");
    assertThat(errors.path("signatories[2]").asText()).contains("'XX'");
    assertThat(errors.path("responses[0].receivedAt").asText()).contains("before the letter was delivered");
    assertThat(errors.path("responses[0].questionAssessments").asText()).contains("must assess every question");
    assertThat(errors.path("followUpActions").asText()).contains("'PRAYER'");
    assertThat(errors.path("closedAt").asText()).contains("in the future");
    assertThat(errors.path("deliverdAt").asText()).contains("is not a field");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vm_case WHERE reference = ?", Integer.class,
        "VM-2021-BY-REC-BAD")).isZero();

    ObjectNode byAnOfficer = the2021Letter("VM-2021-BY-REC-OFFICER");
    assertThat(post(byAnOfficer, TestUsers.officer(identityService, "GB")).status()).as("an officer").isEqualTo(403);
    assertThat(post(byAnOfficer, TestUsers.head(identityService, "DE")).status()).as("a co-signatory").isEqualTo(403);
    assertThat(post(byAnOfficer, TestUsers.manager(identityService)).status()).as("a manager").isEqualTo(403);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vm_case WHERE reference LIKE 'VM-2021-BY-REC-OFFICER'",
        Integer.class)).isZero();
  }

  @Test
  void aRecordedCaseDeliveredAndUnansweredWaitsForTheReplyAndItsPassedDeadlineRuns() throws Exception {
    ObjectNode body = the2021Letter("VM-2021-BY-REC-OPEN");
    body.remove("responses");
    TestUsers.ensure(identityService, "t-admin", Groups.ADMINS);
    LoopbackHttp.Answer created = post(body, "t-admin");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode view = JSON.readTree(created.body());
    assertThat(view.path("status").asText()).isEqualTo("AWAITING_RESPONSE");
    assertThat(view.path("responseDueAt").asText()).isEqualTo("2021-11-14T23:59:59.999+01:00");
    assertThat(view.path("openTasks").get(0).path("taskDefinitionKey").asText()).isEqualTo("Task_RegisterResponse");
    assertThat(view.path("openTasks").get(0).path("candidateGroup").asText()).isEqualTo("delegation-gb");

    // The deadline of 14 November 2021 has long passed: its timer is due at once.
    String instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey("VM-2021-BY-REC-OPEN").singleResult().getId();
    ManagementService management = engine.getManagementService();
    for (int round = 0; round < 10; round++) {
      List<Job> due = management.createJobQuery().processInstanceId(instance).executable().list();
      due.forEach(job -> management.executeJob(job.getId()));
    }
    JsonNode later = JSON.readTree(get("/api/cases/VM-2021-BY-REC-OPEN", TestUsers.officer(identityService, "GB"))
        .body());
    assertThat(events(later)).contains("RESPONSE_DEADLINE_PASSED");
    assertThat(later.path("response").path("status").asText()).isEqualTo("PENDING");
    assertThat(later.path("openTasks").get(0).path("taskDefinitionKey").asText()).isEqualTo("Task_RegisterResponse");

    // A recorded reply not yet assessed waits at the assessment.
    ObjectNode replied = the2021Letter("VM-2021-BY-REC-ASSESS");
    ObjectNode reply = (ObjectNode) replied.path("responses").get(0);
    reply.remove("substantive");
    reply.remove("questionAssessments");
    JsonNode atAssessment = JSON.readTree(post(replied, "t-admin").body());
    assertThat(atAssessment.path("status").asText()).isEqualTo("ASSESSMENT");
    assertThat(atAssessment.path("openTasks").get(0).path("taskDefinitionKey").asText())
        .isEqualTo("Task_AssessResponse");
  }

  @Test
  void theSameCaseRecordedTwiceAtOnceIsRecordedOnceAndTheOtherRefusedWithNothingLeft() throws Exception {
    ObjectNode body = the2021Letter("VM-2021-BY-REC-TWICE");
    body.remove("responses");
    String head = TestUsers.head(identityService, "GB");
    ExecutorService two = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch ready = new CountDownLatch(2);
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        answers.add(two.submit(() -> {
          ready.countDown();
          ready.await();
          return post(body, head).status();
        }));
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> answer : answers) {
        statuses.add(answer.get(60, TimeUnit.SECONDS));
      }
      assertThat(statuses).containsExactlyInAnyOrder(201, 409);
    } finally {
      two.shutdownNow();
    }
    // One case, one process instance, one set of signatories, one timeline: the refused one left nothing.
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey("VM-2021-BY-REC-TWICE").count()).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vm_signatory WHERE case_reference = ?", Integer.class,
        "VM-2021-BY-REC-TWICE")).isEqualTo(SIGNATORIES_2021.size());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vm_timeline WHERE case_reference = ? AND event = ?",
        Integer.class, "VM-2021-BY-REC-TWICE", "CASE_RECORDED")).isEqualTo(1);
  }

  @Test
  void theDemosRecorded2021CaseWaitsForTheFollowUpDecisionOfTheLeadsHeads() throws Exception {
    JsonNode view = JSON.readTree(get("/api/cases/" + DemoCase.PAST_REFERENCE, TestUsers.head(identityService, "GB"))
        .body());
    assertThat(view.path("recorded").asBoolean()).isTrue();
    assertThat(view.path("status").asText()).isEqualTo("FOLLOW_UP");
    assertThat(view.path("response").path("status").asText()).isEqualTo("ON_TIME");
    assertThat(view.path("openTasks")).singleElement().satisfies(task -> {
      assertThat(task.path("taskDefinitionKey").asText()).isEqualTo("Task_DecideFollowUp");
      assertThat(task.path("candidateGroup").asText()).isEqualTo("heads-gb");
      assertThat(task.path("name").asText()).isEqualTo("Decide on follow-up — VM-2021-BY-PAST (Belarus)");
    });
    // The live demo case keeps its reference and its own start.
    assertThat(JSON.readTree(get("/api/cases/" + DemoCase.REFERENCE, TestUsers.head(identityService, "GB")).body())
        .path("recorded").asBoolean()).isFalse();
  }

  /** The letter of 4 November 2021 by its 35 signatories, answered on 12 November and judged not substantive. */
  static ObjectNode the2021Letter(String reference) throws Exception {
    ObjectNode body = JSON.createObjectNode();
    body.put("reference", reference);
    body.put("leadDelegation", "GB");
    body.put("addresseeState", "BY");
    body.put("subject", "Human rights situation in Belarus (joint letter of 4 November 2021)");
    try (InputStream in = PastInvocationsOverRestTest.class.getResourceAsStream("/demo/letter-2021-11-04-belarus.json")) {
      body.set("letter", JSON.readTree(in));
    }
    ArrayNode signatories = body.putArray("signatories");
    SIGNATORIES_2021.forEach(signatories::add);
    body.put("deliveredAt", "2021-11-04T12:00:00+01:00");
    ObjectNode reply = body.putArray("responses").addObject();
    reply.put("receivedAt", "2021-11-12T12:00:00+01:00");
    reply.put("summary", "Belarus rejects the invocation.");
    reply.put("substantive", false);
    ArrayNode assessments = reply.putArray("questionAssessments");
    for (int q = 1; q <= body.path("letter").path("questions").size(); q++) {
      assessments.addObject().put("question", q).put("assessment", "NOT_ANSWERED");
    }
    return body;
  }

  private JsonNode row2021(String user) throws Exception {
    JsonNode rows = JSON.readTree(get("/api/statistics?addresseeState=BY&year=2021", user).body()).path("rows");
    return rows.isEmpty() ? JSON.readTree("{\"invocations\":0,\"repliesOnTime\":0,\"judgedSubstantive\":0}")
        : rows.get(0);
  }

  private static List<String> events(JsonNode view) {
    List<String> events = new ArrayList<>();
    view.path("timeline").forEach(entry -> events.add(entry.path("event").asText()));
    return events;
  }

  private LoopbackHttp.Answer post(JsonNode body, String user) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", LoopbackHttp.basic(user, TestUsers.password(user)));
    headers.put("Content-Type", "application/json");
    return new LoopbackHttp("127.0.0.1", port).send("POST", PATH, headers, body.toString());
  }

  private LoopbackHttp.Answer get(String path, String user) {
    return new LoopbackHttp("127.0.0.1", port).send("GET", path,
        Map.of("Authorization", LoopbackHttp.basic(user, TestUsers.password(user))), null);
  }
}
