package org.osce.vienna.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.osce.vienna.casefile.Groups;
import org.osce.vienna.engine.ProcessConstants;
import org.osce.vienna.support.TestUsers;
import org.osce.vienna.support.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The case API with the webapps' login, as a browser calls it from a Tasklist form's link or from
 * Cockpit's Cases view: the session of Tasklist or Cockpit reads what its user may see (the same rules
 * as HTTP Basic), never writes, with or without the webapps' CSRF token; without a login, 401 with the
 * Basic challenge, as before.
 */
class WebappLoginOverRestTest extends ApiTestSupport {

  @Autowired
  RepositoryService repositoryService;

  /** A browser with the webapps' session, whose answers read as the other API tests' do. */
  final class Browser {

    final WebappSession session = new WebappSession(url(""));

    Browser open(String app) {
      session.open(app);
      return this;
    }

    Browser login(String app, String user) {
      session.login(app, user, TestUsers.password(user));
      return this;
    }

    void logout() {
      session.logout();
    }

    Answer get(String path, String... headers) {
      return answer(session.send("GET", path, null, false, headers));
    }

    /** A POST of JSON, with the CSRF token or without. */
    Answer post(String path, String body, boolean withCsrfToken, String... headers) {
      return answer(session.send("POST", path, body, withCsrfToken, headers));
    }

    HttpResponse<byte[]> bytes(String path) {
      return session.bytes(path);
    }

    private Answer answer(HttpResponse<String> response) {
      return new Answer(response.statusCode(), response.headers().map(), response.body());
    }
  }

  @Test
  void aTasklistLoginReadsTheLetterOfItsCaseAndNothingItMayNotSee() {
    String officerGb = TestUsers.officer(identityService, "GB");
    TestUsers.head(identityService, "GB");
    TestUsers.head(identityService, "DE");
    String officerSe = TestUsers.officer(identityService, "SE");
    deliver("VM-WL-01");

    Browser gb = new Browser().login("tasklist", officerGb);
    HttpResponse<byte[]> pdf = gb.bytes("/api/cases/VM-WL-01/letter.pdf");
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    Answer html = gb.get("/api/cases/VM-WL-01/letter");
    assertThat(html.status()).isEqualTo(200);
    assertThat(html.body()).contains("on behalf of the following delegations");
    // Once composed, the letter as it will read is the final letter itself.
    assertThat(gb.get("/api/cases/VM-WL-01/letter/preview").body()).isEqualTo(html.body());
    assertThat(gb.get("/api/cases/VM-WL-01").json().path("status").asText()).isEqualTo("AWAITING_RESPONSE");
    assertThat(gb.get("/api/cases?status=AWAITING_RESPONSE").json()).extracting(c -> c.path("reference").asText())
        .contains("VM-WL-01");

    // Sweden is neither lead nor invited: the same 404 as for a case that does not exist.
    Browser se = new Browser().login("tasklist", officerSe);
    Answer notHers = se.get("/api/cases/VM-WL-01/letter.pdf");
    assertThat(notHers.status()).isEqualTo(404);
    assertThat(notHers.contentType()).startsWith(PROBLEM_JSON);
    assertThat(notHers.json().path("detail").asText()).isEqualTo("There is no case 'VM-WL-01' that you may see");
    assertThat(se.get("/api/cases/VM-WL-01").status()).isEqualTo(404);
    assertThat(se.get("/api/cases").json()).extracting(c -> c.path("reference").asText()).doesNotContain("VM-WL-01");

    // A manager's Cockpit login reads every case, as Cockpit's Cases view does.
    Browser manager = new Browser().login("cockpit", TestUsers.manager(identityService));
    assertThat(manager.get("/api/cases/VM-WL-01").status()).isEqualTo(200);
  }

  @Test
  void aWebappLoginNeverWritesWithOrWithoutTheCsrfToken() {
    String officerGb = TestUsers.officer(identityService, "GB");
    Browser gb = new Browser().login("tasklist", officerGb);
    String start = write(Map.of("reference", "VM-WL-02", "leadDelegation", "GB", "addresseeState", "BY",
        "subject", "Human rights situation in Belarus"));
    long cases = rows("vm_case");
    for (boolean withToken : new boolean[] {false, true}) {
      Answer refused = gb.post("/api/cases", start, withToken);
      assertThat(refused.status()).as("with the CSRF token: %s; %s", withToken, refused).isEqualTo(403);
      assertThat(refused.contentType()).startsWith(PROBLEM_JSON);
      assertThat(refused.json().path("title").asText()).isEqualTo("Read only with a webapp login");
      Answer response = gb.post("/api/cases/VM-2021-BY-01/response",
          "{\"responseReceivedAt\": \"2022-03-01T10:00:00+01:00\"}", withToken);
      assertThat(response.status()).isEqualTo(403);
    }
    assertThat(rows("vm_case")).isEqualTo(cases);
    assertThat(post(officerGb, "/api/cases", start).status()).as("the same start over HTTP Basic").isEqualTo(201);
  }

