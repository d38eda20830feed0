package org.osce.vienna.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osce.vienna.support.TestUsers;
import org.osce.vienna.support.WebappSession;

/**
 * Who has joined, declined or not yet decided ({@code signOff}): in the case as systems read it, and in the
 * co-signing form as Tasklist loads it (the webapps' engine API, with a head's session), together with the
 * whole draft letter as it will read; a delegation that was not invited sees neither.
 */
class SignOffOverRestTest extends ApiTestSupport {

  @Test
  void theCaseAndTheCoSigningFormShowWhoHasDecidedSoFar() {
    String officerGb = TestUsers.officer(identityService, "GB");
    TestUsers.head(identityService, "GB");
    String headDe = TestUsers.head(identityService, "DE");
    String headFr = TestUsers.head(identityService, "FR");
    String officerSe = TestUsers.officer(identityService, "SE");
    assertThat(post(officerGb, "/api/cases", RefusalsOverRestTest.start("VM-SO-01", b -> {
      b.putArray("invitedDelegations").add("DE").add("FR");
      b.set("letter", RefusalsOverRestTest.letter());
      b.put("signOffDueAt", RefusalsOverRestTest.inDays(2));
    })).status()).isEqualTo(201);
    assertThat(view(officerGb, "VM-SO-01").path("signOff").isEmpty()).as("before the round opens").isTrue();
    claimAndComplete(officerGb, taskId(view(officerGb, "VM-SO-01"), "Task_DraftLetter"), Map.of());
    claimAndComplete("t-head-gb", taskId(view(officerGb, "VM-SO-01"), "Task_ApproveDraft"),
        variables("draftApproved", "Boolean", true));
    JsonNode view = await(officerGb, "VM-SO-01", "co-signing", v -> tasks(v, "Task_DecideCoSigning").size() == 2);
    String deTask = tasks(view, "Task_DecideCoSigning").stream()
        .filter(t -> t.path("candidateGroup").asText().equals("heads-de")).findFirst().orElseThrow().path("id").asText();
    String frTask = tasks(view, "Task_DecideCoSigning").stream()
        .filter(t -> t.path("candidateGroup").asText().equals("heads-fr")).findFirst().orElseThrow().path("id").asText();
    claimAndComplete(headDe, deTask, variables("coSigns", "Boolean", true));

    JsonNode signOff = view(headFr, "VM-SO-01").path("signOff");
    assertThat(signOff).hasSize(2);
    assertThat(signOff.get(0).path("state").asText()).isEqualTo("FR");
    assertThat(signOff.get(0).path("decision").asText()).isEqualTo("UNDECIDED");
    assertThat(signOff.get(0).path("decidedAt").isNull()).isTrue();
    assertThat(signOff.get(1).path("state").asText()).isEqualTo("DE");
    assertThat(signOff.get(1).path("decision").asText()).isEqualTo("JOINED");
    assertThat(OffsetDateTime.parse(signOff.get(1).path("decidedAt").asText()).getOffset().getTotalSeconds())
        .as("Vienna time, winter").isEqualTo(3600);
    assertThat(signOff.get(1).fieldNames()).toIterable().containsExactly("state", "decision", "decidedAt");
    assertThat(get(officerSe, "/api/cases/VM-SO-01").status()).as("not invited").isEqualTo(404);

    // France's head opens her form in Tasklist: the list, each State by its name, and the letter as it will read.
    WebappSession tasklist = new WebappSession(url("")).login("tasklist", headFr, TestUsers.password(headFr));
    HttpResponse<String> form = tasklist.send("GET",
        "/camunda/api/engine/engine/default/task/" + frTask + "/form-variables?deserializeValues=false", null, false);
    assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
    JsonNode variables = new Answer(200, Map.of(), form.body()).json();
    assertThat(variables.path("signOff").path("type").asText()).isEqualTo("Json");
    JsonNode list = json(variables.path("signOff").path("value").asText());
    assertThat(List.of(list.get(0).path("name").asText() + ": " + list.get(0).path("inWords").asText(),
        list.get(1).path("name").asText() + ": " + list.get(1).path("inWords").asText()))
        .satisfiesExactly(fr -> assertThat(fr).isEqualTo("France: has not decided yet"),
            de -> assertThat(de).startsWith("Germany: joined on ").containsPattern(" Vienna time \\(CES?T\\)$"));
    assertThat(json(variables.path("draftLetter").path("value").asText()).path("html").asText())
        .startsWith("<div class=\"vm-letter\">")
        .contains("on behalf of the following delegations: Germany and the United Kingdom.");
    assertThat(variables.has("declines")).as("the lead's form only").isFalse();
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new AssertionError(text, e);
    }
  }
}
