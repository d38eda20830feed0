package org.osce.vienna.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osce.vienna.engine.ProcessConstants.*;
import static org.osce.vienna.support.CaseDriver.head;
import static org.osce.vienna.support.CaseDriver.json;
import static org.osce.vienna.support.CaseDriver.jsonList;
import static org.osce.vienna.support.CaseDriver.officer;
import static org.osce.vienna.support.CaseDriver.vars;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.casefile.CaseStatus;
import org.osce.vienna.casefile.Documents;
import org.osce.vienna.casefile.Replies;
import org.osce.vienna.signoff.Signatories;
import org.osce.vienna.support.CaseDriver;
import org.osce.vienna.support.Fixtures;
import org.osce.vienna.support.H2ApplicationTest;
import org.osce.vienna.support.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Who may do what, over {@code /engine-rest} as Tasklist, Cockpit and systems call it, with the demo's
 * users: every role against every action on a case led by the United Kingdom (GB) to Belarus, to
 * which Germany (DE) is invited. The table is the design; each row runs on a case of its own.
 */
@H2ApplicationTest
class AuthorizationMatrixTest {

  /** The roles, each a demo user (password = user id). */
  enum Role {
    OFFICER_OF_LEAD("officer-gb"),
    HEAD_OF_LEAD("head-gb"),
    OFFICER_OF_OTHER_DELEGATION("officer-se"),
    HEAD_OF_INVITED_DELEGATION("head-de"),
    /** Sweden's head: neither leading nor invited, but a head of delegation who may join a letter. */
    HEAD_OF_OTHER_DELEGATION("head-se"),
    /** Belarus's head: the addressee, which never co-signs and does not learn of a letter before it is delivered. */
    HEAD_OF_ADDRESSEE("head-by"),
    MANAGER("manager"),
    ADMIN("demo"),
    ANONYMOUS(null);

    final String user;

    Role(String user) {
      this.user = user;
    }
  }

  enum Action {
    /** GET the lead's open task (Draft the letter). */
    SEE_LEAD_TASK,
    /** Claim it. */
    CLAIM_LEAD_TASK,
    /** Complete it with a valid draft. */
    COMPLETE_LEAD_TASK,
    /** GET Germany's task of the sign-off round (Decide on co-signing). */
    SEE_INVITED_TASK,
    /** Start a case led by GB. */
    START_CASE_OF_LEAD,
    /** The case's history (historic process instance by business key). */
    READ_HISTORY,
    /** Administer: create a user. */
    CREATE_USER,
    /** With the Tasklist login in the browser's session: the letter as it will read (the co-signing form's link). */
    API_READ_LETTER_WITH_WEBAPP_LOGIN,
    /** With the Tasklist login in the browser's session: the case file PDF (as the Cockpit plugin would link it). */
    API_READ_CASE_FILE_WITH_WEBAPP_LOGIN,
    /** GET a document of the case (added by the lead's officer), with HTTP Basic. */
    API_READ_DOCUMENT,
    /** The same with the Tasklist login in the browser's session (as the Cockpit plugin's download link). */
    API_READ_DOCUMENT_WITH_WEBAPP_LOGIN,
    /** GET /api/statistics (each role counts the cases it may see: StatisticsOverRestTest). */
    READ_STATISTICS,
    /** GET /actuator/prometheus, the operators' gauges. */
    READ_METRICS
  }

  enum Outcome { ALLOWED, DENIED }

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ProcessEngine engine;
  @Autowired
  CaseRecords cases;
  @Autowired
  Documents documents;
  @Autowired
  Signatories signatories;
  @Autowired
  Replies replies;

  static final AtomicInteger CASES = new AtomicInteger();
  static final ObjectMapper JSON = new ObjectMapper();
  CaseDriver driver;

  @BeforeEach
  void setUp() {
    driver = new CaseDriver(engine);
  }

