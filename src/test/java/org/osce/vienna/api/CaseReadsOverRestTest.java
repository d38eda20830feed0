package org.osce.vienna.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.junit.jupiter.api.Test;
import org.osce.vienna.drafting.DraftInvitationsBackfill;
import org.osce.vienna.engine.OpenTasksBackfill;
import org.osce.vienna.support.Fixtures;
import org.osce.vienna.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The case API's reads from the application's own tables: who may see a case (the draft's invitations
 * before the sign-off round, the signatories after), and the open tasks with their candidate group and
 * assignee as the engine has them; also for cases and tasks that were open before those tables existed.
 */
class CaseReadsOverRestTest extends ApiTestSupport {

  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;
  @Autowired
  DraftInvitationsBackfill draftInvitationsBackfill;
  @Autowired
  OpenTasksBackfill openTasksBackfill;

  @Test
  void aDelegationInvitedInTheDraftSeesTheCaseBeforeAndAfterTheRoundAndAClaimShowsWhoHasTheTask() {
    String officerGb = TestUsers.officer(identityService, "GB");
    String headGb = TestUsers.head(identityService, "GB");
    String officerFr = TestUsers.officer(identityService, "FR");
    String officerSe = TestUsers.officer(identityService, "SE");
    String headSe = TestUsers.head(identityService, "SE");
    String manager = TestUsers.manager(identityService);
    String reference = "VM-READS-01";

    // Started without invitations: the lead and the managers see it, nobody else.
    assertThat(post(officerGb, "/api/cases", RefusalsOverRestTest.start(reference, b -> { })).status())
        .isEqualTo(201);
    sees(manager, reference, true);
    sees(officerFr, reference, false);
    sees(officerSe, reference, false);

    // A claim shows in the case view, and so does the task given back.
    String draft = taskId(view(officerGb, reference), "Task_DraftLetter");
    assertThat(draftTask(officerGb, reference).path("assignee").asText(null)).isNull();
    assertThat(post(officerGb, "/engine-rest/task/" + draft + "/claim", Map.of("userId", officerGb)).status())
        .isEqualTo(204);
    assertThat(draftTask(officerGb, reference).path("assignee").asText()).isEqualTo(officerGb);
    openTasksAsTheEngineHasThem(reference);
    // Delegations may not unclaim (no TASK_ASSIGN); an administrator gives the task back.
    taskService.setAssignee(draft, null);
    assertThat(draftTask(officerGb, reference).path("assignee").asText(null)).isNull();

    // The draft invites France: France sees the case while it is drafted, Sweden does not.
    submitDraft(officerGb, draft, "FR");
    sees(officerFr, reference, true);
    sees(officerSe, reference, false);
    assertThat(references(get(officerFr, "/api/cases?status=DRAFTING&addresseeState=BY"))).contains(reference);
    assertThat(references(get(officerFr, "/api/cases?status=SIGN_OFF"))).doesNotContain(reference);
    assertThat(references(get(officerFr, "/api/cases?addresseeState=RU"))).doesNotContain(reference);

    // Returned, and submitted again inviting Sweden instead: the invitations are those of the last draft.
    claimAndComplete(headGb, taskId(view(officerGb, reference), "Task_ApproveDraft"),
        variables("draftApproved", "Boolean", false, "reviewComments", "String", "Invite Sweden instead."));
    submitDraft(officerGb, taskId(view(officerGb, reference), "Task_DraftLetter"), "SE");
    sees(officerFr, reference, false);
    sees(officerSe, reference, true);

    // The round opens: Sweden sees the case as a signatory; its head's claim shows on its task.
    claimAndComplete(headGb, taskId(view(officerGb, reference), "Task_ApproveDraft"),
        variables("draftApproved", "Boolean", true));
    JsonNode view = await(officerGb, reference, "co-signing", statusAndTask("SIGN_OFF", "Task_DecideCoSigning"));
    sees(officerSe, reference, true);
    sees(officerFr, reference, false);
    assertThat(references(get(officerSe, "/api/cases?status=SIGN_OFF"))).contains(reference);
    JsonNode decide = tasks(view, "Task_DecideCoSigning").get(0);
    assertThat(decide.path("candidateGroup").asText()).isEqualTo("heads-se");
    assertThat(post(headSe, "/engine-rest/task/" + decide.path("id").asText() + "/claim", Map.of("userId", headSe))
        .status()).isEqualTo(204);
    assertThat(tasks(view(officerGb, reference), "Task_DecideCoSigning").get(0).path("assignee").asText())
        .isEqualTo(headSe);
    openTasksAsTheEngineHasThem(reference);
  }

