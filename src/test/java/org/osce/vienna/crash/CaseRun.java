package org.osce.vienna.crash;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osce.vienna.crash.CaseClient.Answer;
import org.osce.vienna.crash.CrashOracle.CasePlan;

/**
 * One case driven from start to close with the calls of docs/api.md, "A case from start to close":
 * the case API to start it and report the response, {@code /engine-rest} to find, claim and
 * complete each task as the user whose task it is. Each {@link #step} reads the case first and
 * does what the case shows is next, so after a crash a step already done is seen as done (its
 * task is gone) and is not repeated, and a step that was lost is simply done again.
 */
final class CaseRun {

  enum Step { ACTED, WAITING, CLOSED }

  static final ZoneOffset VIENNA_WINTER = ZoneOffset.ofHours(1);

  final CasePlan plan;
  private final String signOffDueAt = OffsetDateTime.now(VIENNA_WINTER).plusDays(30).truncatedTo(ChronoUnit.SECONDS)
      .toString();
  /** The response as first reported, reported again unchanged after a crash (the API takes it once). */
  private Map<String, Object> response;
  volatile String lastStatus = "NOT_STARTED";
  volatile boolean closed;

  CaseRun(CasePlan plan) {
    this.plan = plan;
  }

  static String officer(String code) {
    return "crash-officer-" + code.toLowerCase(Locale.ROOT);
  }

  static String head(String code) {
    return "crash-head-" + code.toLowerCase(Locale.ROOT);
  }

  Step step(CaseClient client) {
    client.awaitTurn();
    String officer = officer(plan.lead());
    String head = head(plan.lead());
    Answer read = client.get(officer, "/api/cases/" + plan.reference());
    if (read.status() == 404) {
      return start(client, officer);
    }
    if (read.status() != 200) {
      client.unexpected(plan.reference(), "GET case", read);
      return Step.WAITING;
    }
    JsonNode view = read.json();
    lastStatus = view.path("status").asText();
    if ("CLOSED".equals(lastStatus)) {
      closed = true;
      return Step.CLOSED;
    }
    List<String> open = new ArrayList<>();
    view.path("openTasks").forEach(task -> open.add(task.path("taskDefinitionKey").asText()));

    if (open.contains("Task_DraftLetter")) {
      return complete(client, officer, "Task_DraftLetter", true,
          variables("invitedDelegations", "Json", CaseClient.write(plan.invited())));
    }
    if (open.contains("Task_ApproveDraft")) {
      return complete(client, head, "Task_ApproveDraft", false, variables("draftApproved", "Boolean", true));
    }
    if (open.contains("Task_DecideCoSigning")) {
      Step step = Step.WAITING;
      for (JsonNode task : view.path("openTasks")) {
        if ("Task_DecideCoSigning".equals(task.path("taskDefinitionKey").asText())) {
          String code = task.path("candidateGroup").asText().substring("heads-".length()).toUpperCase(Locale.ROOT);
          boolean joins = !plan.declining().contains(code);
          if (complete(client, head(code), "Task_DecideCoSigning", false, variables("coSigns", "Boolean", joins,
              "coSignComment", "String", joins ? null : "Not this time")) == Step.ACTED) {
            step = Step.ACTED;
          }
        }
      }
      return step;
    }
    if (open.contains("Task_SignAndDeliver")) {
      Map<String, Object> variables = plan.byEmail() ? variables("deliveryChannel", "String", "EMAIL")
          : variables("deliveryChannel", "String", "BY_HAND",
              "deliveredAt", "String", now().minusSeconds(2).toString());
      variables.putAll(variables("announcements", "Json", "[\"INFORM_PARTICIPATING_STATES\"]"));
      return complete(client, head, "Task_SignAndDeliver", false, variables);
    }
    if (open.contains("Task_RegisterResponse")) {
      return reportResponse(client, officer);
    }
    if (open.contains("Task_AssessResponse")) {
      return complete(client, officer, "Task_AssessResponse", false, variables(
          "responseSubstantive", "Boolean", false,
          "questionAssessments", "Json", "[{\"question\": 1, \"assessment\": \"NOT_ANSWERED\"}]"));
    }
    if (open.contains("Task_DecideFollowUp")) {
      return complete(client, head, "Task_DecideFollowUp", false, variables("followUpActions", "Json", "[]"));
    }
    // A service step of the case is the job executor's: wait for it.
    return Step.WAITING;
  }