  @ParameterizedTest(name = "{0} may {1}: {2}")
  @CsvSource(delimiter = '|', textBlock = """
      # role                       | action             | outcome
      # (API_READ_LETTER_WITH_WEBAPP_LOGIN: the case API's rules of who sees what hold for the webapps' login too.)
      OFFICER_OF_LEAD              | SEE_LEAD_TASK      | ALLOWED
      OFFICER_OF_LEAD              | CLAIM_LEAD_TASK    | ALLOWED
      OFFICER_OF_LEAD              | COMPLETE_LEAD_TASK | ALLOWED
      OFFICER_OF_LEAD              | SEE_INVITED_TASK   | DENIED
      OFFICER_OF_LEAD              | START_CASE_OF_LEAD | ALLOWED
      OFFICER_OF_LEAD              | READ_HISTORY       | DENIED
      OFFICER_OF_LEAD              | CREATE_USER        | DENIED
      OFFICER_OF_LEAD              | API_READ_LETTER_WITH_WEBAPP_LOGIN | ALLOWED
      OFFICER_OF_LEAD              | API_READ_CASE_FILE_WITH_WEBAPP_LOGIN | ALLOWED
      OFFICER_OF_LEAD              | API_READ_DOCUMENT  | ALLOWED
      OFFICER_OF_LEAD              | API_READ_DOCUMENT_WITH_WEBAPP_LOGIN | ALLOWED
      OFFICER_OF_LEAD              | READ_STATISTICS    | ALLOWED
      OFFICER_OF_LEAD              | READ_METRICS       | DENIED

      HEAD_OF_LEAD                 | SEE_LEAD_TASK      | ALLOWED
      HEAD_OF_LEAD                 | CLAIM_LEAD_TASK    | ALLOWED
      HEAD_OF_LEAD                 | COMPLETE_LEAD_TASK | ALLOWED
      HEAD_OF_LEAD                 | SEE_INVITED_TASK   | DENIED
      HEAD_OF_LEAD                 | START_CASE_OF_LEAD | ALLOWED
      HEAD_OF_LEAD                 | READ_HISTORY       | DENIED
      HEAD_OF_LEAD                 | CREATE_USER        | DENIED
      HEAD_OF_LEAD                 | API_READ_LETTER_WITH_WEBAPP_LOGIN | ALLOWED
      HEAD_OF_LEAD                 | API_READ_CASE_FILE_WITH_WEBAPP_LOGIN | ALLOWED
      HEAD_OF_LEAD                 | API_READ_DOCUMENT  | ALLOWED
      HEAD_OF_LEAD                 | API_READ_DOCUMENT_WITH_WEBAPP_LOGIN | ALLOWED
      HEAD_OF_LEAD                 | READ_STATISTICS    | ALLOWED
      HEAD_OF_LEAD                 | READ_METRICS       | DENIED

      # Sweden: neither leading nor invited. It may start cases, but only its own (400 from the start listener).
      OFFICER_OF_OTHER_DELEGATION  | SEE_LEAD_TASK      | DENIED
      OFFICER_OF_OTHER_DELEGATION  | CLAIM_LEAD_TASK    | DENIED
      OFFICER_OF_OTHER_DELEGATION  | COMPLETE_LEAD_TASK | DENIED
      OFFICER_OF_OTHER_DELEGATION  | SEE_INVITED_TASK   | DENIED
      OFFICER_OF_OTHER_DELEGATION  | START_CASE_OF_LEAD | DENIED
      OFFICER_OF_OTHER_DELEGATION  | READ_HISTORY       | DENIED
      OFFICER_OF_OTHER_DELEGATION  | CREATE_USER        | DENIED
      OFFICER_OF_OTHER_DELEGATION  | API_READ_LETTER_WITH_WEBAPP_LOGIN | DENIED
      OFFICER_OF_OTHER_DELEGATION  | API_READ_CASE_FILE_WITH_WEBAPP_LOGIN | DENIED
      OFFICER_OF_OTHER_DELEGATION  | API_READ_DOCUMENT  | DENIED
      OFFICER_OF_OTHER_DELEGATION  | API_READ_DOCUMENT_WITH_WEBAPP_LOGIN | DENIED
      OFFICER_OF_OTHER_DELEGATION  | READ_STATISTICS    | ALLOWED
      OFFICER_OF_OTHER_DELEGATION  | READ_METRICS       | DENIED

      # Germany's head: her own decision only.
      HEAD_OF_INVITED_DELEGATION   | SEE_LEAD_TASK      | DENIED
      HEAD_OF_INVITED_DELEGATION   | CLAIM_LEAD_TASK    | DENIED
      HEAD_OF_INVITED_DELEGATION   | COMPLETE_LEAD_TASK | DENIED
      HEAD_OF_INVITED_DELEGATION   | SEE_INVITED_TASK   | ALLOWED
      HEAD_OF_INVITED_DELEGATION   | START_CASE_OF_LEAD | DENIED
      HEAD_OF_INVITED_DELEGATION   | READ_HISTORY       | DENIED
      HEAD_OF_INVITED_DELEGATION   | CREATE_USER        | DENIED
      HEAD_OF_INVITED_DELEGATION   | API_READ_LETTER_WITH_WEBAPP_LOGIN | ALLOWED
      HEAD_OF_INVITED_DELEGATION   | API_READ_CASE_FILE_WITH_WEBAPP_LOGIN | ALLOWED
      HEAD_OF_INVITED_DELEGATION   | API_READ_DOCUMENT  | ALLOWED
      HEAD_OF_INVITED_DELEGATION   | API_READ_DOCUMENT_WITH_WEBAPP_LOGIN | ALLOWED
      HEAD_OF_INVITED_DELEGATION   | READ_STATISTICS    | ALLOWED
      HEAD_OF_INVITED_DELEGATION   | READ_METRICS       | DENIED

      # Managers read everything and change nothing.
      MANAGER                      | SEE_LEAD_TASK      | ALLOWED
      MANAGER                      | CLAIM_LEAD_TASK    | DENIED
      MANAGER                      | COMPLETE_LEAD_TASK | DENIED
      MANAGER                      | SEE_INVITED_TASK   | ALLOWED
      MANAGER                      | START_CASE_OF_LEAD | DENIED
      MANAGER                      | READ_HISTORY       | ALLOWED
      MANAGER                      | CREATE_USER        | DENIED
      MANAGER                      | API_READ_LETTER_WITH_WEBAPP_LOGIN | ALLOWED
      MANAGER                      | API_READ_CASE_FILE_WITH_WEBAPP_LOGIN | ALLOWED
      MANAGER                      | API_READ_DOCUMENT  | ALLOWED
      MANAGER                      | API_READ_DOCUMENT_WITH_WEBAPP_LOGIN | ALLOWED
      MANAGER                      | READ_STATISTICS    | ALLOWED
      MANAGER                      | READ_METRICS       | ALLOWED

      ADMIN                        | SEE_LEAD_TASK      | ALLOWED
      ADMIN                        | CLAIM_LEAD_TASK    | ALLOWED
      ADMIN                        | COMPLETE_LEAD_TASK | ALLOWED
      ADMIN                        | SEE_INVITED_TASK   | ALLOWED
      ADMIN                        | START_CASE_OF_LEAD | ALLOWED
      ADMIN                        | READ_HISTORY       | ALLOWED
      ADMIN                        | CREATE_USER        | ALLOWED
      ADMIN                        | API_READ_LETTER_WITH_WEBAPP_LOGIN | ALLOWED
      ADMIN                        | API_READ_CASE_FILE_WITH_WEBAPP_LOGIN | ALLOWED
      ADMIN                        | API_READ_DOCUMENT  | ALLOWED
      ADMIN                        | API_READ_DOCUMENT_WITH_WEBAPP_LOGIN | ALLOWED
      ADMIN                        | READ_STATISTICS    | ALLOWED
      ADMIN                        | READ_METRICS       | ALLOWED

      # Nobody calls anonymously (401).
      ANONYMOUS                    | SEE_LEAD_TASK      | DENIED
      ANONYMOUS                    | CLAIM_LEAD_TASK    | DENIED
      ANONYMOUS                    | COMPLETE_LEAD_TASK | DENIED
      ANONYMOUS                    | SEE_INVITED_TASK   | DENIED
      ANONYMOUS                    | START_CASE_OF_LEAD | DENIED
      ANONYMOUS                    | READ_HISTORY       | DENIED
      ANONYMOUS                    | CREATE_USER        | DENIED
      ANONYMOUS                    | API_READ_LETTER_WITH_WEBAPP_LOGIN | DENIED
      ANONYMOUS                    | API_READ_CASE_FILE_WITH_WEBAPP_LOGIN | DENIED
      ANONYMOUS                    | API_READ_DOCUMENT  | DENIED
      ANONYMOUS                    | API_READ_DOCUMENT_WITH_WEBAPP_LOGIN | DENIED
      ANONYMOUS                    | READ_STATISTICS    | DENIED
      ANONYMOUS                    | READ_METRICS       | DENIED
      """)
  void matrix(Role role, Action action, Outcome expected) {
    Outcome actual = switch (action) {
      case SEE_LEAD_TASK -> byStatus(call(role, HttpMethod.GET, "/engine-rest/task/" + leadTask(newCase()), null));
      case CLAIM_LEAD_TASK -> {
        String task = leadTask(newCase());
        Outcome outcome = byStatus(call(role, HttpMethod.POST, "/engine-rest/task/" + task + "/claim",
            Map.of("userId", role.user == null ? "officer-gb" : role.user)));
        assertThat(engine.getTaskService().createTaskQuery().taskId(task).singleResult().getAssignee())
            .isEqualTo(outcome == Outcome.ALLOWED ? role.user : null);
        yield outcome;
      }
      case COMPLETE_LEAD_TASK -> {
        ProcessInstance pi = newCase();
        Outcome outcome = byStatus(call(role, HttpMethod.POST, "/engine-rest/task/" + leadTask(pi) + "/complete",
            Map.of("variables", Map.of(
                LETTER, Map.of("type", "Json", "value", Fixtures.letterJson()),
                INVITED_DELEGATIONS, Map.of("type", "Json", "value", "[\"DE\"]"),
                SIGN_OFF_DUE_AT, Map.of("type", "String", "value", CaseDriver.inDays(5))))));
        assertThat(driver.tasks(pi, TASK_APPROVE_DRAFT)).hasSize(outcome == Outcome.ALLOWED ? 1 : 0);
        yield outcome;
      }
      case SEE_INVITED_TASK -> byStatus(call(role, HttpMethod.GET, "/engine-rest/task/" + germanysTask(), null));
      case START_CASE_OF_LEAD -> {
        String reference = "VM-MATRIX-START-" + CASES.incrementAndGet();
        Outcome outcome = byStatus(call(role, HttpMethod.POST,
            "/engine-rest/process-definition/key/" + PROCESS_KEY + "/start", Map.of("businessKey", reference,
                "variables", Map.of(LEAD_DELEGATION, Map.of("value", "GB"), ADDRESSEE_STATE, Map.of("value", "BY"),
                    SUBJECT, Map.of("value", "Human rights in Belarus")))));
        // A refused start leaves nothing behind.
        assertThat(cases.exists(reference)).isEqualTo(outcome == Outcome.ALLOWED);
        yield outcome;
      }
      case READ_HISTORY -> {
        ProcessInstance pi = newCase();
        ResponseEntity<String> response = call(role, HttpMethod.GET,
            "/engine-rest/history/process-instance?processInstanceBusinessKey=" + pi.getBusinessKey(), null);
        // The engine filters history by permission: an empty list is a refusal.
        yield response.getStatusCode().is2xxSuccessful() && read(response).size() == 1 ? Outcome.ALLOWED
            : Outcome.DENIED;
      }
      case CREATE_USER -> {
        String id = "new-user-" + CASES.incrementAndGet();
        Outcome outcome = byStatus(call(role, HttpMethod.POST, "/engine-rest/user/create", Map.of(
            "profile", Map.of("id", id, "firstName", "New", "lastName", "User", "email", id + "@example.org"),
            "credentials", Map.of("password", id + "-secret-1"))));
        assertThat(engine.getIdentityService().createUserQuery().userId(id).count())
            .isEqualTo(outcome == Outcome.ALLOWED ? 1 : 0);
        yield outcome;
      }
      case API_READ_LETTER_WITH_WEBAPP_LOGIN -> byStatus(webapp(role).send("GET",
          "/api/cases/" + caseAtSignOff().getBusinessKey() + "/letter/preview", null, false));
      case API_READ_CASE_FILE_WITH_WEBAPP_LOGIN -> byStatus(webapp(role).send("GET",
          "/api/cases/" + caseAtSignOff().getBusinessKey() + "/file", null, false));
      case API_READ_DOCUMENT -> byStatus(call(role, HttpMethod.GET, documentOfTheLead(), null));
      case API_READ_DOCUMENT_WITH_WEBAPP_LOGIN -> byStatus(webapp(role).send("GET", documentOfTheLead(), null, false));
      case READ_STATISTICS -> byStatus(call(role, HttpMethod.GET, "/api/statistics", null));
      case READ_METRICS -> byStatus(call(role, HttpMethod.GET, "/actuator/prometheus", null));
    };
    assertThat(actual).as("%s (%s) may %s", role, role.user, action).isEqualTo(expected);
  }