  @Test
  void theInvitationsAndOpenTasksOfCasesStartedBeforeTheTablesAreCopiedAtStart() {
    String officerGb = TestUsers.officer(identityService, "GB");
    String officerFr = TestUsers.officer(identityService, "FR");
    String reference = "VM-READS-02";
    assertThat(post(officerGb, "/api/cases", RefusalsOverRestTest.start(reference,
        b -> b.putArray("invitedDelegations").add("FR"))).status()).isEqualTo(201);
    String draft = taskId(view(officerGb, reference), "Task_DraftLetter");
    assertThat(post(officerGb, "/engine-rest/task/" + draft + "/claim", Map.of("userId", officerGb)).status())
        .isEqualTo(204);
    JsonNode before = view(officerGb, reference);
    sees(officerFr, reference, true);

    // As the previous version left the database: the invitations only in the process variable, no rows of
    // the open tasks; and a row of a task that has ended since.
    String processInstanceId = processInstanceId(reference);
    jdbc.update("DELETE FROM vm_invitation WHERE case_reference = ?", reference);
    jdbc.update("DELETE FROM vm_open_task WHERE process_instance_id = ?", processInstanceId);
    jdbc.update("INSERT INTO vm_open_task (task_id, process_instance_id, task_key, created_at)"
        + " VALUES ('ended-long-ago', ?, 'Task_DraftLetter', CURRENT_TIMESTAMP)", processInstanceId);
    sees(officerFr, reference, false);

    // A start on a database that had them once already does not read the cases again (docs/performance.md)...
    draftInvitationsBackfill.afterSingletonsInstantiated();
    openTasksBackfill.afterSingletonsInstantiated();
    sees(officerFr, reference, false);
    assertThat(managementService.getProperties()).containsEntry("vienna.upgrade.draft-invitations", "1")
        .containsEntry("vienna.upgrade.open-tasks", "1");
    // ...the first start of this version on a database of the one before does.
    draftInvitationsBackfill.backfill();
    openTasksBackfill.backfill();

    sees(officerFr, reference, true);
    assertThat(view(officerGb, reference)).isEqualTo(before);
    openTasksAsTheEngineHasThem(reference);
  }

  private void submitDraft(String officer, String taskId, String invited) {
    claimAndComplete(officer, taskId, variables("letter", "Json", Fixtures.letterJson(),
        "invitedDelegations", "Json", write(List.of(invited)),
        "signOffDueAt", "String", RefusalsOverRestTest.inDays(2)));
  }

  private JsonNode draftTask(String user, String reference) {
    List<JsonNode> found = tasks(view(user, reference), "Task_DraftLetter");
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  /** Whether the user may read the case, and finds it in her list. */
  private void sees(String user, String reference, boolean sees) {
    assertThat(get(user, "/api/cases/" + reference).status()).as("%s reads %s", user, reference)
        .isEqualTo(sees ? 200 : 404);
    List<String> listed = references(get(user, "/api/cases"));
    if (sees) {
      assertThat(listed).as("%s's list", user).contains(reference);
    } else {
      assertThat(listed).as("%s's list", user).doesNotContain(reference);
    }
  }

  private static List<String> references(Answer list) {
    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    List<String> references = new ArrayList<>();
    list.json().forEach(c -> references.add(c.path("reference").asText()));
    return references;
  }

  /** The view's open tasks are the engine's, in its order, each with its candidate group and assignee. */
  private void openTasksAsTheEngineHasThem(String reference) {
    List<String> shown = new ArrayList<>();
    view("t-officer-gb", reference).path("openTasks").forEach(t -> shown.add(String.join("|",
        t.path("id").asText(), t.path("taskDefinitionKey").asText(), t.path("name").asText(),
        t.path("candidateGroup").asText(null), t.path("assignee").asText(null),
        t.path("dueDate").isNull() ? "-" : OffsetDateTime.parse(t.path("dueDate").asText()).toInstant().toString())));
    List<String> engine = taskService.createTaskQuery().processInstanceId(processInstanceId(reference))
        .orderByTaskCreateTime().asc().orderByTaskId().asc().list().stream()
        .map(t -> String.join("|", t.getId(), t.getTaskDefinitionKey(), t.getName(),
            taskService.getIdentityLinksForTask(t.getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(l -> l.getGroupId()).findFirst().orElse(null),
            t.getAssignee(), t.getDueDate() == null ? "-" : t.getDueDate().toInstant().toString()))
        .toList();
    assertThat(shown).isNotEmpty().isEqualTo(engine);
  }

  private String processInstanceId(String reference) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult().getId();
  }
}
