package org.osce.vienna.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osce.vienna.casefile.Groups;
import org.osce.vienna.notification.MailAddresses;
import org.osce.vienna.notification.NotificationDispatcher;
import org.osce.vienna.support.ReceivedMail;
import org.osce.vienna.support.TestSmtp;
import org.osce.vienna.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The coalition and the withdrawal as systems meet them: a delegation joins late or withdraws its signature
 * ({@code POST/DELETE /api/cases/{reference}/co-signatories}) and the letter waiting for signature is composed
 * again; the lead withdraws its invocation ({@code POST /api/cases/{reference}/withdrawal}), every task and timer
 * ends and the delegations read it in their mail. Every refusal is problem+json naming the field, and changes
 * nothing.
 */
class CoalitionAndWithdrawalOverRestTest extends ApiTestSupport {

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  @Autowired
  NotificationDispatcher dispatcher;
  @Autowired
  MailAddresses addresses;

  private Answer delete(String user, String path) {
    return call("DELETE", path, user, TestUsers.password(user), null);
  }

  private static void assertProblem(Answer answer, int status, String field, String words) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    assertThat(answer.contentType()).startsWith(PROBLEM_JSON);
    if (field != null) {
      assertThat(answer.json().path("fieldErrors").path(field).asText()).as(answer.toString()).contains(words);
    } else {
      assertThat(answer.json().path("detail").asText()).as(answer.toString()).contains(words);
    }
  }

  /** What a refusal must leave as it was: the signatories, the letters composed, the timeline. */
  private String record(String reference) {
    JsonNode view = view("t-officer-gb", reference);
    return view.path("signatories") + " " + view.path("composedLetters").size() + " " + view.path("timeline").size()
        + " " + view.path("status");
  }

  @Test
  void aLateJoinAfterCompositionChangesTheLettersListAndRefusalsChangeNothing() {
    for (String code : List.of("GB", "DE", "FR", "BY")) {
      TestUsers.head(identityService, code);
    }
    TestUsers.officer(identityService, "GB");
    TestUsers.officer(identityService, "FR");
    TestUsers.officer(identityService, "SE");
    String reference = "VM-COAL-01";
    JsonNode before = letterToSign(reference, false);
    String firstTask = taskId(before, "Task_SignAndDeliver");
    assertThat(get("t-head-fr", "/api/cases/" + reference).status()).as("France was not invited").isEqualTo(404);

    // France's head, told the reference by the lead, joins: the letter is composed again naming France.
    Answer joined = post("t-head-fr", "/api/cases/" + reference + "/co-signatories", Map.of("state", "FR"));
    assertThat(joined.status()).as(joined.toString()).isEqualTo(200);
    assertThat(joined.json().path("signatories")).extracting(JsonNode::asText).containsExactly("GB", "FR");
    JsonNode view = await("t-head-fr", reference, "the letter composed again", v -> v.path("composedLetters").size() == 2
        && !tasks(v, "Task_SignAndDeliver").isEmpty());
    assertThat(taskId(view, "Task_SignAndDeliver")).as("a new task to sign the new letter").isNotEqualTo(firstTask);
    assertThat(view.path("composedLetters").get(1).path("signatories")).extracting(JsonNode::asText)
        .containsExactly("GB", "FR");
    assertThat(view.path("signOff")).extracting(e -> e.path("state").asText() + " " + e.path("decision").asText())
        .containsExactly("FR JOINED", "DE DECLINED");
    assertThat(get("t-head-gb", "/api/cases/" + reference + "/letter").body())
        .contains("on behalf of the following delegations: France and the United Kingdom.");
    // Joining again changes nothing.
    assertThat(post("t-head-fr", "/api/cases/" + reference + "/co-signatories", Map.of("state", "France")).status())
        .isEqualTo(200);

    String unchanged = record(reference);
    String path = "/api/cases/" + reference + "/co-signatories";
    assertProblem(post("t-head-fr", path, Map.of()), 400, "state", "is required");
    assertProblem(post("t-head-fr", path, Map.of("state", "XX")), 400, "state", "is not one of the 57");
    assertProblem(post("t-head-fr", path, Map.of("state", "FR", "country", "FR")), 400, "country",
        "is not a field of this request");
    assertProblem(post("t-head-gb", path, Map.of("state", "GB")), 400, "state", "the lead delegation");
    assertProblem(delete("t-head-gb", path + "/GB"), 400, "state", "withdraw the invocation");
    assertProblem(post("t-head-gb", path, Map.of("state", "DE")), 403, null, "Only the heads of delegation of DE");
    assertProblem(post("t-officer-fr", path, Map.of("state", "FR")), 403, null, "Only the heads of delegation of FR");
    assertProblem(post("t-head-by", path, Map.of("state", "BY")), 404, null, "no case '" + reference + "'");
    assertProblem(delete("t-officer-se", path + "/DE"), 404, null, "no case '" + reference + "'");
    assertThat(record(reference)).isEqualTo(unchanged);

    // France withdraws its signature; signed and delivered, the list no longer changes.
    assertThat(delete("t-head-fr", path + "/FR").status()).isEqualTo(200);
    view = await("t-officer-gb", reference, "composed without France", v -> v.path("composedLetters").size() == 3
        && !tasks(v, "Task_SignAndDeliver").isEmpty());
    claimAndComplete("t-head-gb", taskId(view, "Task_SignAndDeliver"), variables("deliveryChannel", "String",
        "BY_HAND", "deliveredAt", "String", RefusalsOverRestTest.inDays(0)));
    await("t-officer-gb", reference, "delivered", status("AWAITING_RESPONSE"));
    String delivered = record(reference);
    Answer late = post("t-head-fr", path, Map.of("state", "FR"));
    assertProblem(late, 409, "state", "its letter was signed and delivered on ");
    assertThat(late.json().path("caseStatus").asText()).isEqualTo("AWAITING_RESPONSE");
    assertThat(record(reference)).isEqualTo(delivered);
    assertThat(view("t-officer-gb", reference).path("signatories")).extracting(JsonNode::asText).containsExactly("GB");
  }

  @Test
  void aWithdrawnCaseEndsEveryTaskAndTimerAndTheDelegationsReadWhy() {
    TestUsers.officer(identityService, "GB");
    TestUsers.head(identityService, "GB");
    TestUsers.head(identityService, "DE");
    TestUsers.officer(identityService, "SE");
    TestUsers.manager(identityService);
    String reference = "VM-WDR-01";
    deliver(reference);
    String path = "/api/cases/" + reference + "/withdrawal";
    String processInstanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .singleResult().getId();

    String unchanged = record(reference);
    assertProblem(post("t-head-gb", path, Map.of()), 400, "reason", "is required: say why");
    assertProblem(post("t-head-gb", path, Map.of("reason", " ", "why", "x")), 400, "why", "is not a field");
    assertProblem(post("t-officer-gb", path, Map.of("reason", "x")), 403, null, "Only the heads of the lead delegation");
    assertProblem(post("t-head-de", path, Map.of("reason", "x")), 403, null, "Only the heads of the lead delegation");
    assertProblem(post("t-manager", path, Map.of("reason", "x")), 403, null, "Only the heads of the lead delegation");
    assertProblem(post("t-officer-se", path, Map.of("reason", "x")), 404, null, "no case '" + reference + "'");
    assertThat(record(reference)).isEqualTo(unchanged);

    Answer withdrawn = post("t-head-gb", path, Map.of("reason", "A dialogue on the cases has begun."));
    assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
    assertThat(withdrawn.json().path("status").asText()).isEqualTo("WITHDRAWN");
    assertThat(withdrawn.json().path("openTasks").isEmpty()).isTrue();
    JsonNode last = withdrawn.json().path("timeline").get(withdrawn.json().path("timeline").size() - 1);
    assertThat(last.path("event").asText() + " " + last.path("by").asText() + ": " + last.path("detail").asText())
        .isEqualTo("INVOCATION_WITHDRAWN t-head-gb: A dialogue on the cases has begun.");
    await("t-officer-gb", reference, "the case's process ended", v -> runtimeService.createProcessInstanceQuery()
        .processInstanceId(processInstanceId).count() == 0);
    assertThat(runtimeService.createEventSubscriptionQuery().processInstanceId(processInstanceId).count()).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_job WHERE process_instance_id_ = ?", Long.class,
        processInstanceId)).isZero();
    assertThat(view("t-officer-gb", reference).path("status").asText()).isEqualTo("WITHDRAWN");

    Answer again = post("t-head-gb", path, Map.of("reason", "Again."));
    assertProblem(again, 409, "reference", "was already withdrawn");
    assertThat(again.json().path("caseStatus").asText()).isEqualTo("WITHDRAWN");
    assertProblem(post("t-head-gb", "/api/cases/" + reference + "/response",
        RefusalsOverRestTest.response(RefusalsOverRestTest.inDays(0))), 409, null, "was withdrawn");

    // The lead and Germany read it in their mail, with the reason.
    dispatcher.dispatchDue();
    List<ReceivedMail> mails = new ArrayList<>(ReceivedMail.all(smtp.getReceivedMessages()).stream()
        .filter(m -> m.subject().equals("Invocation withdrawn: " + reference + " (Belarus)")).toList());
    assertThat(mails).extracting(m -> String.join(",", m.to())).containsExactlyInAnyOrder(
        address(Groups.delegation("GB")), address(Groups.delegation("DE")));
    assertThat(mails.get(0).text()).contains("The United Kingdom has withdrawn its invocation of the Vienna Mechanism",
        "Reason given: A dialogue on the cases has begun.");
  }

  private String address(String group) {
    return addresses.of(group);
  }
}