  /**
   * Every write path over {@code /engine-rest} and the case API, for every role: which roles may, the
   * others are refused (401, 403, 404 or 400) and the case is left as it was. Columns: officer of the
   * lead (GB), head of the lead, officer of an uninvited delegation (SE), head of the invited
   * delegation (DE), manager, administrator, anonymous. The case API's writes are tried with HTTP Basic,
   * as systems call, and with the webapps' login (the session and its CSRF token), which only reads, except a
   * document attached from a Tasklist form (with the token; without it, refused).
   */
  static final String WRITES = """
      # action                              | OL | HL | OO | HI | MA | AD | AN
      SET_CASE_VARIABLE_THROUGH_INVITED_TASK | -  | -  | -  | -  | -  | -  | -
      SET_LOCAL_VARIABLE_OF_INVITED_TASK     | -  | -  | -  | -  | -  | -  | -
      DELETE_CASE_VARIABLE_THROUGH_LEAD_TASK | -  | -  | -  | -  | -  | -  | -
      COMPLETE_INVITED_TASK                  | -  | -  | -  | +  | -  | +  | -
      # A meeting is arranged by the delegation whose State it is with on the invoking side.
      ARRANGE_MEETING_ASKED_BY_CO_SIGNATORY  | -  | -  | -  | +  | -  | +  | -
      ARRANGE_MEETING_ASKED_BY_ADDRESSEE     | +  | +  | -  | -  | -  | +  | -
      COMPLETE_INVITED_TASK_WITH_FOREIGN_VAR | -  | -  | -  | -  | -  | -  | -
      COMPLETE_WITH_OBJECT_VALUE             | -  | -  | -  | -  | -  | -  | -
      SUBMIT_FORM_WITH_FOREIGN_VAR           | -  | -  | -  | -  | -  | -  | -
      THROW_BPMN_ERROR_FROM_LEAD_TASK        | -  | -  | -  | -  | -  | -  | -
      ADD_CANDIDATE_TO_LEAD_TASK             | -  | -  | -  | -  | -  | +  | -
      SET_ASSIGNEE_OF_LEAD_TASK              | -  | -  | -  | -  | -  | +  | -
      MODIFY_CASE                            | -  | -  | -  | -  | -  | +  | -
      SET_CASE_VARIABLE                      | -  | -  | -  | -  | -  | +  | -
      SUSPEND_CASE                           | -  | -  | -  | -  | -  | +  | -
      DELETE_CASE                            | -  | -  | -  | -  | -  | +  | -
      EXECUTE_RESPONSE_TIMER                 | -  | -  | -  | -  | -  | +  | -
      START_AT_ACTIVITY                      | -  | -  | -  | -  | -  | +  | -
      CORRELATE_RESPONSE                     | +  | +  | -  | -  | -  | +  | -
      CORRELATE_RESPONSE_WITH_FOREIGN_VAR    | -  | -  | -  | -  | -  | +  | -
      CORRELATE_OTHER_MESSAGE                | -  | -  | -  | -  | -  | -  | -
      CREATE_TASK                            | -  | -  | -  | -  | -  | +  | -
      DELETE_LEAD_TASK                       | -  | -  | -  | -  | -  | -  | -
      SET_JOB_RETRIES                        | -  | -  | -  | -  | -  | +  | -
      SET_JOB_DUE_DATE                       | -  | -  | -  | -  | -  | +  | -
      CREATE_INCIDENT                        | -  | -  | -  | -  | -  | +  | -
      MIGRATE_CASE                           | -  | -  | -  | -  | -  | +  | -
      UPDATE_SHARED_FILTER                   | -  | -  | -  | -  | -  | +  | -
      UPDATE_ANOTHER_USER                    | -  | -  | -  | -  | -  | +  | -
      DEPLOY                                 | -  | -  | -  | -  | -  | +  | -
      SUSPEND_PROCESS_DEFINITION             | -  | -  | -  | -  | -  | +  | -
      CREATE_AUTHORIZATION                   | -  | -  | -  | -  | -  | +  | -
      JOIN_GROUP                             | -  | -  | -  | -  | -  | +  | -
      API_START_CASE_OF_LEAD                 | +  | +  | -  | -  | -  | +  | -
      API_REPORT_RESPONSE                    | +  | +  | -  | -  | -  | +  | -
      API_REPORT_SUPPLEMENTARY_REPLY         | +  | +  | -  | -  | -  | +  | -
      CORRELATE_SUPPLEMENTARY_REPLY          | +  | +  | -  | -  | -  | +  | -
      START_REGISTER_REPLY                   | +  | +  | -  | -  | -  | +  | -
      API_REQUEST_MEETING_IN_LEADS_NAME      | +  | +  | -  | -  | -  | +  | -
      API_REQUEST_MEETING_IN_OWN_NAME        | +  | +  | -  | +  | -  | -  | -
      API_RECORD_PAST_INVOCATION             | -  | +  | -  | -  | -  | +  | -
      API_ADD_DOCUMENT                       | +  | +  | -  | -  | -  | +  | -
      # With the Tasklist login in the browser's session and its CSRF token: the case API only reads, but for a
      # document attached from a Tasklist form (the register-response form's upload), which needs the token.
      API_START_CASE_WITH_WEBAPP_LOGIN       | -  | -  | -  | -  | -  | -  | -
      API_REPORT_RESPONSE_WITH_WEBAPP_LOGIN  | -  | -  | -  | -  | -  | -  | -
      API_REQUEST_MEETING_WITH_WEBAPP_LOGIN  | -  | -  | -  | -  | -  | -  | -
      API_RECORD_PAST_INVOCATION_WITH_WEBAPP_LOGIN | -  | -  | -  | -  | -  | -  | -
      API_ADD_DOCUMENT_WITH_WEBAPP_LOGIN     | +  | +  | -  | -  | -  | +  | -
      API_ADD_DOCUMENT_WITH_WEBAPP_LOGIN_WITHOUT_CSRF_TOKEN | -  | -  | -  | -  | -  | -  | -
      """;

  enum Write {
    SET_CASE_VARIABLE_THROUGH_INVITED_TASK, SET_LOCAL_VARIABLE_OF_INVITED_TASK, DELETE_CASE_VARIABLE_THROUGH_LEAD_TASK,
    COMPLETE_INVITED_TASK, ARRANGE_MEETING_ASKED_BY_CO_SIGNATORY, ARRANGE_MEETING_ASKED_BY_ADDRESSEE,
    COMPLETE_INVITED_TASK_WITH_FOREIGN_VAR, COMPLETE_WITH_OBJECT_VALUE,
    SUBMIT_FORM_WITH_FOREIGN_VAR, THROW_BPMN_ERROR_FROM_LEAD_TASK, ADD_CANDIDATE_TO_LEAD_TASK,
    SET_ASSIGNEE_OF_LEAD_TASK, MODIFY_CASE, SET_CASE_VARIABLE, SUSPEND_CASE, DELETE_CASE, EXECUTE_RESPONSE_TIMER,
    START_AT_ACTIVITY, CORRELATE_RESPONSE, CORRELATE_RESPONSE_WITH_FOREIGN_VAR, CORRELATE_OTHER_MESSAGE,
    CREATE_TASK, DELETE_LEAD_TASK, SET_JOB_RETRIES, SET_JOB_DUE_DATE, CREATE_INCIDENT, MIGRATE_CASE,
    UPDATE_SHARED_FILTER, UPDATE_ANOTHER_USER, DEPLOY,
    SUSPEND_PROCESS_DEFINITION, CREATE_AUTHORIZATION, JOIN_GROUP, API_START_CASE_OF_LEAD, API_REPORT_RESPONSE,
    API_REQUEST_MEETING_IN_LEADS_NAME, API_REQUEST_MEETING_IN_OWN_NAME, API_START_CASE_WITH_WEBAPP_LOGIN,
    API_REPORT_RESPONSE_WITH_WEBAPP_LOGIN, API_REQUEST_MEETING_WITH_WEBAPP_LOGIN, API_RECORD_PAST_INVOCATION,
    API_RECORD_PAST_INVOCATION_WITH_WEBAPP_LOGIN, API_ADD_DOCUMENT, API_ADD_DOCUMENT_WITH_WEBAPP_LOGIN,
    API_ADD_DOCUMENT_WITH_WEBAPP_LOGIN_WITHOUT_CSRF_TOKEN,
    API_REPORT_SUPPLEMENTARY_REPLY, CORRELATE_SUPPLEMENTARY_REPLY, START_REGISTER_REPLY
  }

  static Stream<Arguments> writes() {
    List<Role> columns = List.of(Role.OFFICER_OF_LEAD, Role.HEAD_OF_LEAD, Role.OFFICER_OF_OTHER_DELEGATION,
        Role.HEAD_OF_INVITED_DELEGATION, Role.MANAGER, Role.ADMIN, Role.ANONYMOUS);
    List<Arguments> cells = new ArrayList<>();
    for (String line : WRITES.strip().split("\n")) {
      if (line.strip().startsWith("#")) {
        continue;
      }
      String[] cell = line.split("\\|");
      for (int i = 0; i < columns.size(); i++) {
        cells.add(Arguments.of(columns.get(i), Write.valueOf(cell[0].strip()),
            cell[i + 1].strip().equals("+") ? Outcome.ALLOWED : Outcome.DENIED));
      }
    }
    assertThat(cells).hasSize(Write.values().length * columns.size());
    return cells.stream();
  }