  @Test
  void aTasklistLoginAttachesADocumentOnlyWithItsCsrfToken() {
    String officerGb = TestUsers.officer(identityService, "GB");
    assertThat(post(officerGb, "/api/cases", write(Map.of("reference", "VM-WL-ATTACH", "leadDelegation", "GB",
        "addresseeState", "BY", "subject", "Human rights situation in Belarus"))).status()).isEqualTo(201);
    Browser gb = new Browser().login("tasklist", officerGb);
    String boundary = "vm-boundary";
    String upload = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nREPLY\r\n--" + boundary
        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"reply.pdf\"\r\nContent-Type: application/pdf"
        + "\r\n\r\n%PDF-1.4\n%%EOF\n\r\n--" + boundary + "--\r\n";
    long kept = rows("vm_document");
    Answer refused = gb.post("/api/cases/VM-WL-ATTACH/documents", upload, false,
        "Content-Type", "multipart/form-data; boundary=" + boundary);
    assertThat(refused.status()).as("without the token: %s", refused).isEqualTo(403);
    assertThat(rows("vm_document")).isEqualTo(kept);
    Answer attached = gb.post("/api/cases/VM-WL-ATTACH/documents", upload, true,
        "Content-Type", "multipart/form-data; boundary=" + boundary);
    assertThat(attached.status()).as("with the token: %s", attached).isEqualTo(201);
    assertThat(attached.json().path("addedBy").asText()).isEqualTo(officerGb);
    assertThat(rows("vm_document")).isEqualTo(kept + 1);
  }

  @Test
  void withoutALoginTheAnswerIs401WithTheBasicChallenge() {
    String officerGb = TestUsers.officer(identityService, "GB");
    assertThat(post(officerGb, "/api/cases", write(Map.of("reference", "VM-WL-03", "leadDelegation", "GB",
        "addresseeState", "BY", "subject", "Human rights situation in Belarus"))).status()).isEqualTo(201);
    // No session at all; a session of the webapps' login page, nobody logged in; a session after logout.
    Browser nobody = new Browser();
    Browser loginPage = new Browser().open("tasklist");
    Browser loggedOut = new Browser().login("tasklist", officerGb);
    assertThat(loggedOut.get("/api/cases/VM-WL-03").status()).isEqualTo(200);
    loggedOut.logout();
    for (Browser browser : new Browser[] {nobody, loginPage, loggedOut}) {
      Answer answer = browser.get("/api/cases/VM-WL-03/letter.pdf");
      assertThat(answer.status()).isEqualTo(401);
      assertThat(answer.header("WWW-Authenticate")).isEqualTo("Basic realm=\"vienna-mechanism\", charset=\"UTF-8\"");
      assertThat(answer.json().path("title").asText()).isEqualTo("Authentication required");
    }
    // Credentials that are not Basic are not taken for the session's user.
    Browser gb = new Browser().login("tasklist", officerGb);
    assertThat(gb.get("/api/cases/VM-WL-03", "Authorization", "Bearer something").status()).isEqualTo(401);
    // Wrong Basic credentials are wrong, whatever the session.
    assertThat(gb.get("/api/cases/VM-WL-03", "Authorization", "Basic " + Base64.getEncoder()
        .encodeToString("t-officer-gb:wrong".getBytes(StandardCharsets.UTF_8))).status()).isEqualTo(401);
  }

