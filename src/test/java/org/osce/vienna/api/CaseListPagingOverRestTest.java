package org.osce.vienna.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.casefile.CaseStatus;
import org.osce.vienna.signoff.Signatories;
import org.osce.vienna.support.CountedStatements;
import org.osce.vienna.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The case list a page at a time: the body stays the page's cases (a JSON array), the total and the other
 * pages are in the headers ({@code X-Total-Count}, {@code Link}); filters and who sees what hold over every
 * page and in the total. The cases are the application's records of cases of States no other test uses
 * (San Marino leads; Andorra and the Holy See are addressed; Liechtenstein and Monaco lead others), so the
 * counts are this class's own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseListPagingOverRestTest extends ApiTestSupport {

  private static final Instant FIRST = Instant.parse("2019-01-07T09:00:00Z");

  @Autowired
  CaseRecords records;
  @Autowired
  Signatories signatories;
  @Autowired
  CountedStatements statements;

  private String manager;
  private String officerSm;
  private String officerMc;

  /**
   * San Marino leads six cases to Andorra (four awaiting the response, two closed; two started at the same
   * moment) and one to the Holy See; Liechtenstein leads one to Andorra that San Marino co-signs, one being
   * drafted that invites San Marino, and one that Monaco co-signs.
   */
  @BeforeAll
  void casesOfStatesNoOtherTestUses() {
    manager = TestUsers.manager(identityService);
    officerSm = TestUsers.officer(identityService, "SM");
    officerMc = TestUsers.officer(identityService, "MC");
    for (int i = 1; i <= 6; i++) {
      // Cases 05 and 06 start at the same moment: the reference orders them.
      record("VM-PAGE-SM-0" + i, "SM", "AD", FIRST.plus(Math.min(i, 5), ChronoUnit.DAYS),
          i <= 4 ? CaseStatus.AWAITING_RESPONSE : CaseStatus.CLOSED);
    }
    record("VM-PAGE-SM-VA", "SM", "VA", FIRST.plus(10, ChronoUnit.DAYS), CaseStatus.AWAITING_RESPONSE);
    record("VM-PAGE-LI-CO", "LI", "AD", FIRST.plus(20, ChronoUnit.DAYS), CaseStatus.SIGN_OFF);
    signatories.openRound("VM-PAGE-LI-CO", "LI", List.of("SM", "MC"), FIRST.plus(20, ChronoUnit.DAYS));
    record("VM-PAGE-LI-INV", "LI", "AD", FIRST.plus(21, ChronoUnit.DAYS), CaseStatus.DRAFTING);
    jdbc.update("INSERT INTO vm_invitation (case_reference, state_code) VALUES ('VM-PAGE-LI-INV', 'SM')");
    record("VM-PAGE-LI-MC", "LI", "AD", FIRST.plus(22, ChronoUnit.DAYS), CaseStatus.AWAITING_RESPONSE);
    signatories.openRound("VM-PAGE-LI-MC", "LI", List.of("MC"), FIRST.plus(22, ChronoUnit.DAYS));
  }

  private void record(String reference, String lead, String addressee, Instant startedAt, CaseStatus status) {
    records.create(reference, "Human rights situation", lead, addressee, null, "t-officer-" + lead.toLowerCase(),
        startedAt);
    records.status(reference, status);
  }

  @Test
  void aManagerPagesThroughAnAddresseesCasesNewestFirstWithTheTotalAndLinks() {
    List<String> newestFirst = List.of("VM-PAGE-LI-MC", "VM-PAGE-LI-INV", "VM-PAGE-LI-CO", "VM-PAGE-SM-05",
        "VM-PAGE-SM-06", "VM-PAGE-SM-04", "VM-PAGE-SM-03", "VM-PAGE-SM-02", "VM-PAGE-SM-01");

    Answer first = get(manager, "/api/cases?addresseeState=AD&size=4");
    assertThat(references(first)).containsExactlyElementsOf(newestFirst.subList(0, 4));
    assertThat(first.header("X-Total-Count")).isEqualTo("9");
    assertThat(links(first)).containsExactly(
        "</api/cases?addresseeState=AD&page=0&size=4>; rel=\"first\"",
        "</api/cases?addresseeState=AD&page=1&size=4>; rel=\"next\"",
        "</api/cases?addresseeState=AD&page=2&size=4>; rel=\"last\"");

    // Following "next" as a client does: every case once, in order, the last page short.
    List<String> all = new ArrayList<>(references(first));
    Answer page = first;
    List<Integer> sizes = new ArrayList<>(List.of(references(first).size()));
    while (next(page) != null) {
      page = get(manager, next(page));
      assertThat(page.header("X-Total-Count")).isEqualTo("9");
      all.addAll(references(page));
      sizes.add(references(page).size());
    }
    assertThat(sizes).containsExactly(4, 4, 1);
    assertThat(all).containsExactlyElementsOf(newestFirst);
    assertThat(links(page)).containsExactly(
        "</api/cases?addresseeState=AD&page=0&size=4>; rel=\"first\"",
        "</api/cases?addresseeState=AD&page=1&size=4>; rel=\"prev\"",
        "</api/cases?addresseeState=AD&page=2&size=4>; rel=\"last\"");

    // Beyond the end: no cases, the same total, and the way back to the last page.
    Answer beyond = get(manager, "/api/cases?addresseeState=AD&page=7&size=4");
    assertThat(references(beyond)).isEmpty();
    assertThat(beyond.header("X-Total-Count")).isEqualTo("9");
    assertThat(links(beyond)).contains("</api/cases?addresseeState=AD&page=2&size=4>; rel=\"prev\"");

    // A status filter: the total is of that status only; a page without its size has 50.
    Answer awaiting = get(manager, "/api/cases?addresseeState=AD&status=AWAITING_RESPONSE&page=0");
    assertThat(references(awaiting)).containsExactly("VM-PAGE-LI-MC", "VM-PAGE-SM-04", "VM-PAGE-SM-03",
        "VM-PAGE-SM-02", "VM-PAGE-SM-01");
    assertThat(awaiting.header("X-Total-Count")).isEqualTo("5");
    assertThat(links(awaiting)).containsExactly(
        "</api/cases?addresseeState=AD&status=AWAITING_RESPONSE&page=0&size=50>; rel=\"first\"",
        "</api/cases?addresseeState=AD&status=AWAITING_RESPONSE&page=0&size=50>; rel=\"last\"");
  }

  @Test
  void aReaderThatAsksForNoPageGetsEveryCaseAsTheFirstEditionAnswered() {
    for (int n = 0; n < 52; n++) {
      record("VM-PAGE-ALL-" + n, "LI", "IS", FIRST.plus(n, ChronoUnit.MINUTES), CaseStatus.AWAITING_RESPONSE);
    }
    Answer all = get(manager, "/api/cases?addresseeState=IS");
    assertThat(references(all)).hasSize(52).doesNotHaveDuplicates();
    assertThat(all.header("X-Total-Count")).isEqualTo("52");
    assertThat(all.header("Link")).as("no pages to follow").isNull();
    assertThat(references(get(manager, "/api/cases?addresseeState=IS&page=0"))).hasSize(50);
  }

  @Test
  void aDelegationsPagesAndTotalsCountOnlyTheCasesItMaySee() {
    // San Marino: its six cases to Andorra, the one it co-signs and the one it is invited to; not Monaco's.
    List<String> seen = new ArrayList<>();
    for (int n = 0; n < 3; n++) {
      Answer page = get(officerSm, "/api/cases?addresseeState=AD&size=3&page=" + n);
      assertThat(page.header("X-Total-Count")).isEqualTo("8");
      assertThat(references(page)).hasSize(n < 2 ? 3 : 2);
      seen.addAll(references(page));
    }
    assertThat(seen).containsExactly("VM-PAGE-LI-INV", "VM-PAGE-LI-CO", "VM-PAGE-SM-05", "VM-PAGE-SM-06",
        "VM-PAGE-SM-04", "VM-PAGE-SM-03", "VM-PAGE-SM-02", "VM-PAGE-SM-01");

    // Filtered: of its cases awaiting the response, Monaco's is neither listed nor counted.
    Answer awaiting = get(officerSm, "/api/cases?status=AWAITING_RESPONSE&addresseeState=AD&size=2");
    assertThat(awaiting.header("X-Total-Count")).isEqualTo("4");
    assertThat(references(awaiting)).containsExactly("VM-PAGE-SM-04", "VM-PAGE-SM-03");

    // Every case of San Marino's, whatever the addressee; the same whatever the page size.
    Answer all = get(officerSm, "/api/cases?size=200");
    assertThat(all.header("X-Total-Count")).isEqualTo("9");
    assertThat(references(all)).contains("VM-PAGE-SM-VA").doesNotContain("VM-PAGE-LI-MC");

    // Monaco sees the two cases it co-signs, not San Marino's.
    Answer monaco = get(officerMc, "/api/cases?addresseeState=AD");
    assertThat(monaco.header("X-Total-Count")).isEqualTo("2");
    assertThat(references(monaco)).containsExactly("VM-PAGE-LI-MC", "VM-PAGE-LI-CO");
  }

  @Test
  void aPageCostsTheSameStatementsWhateverItsSize() {
    get(officerSm, "/api/cases?size=1");
    int one = statementsOf(officerSm, "/api/cases?size=1");
    int nine = statementsOf(officerSm, "/api/cases?size=200");
    assertThat(nine).as("statements for a page of 9 cases, against a page of 1").isEqualTo(one);
  }

  @Test
  void theOpenApiDescriptionSaysHowTheListPages() {
    JsonNode list = get(manager, "/v3/api-docs").json().path("paths").path("/api/cases").path("get");
    List<String> parameters = new ArrayList<>();
    list.path("parameters").forEach(p -> parameters.add(p.path("name").asText()));
    assertThat(parameters).containsExactly("addresseeState", "status", "page", "size");
    list.path("parameters").forEach(p -> {
      if ("size".equals(p.path("name").asText())) {
        assertThat(p.path("schema").path("maximum").asInt()).isEqualTo(200);
        assertThat(p.path("schema").path("default").asInt()).isEqualTo(50);
      }
    });
    JsonNode ok = list.path("responses").path("200");
    assertThat(ok.path("headers").has("X-Total-Count")).as(ok.toString()).isTrue();
    assertThat(ok.path("headers").has("Link")).as(ok.toString()).isTrue();
    assertThat(ok.path("content").path("application/json").path("schema").path("type").asText()).isEqualTo("array");
  }

  private int statementsOf(String user, String path) {
    statements.start();
    Answer answer = get(user, path);
    List<CountedStatements.Statement> sent = statements.stopOnRequests();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return sent.size();
  }

  private static List<String> references(Answer list) {
    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    assertThat(list.json().isArray()).as(list.toString()).isTrue();
    List<String> references = new ArrayList<>();
    list.json().forEach(c -> references.add(c.path("reference").asText()));
    return references;
  }

  private static List<String> links(Answer answer) {
    String link = answer.header("Link");
    assertThat(link).as("Link of %s", answer).isNotNull();
    return List.of(link.split(",\\s*(?=<)"));
  }

  /** The target of the "next" link, or null on the last page. */
  private static String next(Answer answer) {
    return links(answer).stream().filter(l -> l.endsWith("rel=\"next\"")).findFirst()
        .map(l -> l.substring(1, l.indexOf('>'))).orElse(null);
  }
}