  @ParameterizedTest(name = "{0} may {1}: {2}")
  @MethodSource("writes")
  void writeMatrix(Role role, Write action, Outcome expected) {
    Outcome actual = switch (action) {
      case SET_CASE_VARIABLE_THROUGH_INVITED_TASK -> {
        // The co-signer takeover: a letter of DE's own and DE as lead, written through DE's co-signing task.
        ProcessInstance pi = caseAtSignOff();
        Outcome outcome = byStatus(call(role, HttpMethod.POST, "/engine-rest/task/" + invitedTask(pi) + "/variables",
            Map.of("modifications", Map.of(LETTER, Map.of("type", "Json", "value", "{\"concerns\":[]}"),
                LEAD_DELEGATION, Map.of("type", "String", "value", "DE")))));
        assertThat(driver.variable(pi, LEAD_DELEGATION)).isEqualTo(outcome == Outcome.ALLOWED ? "DE" : "GB");
        yield outcome;
      }
      case SET_LOCAL_VARIABLE_OF_INVITED_TASK -> {
        ProcessInstance pi = caseAtSignOff();
        String task = invitedTask(pi);
        Outcome outcome = byStatus(call(role, HttpMethod.PUT, "/engine-rest/task/" + task + "/localVariables/"
            + SIGN_OFF_DUE_AT, Map.of("type", "String", "value", "2020-01-01T00:00:00+01:00")));
        assertThat(engine.getTaskService().getVariableLocal(task, SIGN_OFF_DUE_AT) != null)
            .isEqualTo(outcome == Outcome.ALLOWED);
        yield outcome;
      }
      case DELETE_CASE_VARIABLE_THROUGH_LEAD_TASK -> {
        ProcessInstance pi = newCase();
        Outcome outcome = byStatus(call(role, HttpMethod.DELETE, "/engine-rest/task/" + leadTask(pi) + "/variables/"
            + SUBJECT, null));
        assertThat(driver.variable(pi, SUBJECT) != null).isEqualTo(outcome == Outcome.DENIED);
        yield outcome;
      }
      case ARRANGE_MEETING_ASKED_BY_CO_SIGNATORY, ARRANGE_MEETING_ASKED_BY_ADDRESSEE -> {
        ProcessInstance pi = deliveredCase();
        driver.correlate(MESSAGE_BILATERAL_MEETING_REQUESTED, pi.getBusinessKey(), vars(MEETING_REQUESTED_BY,
            action == Write.ARRANGE_MEETING_ASKED_BY_CO_SIGNATORY ? "DE" : "BY"));
        driver.runJobs(pi);
        String task = driver.task(pi, TASK_ARRANGE_BILATERAL_MEETING).getId();
        Outcome outcome = byStatus(call(role, HttpMethod.POST, "/engine-rest/task/" + task + "/complete",
            Map.of("variables", Map.of(
                MEETING_SCHEDULED_FOR, Map.of("type", "String", "value", CaseDriver.inDays(3)),
                MEETING_PLACE, Map.of("type", "String", "value", "Vienna")))));
        assertThat(driver.tasks(pi, TASK_ARRANGE_BILATERAL_MEETING)).hasSize(outcome == Outcome.ALLOWED ? 0 : 1);
        yield outcome;
      }
      case COMPLETE_INVITED_TASK -> {
        ProcessInstance pi = caseAtSignOff();
        Outcome outcome = byStatus(call(role, HttpMethod.POST, "/engine-rest/task/" + invitedTask(pi) + "/complete",
            Map.of("variables", Map.of(CO_SIGNS, Map.of("type", "Boolean", "value", true)))));
        assertThat(driver.tasks(pi, TASK_DECIDE_CO_SIGNING)).hasSize(outcome == Outcome.ALLOWED ? 0 : 1);
        yield outcome;
      }
      case COMPLETE_INVITED_TASK_WITH_FOREIGN_VAR -> {
        ProcessInstance pi = caseAtSignOff();
        ResponseEntity<String> answer = call(role, HttpMethod.POST, "/engine-rest/task/" + invitedTask(pi)
            + "/complete", Map.of("variables", Map.of(CO_SIGNS, Map.of("type", "Boolean", "value", true),
                SIGN_OFF_DUE_AT, Map.of("type", "String", "value", "2020-01-01T00:00:00+01:00"))));
        Outcome outcome = byStatus(answer);
        if (answer.getStatusCode().value() == 400) {
          assertThat(answer.getBody()).as("the refusal names the variable").contains(SIGN_OFF_DUE_AT);
        }
        assertThat(driver.tasks(pi, TASK_DECIDE_CO_SIGNING)).hasSize(outcome == Outcome.ALLOWED ? 0 : 1);
        assertThat(String.valueOf(driver.variable(pi, SIGN_OFF_DUE_AT))).doesNotStartWith("2020");
        yield outcome;
      }
      case COMPLETE_WITH_OBJECT_VALUE -> {
        ProcessInstance pi = newCase();
        Outcome outcome = byStatus(call(role, HttpMethod.POST, "/engine-rest/task/" + leadTask(pi) + "/complete",
            Map.of("variables", Map.of(SIGN_OFF_DUE_AT, Map.of("type", "Object", "value", "\"/etc/passwd\"",
                "valueInfo", Map.of("objectTypeName", "java.io.File", "serializationDataFormat", "application/json"))))));
        assertThat(driver.tasks(pi, TASK_DRAFT_LETTER)).hasSize(outcome == Outcome.ALLOWED ? 0 : 1);
        yield outcome;
      }
      case SUBMIT_FORM_WITH_FOREIGN_VAR -> {
        ProcessInstance pi = caseAtSignOff();
        Outcome outcome = byStatus(call(role, HttpMethod.POST, "/engine-rest/task/" + invitedTask(pi) + "/submit-form",
            Map.of("variables", Map.of(CO_SIGNS, Map.of("type", "Boolean", "value", true),
                LEAD_DELEGATION, Map.of("type", "String", "value", "DE")))));
        assertThat(driver.variable(pi, LEAD_DELEGATION)).isEqualTo("GB");
        yield outcome;
      }
      case THROW_BPMN_ERROR_FROM_LEAD_TASK -> {
        ProcessInstance pi = newCase();
        Outcome outcome = byStatus(call(role, HttpMethod.POST, "/engine-rest/task/" + leadTask(pi) + "/bpmnError",
            Map.of("errorCode", "anything")));
        assertThat(driver.tasks(pi, TASK_DRAFT_LETTER)).hasSize(outcome == Outcome.ALLOWED ? 0 : 1);
        yield outcome;
      }
      case ADD_CANDIDATE_TO_LEAD_TASK -> {
        ProcessInstance pi = newCase();
        String task = leadTask(pi);
        Outcome outcome = byStatus(call(role, HttpMethod.POST, "/engine-rest/task/" + task + "/identity-links",
            Map.of("groupId", "delegation-se", "type", "candidate")));
        assertThat(engine.getTaskService().getIdentityLinksForTask(task).stream()
            .anyMatch(link -> "delegation-se".equals(link.getGroupId()))).isEqualTo(outcome == Outcome.ALLOWED);
        yield outcome;
      }
      case SET_ASSIGNEE_OF_LEAD_TASK -> {
        ProcessInstance pi = newCase();
        String task = leadTask(pi);
        Outcome outcome = byStatus(call(role, HttpMethod.POST, "/engine-rest/task/" + task + "/assignee",
            Map.of("userId", "officer-se")));
        assertThat(engine.getTaskService().createTaskQuery().taskId(task).singleResult().getAssignee())
            .isEqualTo(outcome == Outcome.ALLOWED ? "officer-se" : null);
        yield outcome;
      }
      case MODIFY_CASE -> {
        // Skipping the heads' approval: cancel the draft, start the sign-off round.
        ProcessInstance pi = newCase();
        Outcome outcome = byStatus(call(role, HttpMethod.POST, "/engine-rest/process-instance/" + pi.getId()
            + "/modification", Map.of("instructions", List.of(
                Map.of("type", "cancel", "activityId", TASK_DRAFT_LETTER),
                Map.of("type", "startBeforeActivity", "activityId", TASK_APPROVE_DRAFT)))));
        assertThat(driver.tasks(pi, TASK_APPROVE_DRAFT)).hasSize(outcome == Outcome.ALLOWED ? 1 : 0);
        yield outcome;
      }
      case SET_CASE_VARIABLE -> {
        ProcessInstance pi = newCase();
        Outcome outcome = byStatus(call(role, HttpMethod.PUT, "/engine-rest/process-instance/" + pi.getId()
            + "/variables/" + SUBJECT, Map.of("type", "String", "value", "Changed")));
        assertThat(driver.variable(pi, SUBJECT)).isEqualTo(outcome == Outcome.ALLOWED ? "Changed"
            : "Human rights in Belarus");
        yield outcome;
      }
      case SUSPEND_CASE -> {
        ProcessInstance pi = newCase();
        Outcome outcome = byStatus(call(role, HttpMethod.PUT, "/engine-rest/process-instance/" + pi.getId()
            + "/suspended", Map.of("suspended", true)));
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId())
            .singleResult().isSuspended()).isEqualTo(outcome == Outcome.ALLOWED);
        yield outcome;
      }
      case DELETE_CASE -> {
        ProcessInstance pi = newCase();
        Outcome outcome = byStatus(call(role, HttpMethod.DELETE, "/engine-rest/process-instance/" + pi.getId(), null));
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).count())
            .isEqualTo(outcome == Outcome.ALLOWED ? 0 : 1);
        yield outcome;
      }
      case EXECUTE_RESPONSE_TIMER -> {
        // Firing the ten-day clock early would record a missed deadline on the day of delivery.
        ProcessInstance pi = deliveredCase();
        String timer = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers()
            .activityId("Event_ResponseDeadlinePassed").singleResult().getId();
        Outcome outcome = byStatus(call(role, HttpMethod.POST, "/engine-rest/job/" + timer + "/execute", null));
        assertThat(engine.getManagementService().createJobQuery().jobId(timer).count())
            .isEqualTo(outcome == Outcome.ALLOWED ? 0 : 1);
        yield outcome;
      }
      case START_AT_ACTIVITY -> {
        String reference = "VM-MATRIX-AT-" + CASES.incrementAndGet();
        Outcome outcome = byStatus(call(role, HttpMethod.POST, "/engine-rest/process-definition/key/" + PROCESS_KEY
            + "/start", Map.of("businessKey", reference, "skipCustomListeners", true,
                "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", TASK_APPROVE_DRAFT)),
                "variables", Map.of(LEAD_DELEGATION, Map.of("value", "GB"), ADDRESSEE_STATE, Map.of("value", "BY"),
                    SUBJECT, Map.of("value", "Human rights in Belarus")))));
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference)
            .count()).isEqualTo(outcome == Outcome.ALLOWED ? 1 : 0);
        yield outcome;
      }
      case CORRELATE_RESPONSE -> {
        ProcessInstance pi = deliveredCase();
        Outcome outcome = byStatus(call(role, HttpMethod.POST, "/engine-rest/message", response(pi, Map.of())));
        assertThat(engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(pi.getId())
            .eventName(MESSAGE_RESPONSE_RECEIVED).count()).isEqualTo(outcome == Outcome.ALLOWED ? 0 : 1);
        yield outcome;
      }
      case CORRELATE_RESPONSE_WITH_FOREIGN_VAR -> {
        ProcessInstance pi = deliveredCase();
        Outcome outcome = byStatus(call(role, HttpMethod.POST, "/engine-rest/message", response(pi,
            Map.of(RESPONSE_DUE_AT, Map.of("type", "String", "value", "2099-01-01T00:00:00+01:00")))));
        assertThat(String.valueOf(driver.variable(pi, RESPONSE_DUE_AT)).contains("2099"))
            .isEqualTo(outcome == Outcome.ALLOWED);
        yield outcome;
      }
      case CORRELATE_OTHER_MESSAGE -> byStatus(call(role, HttpMethod.POST, "/engine-rest/message",
          Map.of("messageName", "SomethingElse", "businessKey", newCase().getBusinessKey())));
      case CREATE_TASK -> {
        String id = "matrix-task-" + CASES.incrementAndGet();
        Outcome outcome = byStatus(call(role, HttpMethod.POST, "/engine-rest/task/create", Map.of("id", id,
            "name", "A task of nobody's case")));
        assertThat(engine.getTaskService().createTaskQuery().taskId(id).count()).isEqualTo(outcome == Outcome.ALLOWED ? 1 : 0);
        engine.getTaskService().deleteTask(id, true);
        yield outcome;
      }
      case DELETE_LEAD_TASK -> {
        ProcessInstance pi = newCase();
        Outcome outcome = byStatus(call(role, HttpMethod.DELETE, "/engine-rest/task/" + leadTask(pi), null));
        assertThat(driver.tasks(pi, TASK_DRAFT_LETTER)).hasSize(outcome == Outcome.ALLOWED ? 0 : 1);
        yield outcome;
      }
      case SET_JOB_RETRIES, SET_JOB_DUE_DATE -> {
        ProcessInstance pi = deliveredCase();
        Job timer = engine.getManagementService().createJobQuery()
            .processInstanceId(pi.getId()).timers().activityId("Event_ResponseDeadlinePassed").singleResult();
        Outcome outcome = byStatus(action == Write.SET_JOB_RETRIES
            ? call(role, HttpMethod.PUT, "/engine-rest/job/" + timer.getId() + "/retries", Map.of("retries", 0))
            : call(role, HttpMethod.PUT, "/engine-rest/job/" + timer.getId() + "/duedate",
                Map.of("duedate", "2099-01-01T00:00:00.000+0100")));
        Job after = engine.getManagementService().createJobQuery().jobId(timer.getId())
            .singleResult();
        assertThat(after.getRetries() != timer.getRetries() || !after.getDuedate().equals(timer.getDuedate()))
            .isEqualTo(outcome == Outcome.ALLOWED);
        yield outcome;
      }
      case CREATE_INCIDENT -> {
        ProcessInstance pi = newCase();
        Outcome outcome = byStatus(call(role, HttpMethod.POST, "/engine-rest/execution/" + pi.getId()
            + "/create-incident", Map.of("incidentType", "matrix", "configuration", "x", "message", "made up")));
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).count())
            .isEqualTo(outcome == Outcome.ALLOWED ? 1 : 0);
        yield outcome;
      }
      case MIGRATE_CASE -> {
        ProcessInstance pi = newCase();
        String definition = pi.getProcessDefinitionId();
        yield byStatus(call(role, HttpMethod.POST, "/engine-rest/migration/execute", Map.of(
            "migrationPlan", Map.of("sourceProcessDefinitionId", definition, "targetProcessDefinitionId", definition,
                "instructions", List.of(Map.of("sourceActivityIds", List.of(TASK_DRAFT_LETTER),
                    "targetActivityIds", List.of(TASK_DRAFT_LETTER)))),
            "processInstanceIds", List.of(pi.getId()))));
      }
      case UPDATE_SHARED_FILTER -> {
        Filter filter = engine.getFilterService().createFilterQuery()
            .filterName(TasklistFilters.MY_DELEGATION).singleResult();
        Outcome outcome = byStatus(call(role, HttpMethod.PUT, "/engine-rest/filter/" + filter.getId(), Map.of(
            "resourceType", "Task", "name", "Renamed", "query", Map.of())));
        Filter after = engine.getFilterService().getFilter(filter.getId());
        boolean renamed = after.getName().equals("Renamed");
        if (renamed) {
          engine.getFilterService().saveFilter(after.setName(filter.getName()).setQuery(filter.getQuery())
              .setProperties(filter.getProperties()));
        }
        assertThat(renamed).isEqualTo(outcome == Outcome.ALLOWED);
        yield outcome;
      }
      case UPDATE_ANOTHER_USER -> {
        String before = engine.getIdentityService().createUserQuery().userId("officer-fr").singleResult().getFirstName();
        Outcome outcome = byStatus(call(role, HttpMethod.PUT, "/engine-rest/user/officer-fr/profile", Map.of(
            "id", "officer-fr", "firstName", "Mallory", "lastName", "Martin", "email", "mallory@example.org")));
        User user = engine.getIdentityService().createUserQuery().userId("officer-fr")
            .singleResult();
        boolean changed = user.getFirstName().equals("Mallory");
        if (changed) {
          user.setFirstName(before);
          user.setEmail(null);
          engine.getIdentityService().saveUser(user);
        }
        assertThat(changed).isEqualTo(outcome == Outcome.ALLOWED);
        yield outcome;
      }
      case DEPLOY -> {
        String name = "matrix-" + CASES.incrementAndGet();
        Outcome outcome = byStatus(deploy(role, name));
        assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentName(name).count())
            .isEqualTo(outcome == Outcome.ALLOWED ? 1 : 0);
        yield outcome;
      }
      case SUSPEND_PROCESS_DEFINITION -> {
        Outcome outcome = byStatus(call(role, HttpMethod.PUT, "/engine-rest/process-definition/key/" + PROCESS_KEY
            + "/suspended", Map.of("suspended", true, "includeProcessInstances", false)));
        boolean suspended = engine.getRepositoryService().createProcessDefinitionQuery()
            .processDefinitionKey(PROCESS_KEY).latestVersion().singleResult().isSuspended();
        engine.getRepositoryService().activateProcessDefinitionByKey(PROCESS_KEY);
        assertThat(suspended).isEqualTo(outcome == Outcome.ALLOWED);
        yield outcome;
      }
      case CREATE_AUTHORIZATION -> {
        String resourceId = "matrix-" + CASES.incrementAndGet();
        Outcome outcome = byStatus(call(role, HttpMethod.POST, "/engine-rest/authorization/create", Map.of(
            "type", 1, "permissions", List.of("ALL"), "groupId", "delegation-se", "resourceType", 8,
            "resourceId", resourceId)));
        assertThat(engine.getAuthorizationService().createAuthorizationQuery().resourceId(resourceId).count())
            .isEqualTo(outcome == Outcome.ALLOWED ? 1 : 0);
        yield outcome;
      }
      case JOIN_GROUP -> {
        String user = role.user == null ? "officer-se" : role.user;
        Outcome outcome = byStatus(call(role, HttpMethod.PUT, "/engine-rest/group/heads-by/members/" + user, null));
        boolean member = engine.getIdentityService().createUserQuery().userId(user).memberOfGroup("heads-by").count() > 0;
        engine.getIdentityService().deleteMembership(user, "heads-by");
        assertThat(member).isEqualTo(outcome == Outcome.ALLOWED);
        yield outcome;
      }
      case API_START_CASE_OF_LEAD -> {
        String reference = "VM-MATRIX-API-" + CASES.incrementAndGet();
        Outcome outcome = byStatus(call(role, HttpMethod.POST, "/api/cases", Map.of("reference", reference,
            "leadDelegation", "GB", "addresseeState", "BY", "subject", "Human rights in Belarus")));
        assertThat(cases.exists(reference)).isEqualTo(outcome == Outcome.ALLOWED);
        yield outcome;
      }
      case API_REPORT_RESPONSE -> {
        ProcessInstance pi = deliveredCase();
        Outcome outcome = byStatus(call(role, HttpMethod.POST, "/api/cases/" + pi.getBusinessKey() + "/response",
            Map.of(RESPONSE_RECEIVED_AT, CaseDriver.inDays(0), RESPONSE_SUMMARY, "Belarus rejects the invocation.")));
        assertThat(engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(pi.getId())
            .eventName(MESSAGE_RESPONSE_RECEIVED).count()).isEqualTo(outcome == Outcome.ALLOWED ? 0 : 1);
        yield outcome;
      }
      case API_REPORT_SUPPLEMENTARY_REPLY -> {
        ProcessInstance pi = repliedCase();
        Outcome outcome = byStatus(call(role, HttpMethod.POST, "/api/cases/" + pi.getBusinessKey() + "/response",
            Map.of(RESPONSE_RECEIVED_AT, CaseDriver.inDays(0), RESPONSE_SUMMARY, "Belarus adds an annex.")));
        assertThat(replies.of(pi.getBusinessKey())).hasSize(outcome == Outcome.ALLOWED ? 2 : 1);
        yield outcome;
      }
      case CORRELATE_SUPPLEMENTARY_REPLY -> {
        ProcessInstance pi = repliedCase();
        Outcome outcome = byStatus(call(role, HttpMethod.POST, "/engine-rest/message", response(pi, Map.of(
            RESPONSE_SUMMARY, Map.of("type", "String", "value", "Belarus adds an annex.")))));
        assertThat(replies.of(pi.getBusinessKey())).hasSize(outcome == Outcome.ALLOWED ? 2 : 1);
        yield outcome;
      }
      case START_REGISTER_REPLY -> {
        // Tasklist's "Register a reply" start form, submitted as Tasklist does.
        ProcessInstance pi = deliveredCase();
        Outcome outcome = byStatus(call(role, HttpMethod.POST, "/engine-rest/process-definition/key/"
            + REPLY_PROCESS_KEY + "/submit-form", Map.of("variables", Map.of(
                REFERENCE, Map.of("type", "String", "value", pi.getBusinessKey()),
                RESPONSE_RECEIVED_AT, Map.of("type", "String", "value", CaseDriver.inDays(0)),
                RESPONSE_SUMMARY, Map.of("type", "String", "value", "Belarus rejects the invocation.")))));
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(REPLY_PROCESS_KEY)
            .processInstanceBusinessKey(pi.getBusinessKey()).count()).isEqualTo(outcome == Outcome.ALLOWED ? 1 : 0);
        yield outcome;
      }
      case API_REQUEST_MEETING_IN_LEADS_NAME, API_REQUEST_MEETING_IN_OWN_NAME -> {
        ProcessInstance pi = deliveredCase();
        String state = action == Write.API_REQUEST_MEETING_IN_LEADS_NAME ? "GB"
            : role.user == null ? "SE" : role.user.substring(role.user.indexOf('-') + 1).toUpperCase();
        Outcome outcome = byStatus(call(role, HttpMethod.POST, "/api/cases/" + pi.getBusinessKey()
            + "/bilateral-meeting-requests", Map.of(MEETING_REQUESTED_BY, state)));
        // A request taken waits for its asynchronous recording (the job executor is off here).
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).messages().count() > 0)
            .isEqualTo(outcome == Outcome.ALLOWED);
        yield outcome;
      }
      case API_RECORD_PAST_INVOCATION -> {
        String reference = "VM-MATRIX-PAST-" + CASES.incrementAndGet();
        Outcome outcome = byStatus(call(role, HttpMethod.POST, "/api/past-invocations", pastInvocation(reference)));
        assertThat(cases.exists(reference)).isEqualTo(outcome == Outcome.ALLOWED);
        yield outcome;
      }
      case API_RECORD_PAST_INVOCATION_WITH_WEBAPP_LOGIN -> {
        String reference = "VM-MATRIX-PAST-WEB-" + CASES.incrementAndGet();
        Outcome outcome = byStatus(webapp(role).send("POST", "/api/past-invocations",
            write(pastInvocation(reference)), true));
        assertThat(cases.exists(reference)).isEqualTo(outcome == Outcome.ALLOWED);
        yield outcome;
      }
      case API_ADD_DOCUMENT -> {
        String reference = caseAtSignOff().getBusinessKey();
        Outcome outcome = byStatus(addDocument(role, reference));
        assertThat(documents.of(reference)).hasSize(outcome == Outcome.ALLOWED ? 1 : 0);
        yield outcome;
      }
      case API_ADD_DOCUMENT_WITH_WEBAPP_LOGIN, API_ADD_DOCUMENT_WITH_WEBAPP_LOGIN_WITHOUT_CSRF_TOKEN -> {
        String reference = caseAtSignOff().getBusinessKey();
        Outcome outcome = byStatus(webapp(role).send("POST", "/api/cases/" + reference + "/documents",
            MULTIPART_PDF, action == Write.API_ADD_DOCUMENT_WITH_WEBAPP_LOGIN,
            "Content-Type", "multipart/form-data; boundary=" + BOUNDARY));
        assertThat(documents.of(reference)).hasSize(outcome == Outcome.ALLOWED ? 1 : 0);
        yield outcome;
      }
      case API_START_CASE_WITH_WEBAPP_LOGIN -> {
        String reference = "VM-MATRIX-WEB-" + CASES.incrementAndGet();
        Outcome outcome = byStatus(webapp(role).send("POST", "/api/cases", write(Map.of("reference", reference,
            "leadDelegation", "GB", "addresseeState", "BY", "subject", "Human rights in Belarus")), true));
        assertThat(cases.exists(reference)).isEqualTo(outcome == Outcome.ALLOWED);
        yield outcome;
      }
      case API_REPORT_RESPONSE_WITH_WEBAPP_LOGIN -> {
        ProcessInstance pi = deliveredCase();
        Outcome outcome = byStatus(webapp(role).send("POST", "/api/cases/" + pi.getBusinessKey() + "/response",
            write(Map.of(RESPONSE_RECEIVED_AT, CaseDriver.inDays(0), RESPONSE_SUMMARY, "Belarus rejects it.")), true));
        assertThat(engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(pi.getId())
            .eventName(MESSAGE_RESPONSE_RECEIVED).count()).isEqualTo(outcome == Outcome.ALLOWED ? 0 : 1);
        yield outcome;
      }
      case API_REQUEST_MEETING_WITH_WEBAPP_LOGIN -> {
        ProcessInstance pi = deliveredCase();
        Outcome outcome = byStatus(webapp(role).send("POST", "/api/cases/" + pi.getBusinessKey()
            + "/bilateral-meeting-requests", write(Map.of(MEETING_REQUESTED_BY, "GB")), true));
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).messages().count() > 0)
            .isEqualTo(outcome == Outcome.ALLOWED);
        yield outcome;
      }
    };
    assertThat(actual).as("%s (%s) may %s", role, role.user, action).isEqualTo(expected);
  }

  /**
   * The coalition's and the withdrawal's write paths (second edition), for every role, the two heads that the
   * table above has no column for included: Sweden's (neither leading nor invited, who may join a letter) and
   * Belarus's (the addressee). Each row runs on a case of its own, led by GB to Belarus, Germany invited; the
   * refused leave it as it was.
   */
  static final String COALITION_WRITES = """
      # action                                  | OL | HL | OO | HO | HI | AB | MA | AD | AN
      API_WITHDRAW_INVOCATION                   | -  | +  | -  | -  | -  | -  | -  | +  | -
      TASKLIST_WITHDRAW_INVOCATION              | -  | +  | -  | -  | -  | -  | -  | +  | -
      CORRELATE_WITHDRAWAL_MESSAGE              | -  | -  | -  | -  | -  | -  | -  | +  | -
      API_JOIN_IN_OWN_NAME                      | -  | -  | -  | +  | +  | -  | -  | +  | -
      API_JOIN_IN_ANOTHER_STATES_NAME           | -  | -  | -  | -  | -  | -  | -  | +  | -
      API_WITHDRAW_SIGNATURE_OF_GERMANY         | -  | -  | -  | -  | +  | -  | -  | +  | -
      # With the Tasklist login in the browser's session and its CSRF token: the case API only reads.
      API_WITHDRAW_INVOCATION_WITH_WEBAPP_LOGIN | -  | -  | -  | -  | -  | -  | -  | -  | -
      API_JOIN_WITH_WEBAPP_LOGIN                | -  | -  | -  | -  | -  | -  | -  | -  | -
      API_WITHDRAW_SIGNATURE_WITH_WEBAPP_LOGIN  | -  | -  | -  | -  | -  | -  | -  | -  | -
      """;

  enum CoalitionWrite {
    API_WITHDRAW_INVOCATION, TASKLIST_WITHDRAW_INVOCATION, CORRELATE_WITHDRAWAL_MESSAGE, API_JOIN_IN_OWN_NAME,
    API_JOIN_IN_ANOTHER_STATES_NAME, API_WITHDRAW_SIGNATURE_OF_GERMANY, API_WITHDRAW_INVOCATION_WITH_WEBAPP_LOGIN,
    API_JOIN_WITH_WEBAPP_LOGIN, API_WITHDRAW_SIGNATURE_WITH_WEBAPP_LOGIN
  }

  static Stream<Arguments> coalitionWrites() {
    List<Role> columns = List.of(Role.OFFICER_OF_LEAD, Role.HEAD_OF_LEAD, Role.OFFICER_OF_OTHER_DELEGATION,
        Role.HEAD_OF_OTHER_DELEGATION, Role.HEAD_OF_INVITED_DELEGATION, Role.HEAD_OF_ADDRESSEE, Role.MANAGER,
        Role.ADMIN, Role.ANONYMOUS);
    List<Arguments> cells = new ArrayList<>();
    for (String line : COALITION_WRITES.strip().split("\n")) {
      if (line.strip().startsWith("#")) {
        continue;
      }
      String[] cell = line.split("\\|");
      for (int i = 0; i < columns.size(); i++) {
        cells.add(Arguments.of(columns.get(i), CoalitionWrite.valueOf(cell[0].strip()),
            cell[i + 1].strip().equals("+") ? Outcome.ALLOWED : Outcome.DENIED));
      }
    }
    assertThat(cells).hasSize(CoalitionWrite.values().length * columns.size());
    return cells.stream();
  }

  @ParameterizedTest(name = "{0} may {1}: {2}")
  @MethodSource("coalitionWrites")
  void coalitionAndWithdrawalMatrix(Role role, CoalitionWrite action, Outcome expected) {
    Outcome actual = switch (action) {
      case API_WITHDRAW_INVOCATION, API_WITHDRAW_INVOCATION_WITH_WEBAPP_LOGIN -> {
        String reference = caseAtSignOff().getBusinessKey();
        String body = write(Map.of(REASON, "The persons concerned were released."));
        Outcome outcome = action == CoalitionWrite.API_WITHDRAW_INVOCATION
            ? byStatus(call(role, HttpMethod.POST, "/api/cases/" + reference + "/withdrawal", body))
            : byStatus(webapp(role).send("POST", "/api/cases/" + reference + "/withdrawal", body, true));
        assertThat(cases.get(reference).status() == CaseStatus.WITHDRAWN)
            .isEqualTo(outcome == Outcome.ALLOWED);
        yield outcome;
      }
      case TASKLIST_WITHDRAW_INVOCATION -> {
        String reference = caseAtSignOff().getBusinessKey();
        Outcome outcome = byStatus(call(role, HttpMethod.POST, "/engine-rest/process-definition/key/"
            + WITHDRAWAL_PROCESS_KEY + "/submit-form", Map.of("variables", Map.of(
                REFERENCE, Map.of("type", "String", "value", reference),
                REASON, Map.of("type", "String", "value", "The persons concerned were released.")))));
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
            .processDefinitionKey(WITHDRAWAL_PROCESS_KEY).processInstanceBusinessKey(reference).count())
            .isEqualTo(outcome == Outcome.ALLOWED ? 1 : 0);
        yield outcome;
      }
      case CORRELATE_WITHDRAWAL_MESSAGE -> {
        String reference = caseAtSignOff().getBusinessKey();
        Outcome outcome = byStatus(call(role, HttpMethod.POST, "/engine-rest/message", Map.of(
            "messageName", MESSAGE_INVOCATION_WITHDRAWN, "businessKey", reference, "processVariables", Map.of(
                WITHDRAWAL_REASON, Map.of("type", "String", "value", "The persons concerned were released.")))));
        assertThat(cases.get(reference).status() == CaseStatus.WITHDRAWN)
            .isEqualTo(outcome == Outcome.ALLOWED);
        yield outcome;
      }
      case API_JOIN_IN_OWN_NAME, API_JOIN_IN_ANOTHER_STATES_NAME, API_JOIN_WITH_WEBAPP_LOGIN -> {
        String reference = caseAtSignOff().getBusinessKey();
        String state = action == CoalitionWrite.API_JOIN_IN_ANOTHER_STATES_NAME ? "FR" : ownState(role);
        String body = write(Map.of(CO_SIGNATORY_STATE, state));
        String path = "/api/cases/" + reference + "/co-signatories";
        Outcome outcome = action == CoalitionWrite.API_JOIN_WITH_WEBAPP_LOGIN
            ? byStatus(webapp(role).send("POST", path, body, true)) : byStatus(call(role, HttpMethod.POST, path, body));
        assertThat(signatories.signing(reference).contains(state))
            .isEqualTo(outcome == Outcome.ALLOWED || "GB".equals(state));
        yield outcome;
      }
      case API_WITHDRAW_SIGNATURE_OF_GERMANY, API_WITHDRAW_SIGNATURE_WITH_WEBAPP_LOGIN -> {
        ProcessInstance pi = caseAtSignOff();
        driver.complete(pi, TASK_DECIDE_CO_SIGNING, "head-de", head("DE"), vars(CO_SIGNS, true));
        driver.runJobs(pi);
        String path = "/api/cases/" + pi.getBusinessKey() + "/co-signatories/DE";
        Outcome outcome = action == CoalitionWrite.API_WITHDRAW_SIGNATURE_OF_GERMANY
            ? byStatus(call(role, HttpMethod.DELETE, path, null)) : byStatus(webapp(role).send("DELETE", path, null, true));
        assertThat(signatories.signing(pi.getBusinessKey()).contains("DE")).isEqualTo(outcome == Outcome.DENIED);
        yield outcome;
      }
    };
    assertThat(actual).as("%s (%s) may %s", role, role.user, action).isEqualTo(expected);
  }

  /** The State a role's user would join in the name of: the one she heads or works for; France for the others. */
  private static String ownState(Role role) {
    return role.user != null && role.user.matches("(head|officer)-[a-z]{2}")
        ? role.user.substring(role.user.length() - 2).toUpperCase(Locale.ROOT) : "FR";
  }

  /** A past invocation of GB's that ended without a reply. */
  private static Map<String, Object> pastInvocation(String reference) {
    return Map.of("reference", reference, "leadDelegation", "GB", "addresseeState", "BY",
        "subject", "Human rights in Belarus", "signatories", List.of("GB", "DE"),
        "deliveredAt", "2021-11-04T12:00:00+01:00", "closedAt", "2021-12-01T12:00:00+01:00");
  }

  private Map<String, Object> response(ProcessInstance pi, Map<String, Object> extra) {
    Map<String, Object> variables = new HashMap<>(Map.of(
        RESPONSE_RECEIVED_AT, Map.of("type", "String", "value", CaseDriver.inDays(0)),
        RESPONSE_SUMMARY, Map.of("type", "String", "value", "Belarus rejects the invocation.")));
    variables.putAll(extra);
    return Map.of("messageName", MESSAGE_RESPONSE_RECEIVED, "businessKey", pi.getBusinessKey(),
        "processVariables", variables);
  }

  private static final String BOUNDARY = "matrix-boundary";
  /** A form with a small PDF reply (it begins as a PDF does) and its kind, as a system uploads it. */
  private static final String MULTIPART_PDF = "--" + BOUNDARY + "\r\n"
      + "Content-Disposition: form-data; name=\"file\"; filename=\"reply.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"
      + "%PDF-1.4\n% the reply\n%%EOF\r\n--" + BOUNDARY + "\r\n"
      + "Content-Disposition: form-data; name=\"kind\"\r\n\r\nREPLY\r\n--" + BOUNDARY + "--\r\n";

  private ResponseEntity<String> addDocument(Role role, String reference) {
    TestRestTemplate client = role.user == null ? rest : rest.withBasicAuth(role.user, role.user);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("multipart/form-data; boundary=" + BOUNDARY));
    return client.exchange("/api/cases/" + reference + "/documents", HttpMethod.POST,
        new HttpEntity<>(MULTIPART_PDF, headers), String.class);
  }

  /** The download address of a document the lead's officer added to a case of its own at sign-off. */
  private String documentOfTheLead() {
    String reference = caseAtSignOff().getBusinessKey();
    ResponseEntity<String> added = addDocument(Role.OFFICER_OF_LEAD, reference);
    assertThat(added.getStatusCode().value()).as(added.getBody()).isEqualTo(201);
    return added.getHeaders().getLocation().toString();
  }

  private ResponseEntity<String> deploy(Role role, String name) {
    TestRestTemplate client = role.user == null ? rest : rest.withBasicAuth(role.user, role.user);
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", name);
    parts.add("process.bpmn", new ByteArrayResource("""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="matrix">
          <process id="matrix" isExecutable="true" camunda:historyTimeToLive="1"><startEvent id="s"/></process>
        </definitions>""".getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return "matrix.bpmn";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return client.exchange("/engine-rest/deployment/create", HttpMethod.POST, new HttpEntity<>(parts, headers),
        String.class);
  }

  /** The Tasklist filters each role is shown, and the only ones. */
  @ParameterizedTest(name = "{0} sees the filters {1}")
  @CsvSource(delimiter = '|', textBlock = """
      OFFICER_OF_LEAD             | My tasks; My delegation's tasks; Due within 3 days
      HEAD_OF_INVITED_DELEGATION  | My tasks; My delegation's tasks; Due within 3 days
      MANAGER                     | Cases awaiting a response; Overdue responses
      ADMIN                       | My tasks; My delegation's tasks; Due within 3 days; Cases awaiting a response; Overdue responses; All open tasks
      """)
  void filters(Role role, String names) {
    List<String> seen = new ArrayList<>();
    read(call(role, HttpMethod.GET, "/engine-rest/filter?resourceType=Task", null))
        .forEach(filter -> seen.add(filter.get("name").asText()));
    assertThat(seen).containsExactlyInAnyOrder(names.split("; "));
  }

  @Test
  void anonymousCallersSeeNoFilter() {
    assertThat(call(Role.ANONYMOUS, HttpMethod.GET, "/engine-rest/filter", null).getStatusCode().value()).isEqualTo(401);
  }

  /**
   * The list's columns (case, subject, addressee) come with each task as Tasklist fetches them, also for
   * delegations, which may read their tasks but not the case's process instance.
   */
  @ParameterizedTest
  @CsvSource({"OFFICER_OF_LEAD", "HEAD_OF_INVITED_DELEGATION"})
  void theTaskListShowsTheCaseSubjectAndAddressee(Role role) {
    String taskId = role == Role.OFFICER_OF_LEAD ? leadTask(newCase()) : germanysTask();
    String reference = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId())
        .singleResult().getBusinessKey();
    String filterId = engine.getFilterService().createFilterQuery().filterName(TasklistFilters.MY_DELEGATION)
        .singleResult().getId();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
    ResponseEntity<String> list = rest.withBasicAuth(role.user, role.user).exchange(
        "/engine-rest/filter/" + filterId + "/list?maxResults=500", HttpMethod.POST, new HttpEntity<>(Map.of(), headers),
        String.class);
    assertThat(list.getStatusCode().value()).isEqualTo(200);
    JsonNode task = null;
    for (JsonNode candidate : read(list).path("_embedded").path("task")) {
      if (candidate.path("id").asText().equals(taskId)) {
        task = candidate;
      }
    }
    assertThat(task).as("the task in %s's list", role).isNotNull();
    List<String> columns = new ArrayList<>();
    task.path("_embedded").path("variable")
        .forEach(v -> columns.add(v.get("name").asText() + "=" + v.get("value").asText()));
    assertThat(columns).containsExactlyInAnyOrder(CASE_LABEL + "=" + reference + " (Belarus)",
        SUBJECT + "=Human rights in Belarus", ADDRESSEE_STATE + "=BY");
  }

  // ---- the cases the rows act on

  private ProcessInstance newCase() {
    return driver.start("VM-MATRIX-" + CASES.incrementAndGet(), "GB", "BY", "Human rights in Belarus");
  }

  private String leadTask(ProcessInstance pi) {
    return driver.task(pi, TASK_DRAFT_LETTER).getId();
  }

  /** A case of its own whose sign-off round is open, Germany invited. */
  private ProcessInstance caseAtSignOff() {
    ProcessInstance pi = newCase();
    driver.complete(pi, TASK_DRAFT_LETTER, "officer-gb", officer("GB"), vars(LETTER, json(Fixtures.letterJson()),
        INVITED_DELEGATIONS, jsonList(List.of("DE")), SIGN_OFF_DUE_AT, CaseDriver.inDays(5)));
    driver.complete(pi, TASK_APPROVE_DRAFT, "head-gb", head("GB"), vars(DRAFT_APPROVED, true));
    driver.runJobs(pi);
    return pi;
  }

  private String invitedTask(ProcessInstance pi) {
    return driver.task(pi, TASK_DECIDE_CO_SIGNING).getId();
  }

  /** A case of its own, Germany joined, delivered by hand: it waits for the response. */
  private ProcessInstance deliveredCase() {
    ProcessInstance pi = caseAtSignOff();
    driver.complete(pi, TASK_DECIDE_CO_SIGNING, "head-de", head("DE"), vars(CO_SIGNS, true));
    driver.runJobs(pi);
    driver.complete(pi, TASK_SIGN_AND_DELIVER, "head-gb", head("GB"), vars(DELIVERY_CHANNEL, "BY_HAND",
        DELIVERED_AT, OffsetDateTime.now(ZoneOffset.ofHours(1)).toString()));
    driver.runJobs(pi);
    return pi;
  }

  /** A case of its own whose first reply is registered: another reply is a supplementary one. */
  private ProcessInstance repliedCase() {
    ProcessInstance pi = deliveredCase();
    driver.correlate(MESSAGE_RESPONSE_RECEIVED, pi.getBusinessKey(), vars(RESPONSE_RECEIVED_AT, CaseDriver.inDays(0),
        RESPONSE_SUMMARY, "Belarus rejects the invocation."));
    assertThat(replies.of(pi.getBusinessKey())).hasSize(1);
    return pi;
  }

  private String germanysTask;

  /** Germany's "Decide on co-signing" in a case whose sign-off round is open. */
  private synchronized String germanysTask() {
    if (germanysTask == null) {
      ProcessInstance pi = newCase();
      driver.complete(pi, TASK_DRAFT_LETTER, "officer-gb", officer("GB"), vars(LETTER, json(Fixtures.letterJson()),
          INVITED_DELEGATIONS, jsonList(List.of("DE")), SIGN_OFF_DUE_AT, CaseDriver.inDays(5)));
      driver.complete(pi, TASK_APPROVE_DRAFT, "head-gb", head("GB"), vars(DRAFT_APPROVED, true));
      driver.runJobs(pi);
      germanysTask = driver.task(pi, TASK_DECIDE_CO_SIGNING).getId();
    }
    return germanysTask;
  }

  // ---- REST

  private ResponseEntity<String> call(Role role, HttpMethod method, String path, Object body) {
    TestRestTemplate client = role.user == null ? rest : rest.withBasicAuth(role.user, role.user);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return client.exchange(path, method, body == null ? new HttpEntity<>(headers) : new HttpEntity<>(body, headers),
        String.class);
  }

  /** 2xx is allowed; 401 (no login), 403 (no permission), 404 (not visible) and 400 (refused by the process) are not. */
  private static Outcome byStatus(ResponseEntity<String> response) {
    return byStatus(response.getStatusCode().value(), response.getBody());
  }

  private static Outcome byStatus(HttpResponse<String> response) {
    return byStatus(response.statusCode(), response.body());
  }

  private static Outcome byStatus(int status, String body) {
    if (HttpStatusCode.valueOf(status).is2xxSuccessful()) {
      return Outcome.ALLOWED;
    }
    assertThat(status).as("a refusal, not a failure: %s", body).isIn(400, 401, 403, 404);
    return Outcome.DENIED;
  }

  /** The role's browser logged in to Tasklist (anonymous: the login page open, nobody logged in). */
  private WebappSession webapp(Role role) {
    WebappSession session = new WebappSession(rest.getRootUri());
    return role.user == null ? session.open("tasklist") : session.login("tasklist", role.user, role.user);
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode read(ResponseEntity<String> response) {
    try {
      return JSON.readTree(response.getBody());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