  @Test
  void anInvitedHeadReadsTheLetterAsItWillReadBeforeItIsComposed() {
    String officerGb = TestUsers.officer(identityService, "GB");
    String headGb = TestUsers.head(identityService, "GB");
    String headDe = TestUsers.head(identityService, "DE");
    String headFr = TestUsers.head(identityService, "FR");
    String headSe = TestUsers.head(identityService, "SE");
    assertThat(post(officerGb, "/api/cases", RefusalsOverRestTest.start("VM-WL-04", b -> {
      b.putArray("invitedDelegations").add("DE").add("FR");
      b.set("letter", RefusalsOverRestTest.letter());
      b.put("signOffDueAt", RefusalsOverRestTest.inDays(2));
    })).status()).isEqualTo(201);

    Browser de = new Browser().login("tasklist", headDe);
    Answer drafting = de.get("/api/cases/VM-WL-04/letter/preview");
    assertThat(drafting.status()).as(drafting.toString()).isEqualTo(404);
    assertThat(drafting.json().path("title").asText()).isEqualTo("No letter to read yet");

    claimAndComplete(officerGb, taskId(view(officerGb, "VM-WL-04"), "Task_DraftLetter"), Map.of());
    claimAndComplete(headGb, taskId(view(officerGb, "VM-WL-04"), "Task_ApproveDraft"),
        variables("draftApproved", "Boolean", true));
    JsonNode view = await(officerGb, "VM-WL-04", "co-signing", statusAndTask("SIGN_OFF", "Task_DecideCoSigning"));
    Answer before = de.get("/api/cases/VM-WL-04/letter/preview");
    assertThat(before.status()).as(before.toString()).isEqualTo(200);
    assertThat(before.contentType()).startsWith("text/html");
    assertThat(before.body()).contains("Draft: the letter as it will read",
        "on behalf of the following delegation: the United Kingdom.");
    assertThat(de.get("/api/cases/VM-WL-04/letter").status()).as("no final letter yet").isEqualTo(404);

    String frTask = tasks(view, "Task_DecideCoSigning").stream()
        .filter(t -> t.path("candidateGroup").asText().equals("heads-fr")).findFirst().orElseThrow()
        .path("id").asText();
    claimAndComplete(headFr, frTask, variables("coSigns", "Boolean", true));
    await(officerGb, "VM-WL-04", "France joined", v -> v.path("signatories").toString().contains("FR"));
    assertThat(de.get("/api/cases/VM-WL-04/letter/preview").body())
        .contains("on behalf of the following delegations: France and the United Kingdom.");

    // Sweden was not invited.
    Answer se = new Browser().login("tasklist", headSe).get("/api/cases/VM-WL-04/letter/preview");
    assertThat(se.status()).isEqualTo(404);
    assertThat(se.json().path("title").asText()).isEqualTo("Case not found");
  }

  @Test
  void cockpitServesTheCasesPlugin() {
    Browser manager = new Browser().login("cockpit", TestUsers.manager(identityService));
    Answer page = manager.get("/camunda/app/cockpit/default/");
    assertThat(page.body()).contains("vienna-cases");
    Answer plugin = manager.get("/camunda/api/cockpit/plugin/vienna-cases/static/app/plugin.js");
    assertThat(plugin.status()).isEqualTo(200);
    assertThat(plugin.contentType()).startsWith("text/javascript");
    assertThat(plugin.body()).contains("pluginPoint: \"cockpit.route\"", "pluginPoint: \"cockpit.navigation\"");
    assertThat(manager.get("/camunda/api/cockpit/plugin/vienna-cases/static/app/plugin.css").status()).isEqualTo(200);
  }

  @Test
  void tasklistServesTheFormsPlugin() {
    Browser officer = new Browser().login("tasklist", TestUsers.officer(identityService, "GB"));
    assertThat(officer.get("/camunda/app/tasklist/default/").body()).contains("vienna-forms");
    Answer plugin = officer.get("/camunda/api/tasklist/plugin/vienna-forms/static/app/plugin.js");
    assertThat(plugin.status()).isEqualTo(200);
    assertThat(plugin.contentType()).startsWith("text/javascript");
    assertThat(plugin.body()).contains("notifyFormValidated", "is not a date written");
    assertThat(officer.get("/camunda/api/tasklist/plugin/vienna-forms/static/app/plugin.css").status()).isEqualTo(200);
  }

  @Test
  void theStartFormComesWithTheUsersOwnDelegationAsTheLead() {
    String definition = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(ProcessConstants.PROCESS_KEY).latestVersion().singleResult().getId();
    String startForm = "/camunda/api/engine/engine/default/process-definition/" + definition + "/deployed-start-form";

    Answer officer = new Browser().login("tasklist", TestUsers.officer(identityService, "GB")).get(startForm);
    assertThat(officer.status()).isEqualTo(200);
    assertThat(leadField(officer).path("defaultValue").asText()).isEqualTo("GB");
    Answer head = new Browser().login("tasklist", TestUsers.head(identityService, "FR")).get(startForm);
    assertThat(leadField(head).path("defaultValue").asText()).isEqualTo("FR");
    // The administrator belongs to no delegation: she chooses.
    TestUsers.ensure(identityService, "t-admin", Groups.ADMINS);
    Answer admin = new Browser().login("tasklist", "t-admin").get(startForm);
    assertThat(admin.status()).isEqualTo(200);
    assertThat(leadField(admin).has("defaultValue")).isFalse();
  }

  private static JsonNode leadField(Answer form) {
    for (var component : form.json().path("components")) {
      if (ProcessConstants.LEAD_DELEGATION.equals(component.path("key").asText())) {
        return component;
      }
    }
    throw new AssertionError("no field leadDelegation in " + form.body());
  }
}
