package org.osce.vienna.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.osce.vienna.support.CountedStatements;
import org.osce.vienna.support.CountedStatements.Statement;
import org.osce.vienna.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A user's requests to {@code /engine-rest} are checked with the user's own groups: the engine does not read every
 * group that holds an authorization on each request ({@code engine/AuthorizationChecksWithOwnGroups}), and what
 * each user may see and do is what it was. Counted on the web server's threads, over HTTP.
 */
class AuthorizationChecksOverRestTest extends ApiTestSupport {

  @Autowired
  CountedStatements statements;
  @Autowired
  TaskService taskService;

  @Test
  void aUsersRequestsAreCheckedWithTheirOwnGroupsWithoutReadingEveryGroupThatHoldsAGrant() {
    String officerGb = TestUsers.officer(identityService, "GB");
    TestUsers.head(identityService, "GB");
    String headDe = TestUsers.head(identityService, "DE");
    String reference = "VM-OWN-GROUPS";
    assertThat(post(officerGb, "/api/cases", RefusalsOverRestTest.start(reference, b -> {
      b.putArray("invitedDelegations").add("DE");
      b.set("letter", RefusalsOverRestTest.letter());
      b.put("signOffDueAt", RefusalsOverRestTest.inDays(2));
    })).status()).isEqualTo(201);
    String draft = taskId(view(officerGb, reference), "Task_DraftLetter");
    String tasksOfTheCase = "/engine-rest/task?processInstanceBusinessKey=" + reference;

    statements.start();
    Answer seenByGb = get(officerGb, tasksOfTheCase);
    Answer seenByDe = get(headDe, tasksOfTheCase);
    Answer claimedByDe = post(headDe, "/engine-rest/task/" + draft + "/claim", Map.of("userId", headDe));
    claimAndComplete(officerGb, draft, Map.of());
    List<Statement> sent = statements.stopOnRequests();

    assertThat(seenByGb.json().findValuesAsText("id")).as("GB's tasks: %s", seenByGb).containsExactly(draft);
    assertThat(seenByDe.json()).as("DE's view of GB's draft: %s", seenByDe).isEmpty();
    assertThat(claimedByDe.status()).as("DE claims GB's draft: %s", claimedByDe).isBetween(400, 499);
    assertThat(taskService.createTaskQuery().taskId(draft).count()).as("the draft, completed by GB").isZero();

    assertThat(sent).as("the requests' statements").anyMatch(s -> s.sql().contains("ACT_RU_AUTHORIZATION"));
    assertThat(sent).as("the requests' statements").noneMatch(
        s -> s.sql().toLowerCase(Locale.ROOT).replace(" ", "").contains("distinct(a.group_id_)"));
  }
}
