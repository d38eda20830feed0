package org.osce.vienna.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osce.vienna.support.CountedStatements;
import org.osce.vienna.support.CountedStatements.Statement;
import org.osce.vienna.support.Fixtures;
import org.osce.vienna.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code GET /api/cases/{reference}} costs a fixed number of SQL statements whatever the size of the case:
 * a case whose sign-off round has 35 co-signing tasks open costs what one with 2 costs (the 2021 letter had
 * 35 co-signatories besides the lead). Counted on the web server's threads, over HTTP, the login included.
 */
class CaseViewQueriesOverRestTest extends ApiTestSupport {

  @Autowired
  CountedStatements statements;

  @Test
  void aCaseWith35OpenCoSigningTasksIsReadInAsManyStatementsAsOneWith2() {
    String officerGb = TestUsers.officer(identityService, "GB");
    TestUsers.head(identityService, "GB");
    String headDe = TestUsers.head(identityService, "DE");
    List<String> thirtyFive = new ArrayList<>(Fixtures.CO_SIGNATORIES_2021);
    thirtyFive.add("SE");
    assertThat(thirtyFive).hasSize(35).doesNotHaveDuplicates();

    inSignOff("VM-QUERIES-02", List.of("DE", "FR"));
    inSignOff("VM-QUERIES-35", thirtyFive);

    for (String user : List.of(officerGb, headDe)) {
      List<Statement> small = statementsOfView(user, "VM-QUERIES-02", 2);
      List<Statement> large = statementsOfView(user, "VM-QUERIES-35", 35);
      assertThat(large).as("statements of the case with 35 tasks open, as %s: %s; with 2: %s", user, large, small)
          .hasSameSizeAs(small);
      // Each of the case's tables is read once: the signatories, for instance, not once per list shown.
      assertThat(large.stream().filter(s -> s.sql().contains("vm_signatory") && !s.sql().contains("vm_case")))
          .as("reads of vm_signatory alone: %s", large).hasSize(1);
    }
  }

  /** Started with the letter and these invitations, drafted, approved: one co-signing task open per invitation. */
  private void inSignOff(String reference, List<String> invited) {
    Answer started = post("t-officer-gb", "/api/cases", RefusalsOverRestTest.start(reference, b -> {
      b.set("invitedDelegations", JSON.valueToTree(invited));
      b.set("letter", RefusalsOverRestTest.letter());
      b.put("signOffDueAt", RefusalsOverRestTest.inDays(2));
    }));
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    claimAndComplete("t-officer-gb", taskId(view("t-officer-gb", reference), "Task_DraftLetter"), Map.of());
    claimAndComplete("t-head-gb", taskId(view("t-officer-gb", reference), "Task_ApproveDraft"),
        variables("draftApproved", "Boolean", true));
    await("t-officer-gb", reference, invited.size() + " co-signing tasks", view -> "SIGN_OFF".equals(
        view.path("status").asText()) && tasks(view, "Task_DecideCoSigning").size() == invited.size());
  }

  /** The statements of one read of the case (after a first read, so that nothing is counted that is read once). */
  private List<Statement> statementsOfView(String user, String reference, int openTasks) {
    view(user, reference);
    statements.start();
    JsonNode view = view(user, reference);
    List<Statement> sent = statements.stopOnRequests();
    assertThat(tasks(view, "Task_DecideCoSigning")).hasSize(openTasks);
    assertThat(view.path("signOff")).hasSize(openTasks);
    return sent;
  }
}