  private Step start(CaseClient client, String officer) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("reference", plan.reference());
    body.put("leadDelegation", plan.lead());
    body.put("addresseeState", plan.addressee());
    body.put("subject", "Crash test " + plan.reference());
    body.put("letter", letter());
    body.put("invitedDelegations", plan.invited());
    body.put("signOffDueAt", signOffDueAt);
    Answer started = client.post(officer, "/api/cases", body);
    if (started.status() == 201) {
      client.steps.incrementAndGet();
      return Step.ACTED;
    }
    // 409: the start before a crash was committed after all; the next read shows the case.
    if (started.status() != 409) {
      client.unexpected(plan.reference(), "POST /api/cases", started);
    }
    return Step.WAITING;
  }

  private Map<String, Object> letter() {
    Map<String, Object> addressee = new LinkedHashMap<>();
    addressee.put("state", plan.addressee());
    addressee.put("honorific", "His Excellency");
    addressee.put("name", "Mr. Permanent Representative");
    addressee.put("title", "Permanent Representative");
    addressee.put("mission", "Permanent Mission of " + plan.addressee() + " to the OSCE");
    addressee.put("salutation", "Dear Ambassador,");
    Map<String, Object> letter = new LinkedHashMap<>();
    letter.put("addressee", addressee);
    letter.put("introduction", List.of("We write under the Vienna Mechanism of the OSCE human dimension."));
    letter.put("concerns", List.of(Map.of("topic", "Detentions", "text", "Human rights defenders remain in detention.")));
    letter.put("questions", List.of("How many persons detained for exercising their human rights remain in detention?"));
    letter.put("closing", "We look forward to your response.");
    letter.put("responsePeriodDays", 10);
    return letter;
  }

  private Step reportResponse(CaseClient client, String officer) {
    if (response == null) {
      response = new LinkedHashMap<>();
      response.put("responseReceivedAt", now().toString());
      response.put("responseReference", "No. " + plan.reference());
      response.put("responseSummary", "The reply in case " + plan.reference() + " answers none of the questions.");
    }
    Answer reported = client.post(officer, "/api/cases/" + plan.reference() + "/response", response);
    if (reported.status() == 202) {
      client.steps.incrementAndGet();
      return Step.ACTED;
    }
    client.unexpected(plan.reference(), "POST response", reported);
    return Step.WAITING;
  }

  /** Finds the task as docs/api.md does (by business key and task key, as the acting user), claims it if asked, completes it. */
  private Step complete(CaseClient client, String user, String taskKey, boolean claim, Map<String, Object> variables) {
    Answer found = client.get(user, "/engine-rest/task?processInstanceBusinessKey=" + plan.reference()
        + "&taskDefinitionKey=" + taskKey);
    if (found.status() != 200) {
      client.unexpected(plan.reference(), "find " + taskKey + " as " + user, found);
      return Step.WAITING;
    }
    if (found.json().isEmpty()) {
      return Step.WAITING;
    }
    String taskId = found.json().get(0).path("id").asText();
    if (claim) {
      Answer claimed = client.post(user, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", user));
      if (claimed.status() != 204) {
        client.unexpected(plan.reference(), "claim " + taskKey + " as " + user, claimed);
        return Step.WAITING;
      }
    }
    Answer completed = client.post(user, "/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables));
    if (completed.status() == 204) {
      client.steps.incrementAndGet();
      return Step.ACTED;
    }
    client.unexpected(plan.reference(), "complete " + taskKey + " as " + user, completed);
    return Step.WAITING;
  }

  /** How many successful steps this case takes (start, tasks, the response report). */
  int expectedSteps() {
    return 7 + plan.invited().size();
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(VIENNA_WINTER).truncatedTo(ChronoUnit.SECONDS);
  }

  /** Engine REST variables: name, type, value, ... */
  private static Map<String, Object> variables(Object... nameTypeValue) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (int i = 0; i < nameTypeValue.length; i += 3) {
      Map<String, Object> variable = new LinkedHashMap<>();
      variable.put("type", nameTypeValue[i + 1]);
      variable.put("value", nameTypeValue[i + 2]);
      variables.put((String) nameTypeValue[i], variable);
    }
    return variables;
  }
}
