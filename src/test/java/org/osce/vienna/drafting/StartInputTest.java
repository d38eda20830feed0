package org.osce.vienna.drafting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osce.vienna.casefile.InvalidInputException;
import org.osce.vienna.casefile.ParticipatingStates;
import org.osce.vienna.engine.InputValues;
import org.osce.vienna.support.Fixtures;

/** The start of a case, without an engine: what Tasklist's start form, {@code /engine-rest} and the case API all get. */
class StartInputTest {

  static final Instant NOW = Instant.parse("2021-11-01T10:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  static Map<String, Object> start(String reference, Object lead, Object addressee, Object subject) {
    Map<String, Object> values = new HashMap<>();
    values.put("reference", reference);
    values.put("leadDelegation", lead);
    values.put("addresseeState", addressee);
    values.put("subject", subject);
    return values;
  }

  static Map<String, Object> valid() {
    return start("VM-2021-BY-01", "GB", "BY", "Human rights situation in Belarus");
  }

  static Map<String, Object> with(String name, Object value) {
    Map<String, Object> values = valid();
    values.put(name, value);
    return values;
  }

  static StartInput read(Map<String, Object> values) {
    return StartInput.read(InputValues.of(values), null, NOW);
  }

  static Map<String, String> refusal(Map<String, Object> values) {
    return refusal(values, null);
  }

  static Map<String, String> refusal(Map<String, Object> values, String businessKey) {
    try {
      StartInput.read(InputValues.of(values), businessKey, NOW);
    } catch (InvalidInputException e) {
      assertThat(e.getMessage()).startsWith("Invalid start data: ");
      return e.fieldErrors();
    }
    throw new AssertionError("accepted " + values);
  }

  static ObjectNode letter() throws Exception {
    return (ObjectNode) JSON.readTree(Fixtures.letterJson());
  }

  @Test
  void codesAndNamesAreReadAsCanonicalCodesAndTheSubjectTrimmed() {
    StartInput start = read(start("VM-2021-BY-01", "gb", "Belarus", " Belarus 2021 "));
    assertThat(start).isEqualTo(new StartInput("VM-2021-BY-01", "GB", "BY", "Belarus 2021", null, null, null));
  }

  @Test
  void everyProblemIsNamedAtOnce() {
    assertThat(refusal(start("VM 2021/01", "XX", "EU", ""))).containsExactly(
        entry("reference", "must be 1 to 64 of A-Z a-z 0-9 . _ - (it appears in URLs)"),
        entry("leadDelegation", "'XX' is not one of the 57 OSCE participating States (a code such as GB)"),
        entry("addresseeState", "'EU' is not one of the 57 OSCE participating States (a code such as GB)"),
        entry("subject", "is required (a short title of the case)"));
  }

  @Test
  void eachFieldIsRequired() {
    assertThat(refusal(Map.of())).containsExactly(
        entry("reference", "is required (the case reference, e.g. VM-2021-BY-01)"),
        entry("leadDelegation", "is required (a participating State's code, e.g. GB)"),
        entry("addresseeState", "is required (a participating State's code, e.g. BY)"),
        entry("subject", "is required (a short title of the case)"));
    assertThat(refusal(start(" ", " ", "", "  "))).containsOnlyKeys("reference", "leadDelegation",
        "addresseeState", "subject");
  }

  @Test
  void theAddresseeCannotBeTheLead() {
    assertThat(refusal(start("VM-1", "BY", "by", "x"))).containsExactly(entry("addresseeState",
        "cannot be the lead delegation: a State does not invoke the mechanism against itself"));
  }

  /** The one rule for a State given as input: spaces around it are ignored, a control character anywhere is refused. */
  @Test
  void spacesAroundACodeAreIgnoredAndAControlCharacterIsRefusedWithTheReason() {
    StartInput start = read(start("VM-1", " gb ", "BY ", "x"));
    assertThat(start.leadDelegation()).isEqualTo("GB");
    assertThat(start.addresseeState()).isEqualTo("BY");

    Map<String, String> refused = refusal(start("VM-1", "GB\u0000", "BY\t", "x"));
    assertThat(refused.get("leadDelegation")).startsWith("contains a control character (U+0000)");
    assertThat(refused.get("addresseeState")).startsWith("contains a control character (U+0009)");
    assertThat(refusal(start("VM-1", "G\u200bB", "BY", "x")).get("leadDelegation"))
        .contains("control character (U+200B)");
    assertThat(refusal(with("invitedDelegations", List.of("DE\u200b"))).get("invitedDelegations[0]"))
        .contains("control character (U+200B)");
    assertThat(ParticipatingStates.all().byCode("GB\u0000")).isEmpty();
    assertThat(ParticipatingStates.all().find("Belarus\u0000")).isEmpty();
  }

  @Test
  void theReferenceIsAtMost64UrlSafeCharacters() {
    assertThat(refusal(with("reference", "A".repeat(StartInput.MAX_REFERENCE + 1))))
        .containsExactly(entry("reference", StartInput.NOT_URL_SAFE));
    assertThat(read(with("reference", "A".repeat(StartInput.MAX_REFERENCE))).reference()).hasSize(64);
    assertThat(refusal(with("reference", "VM-2021-BY-01/2"))).containsOnlyKeys("reference");
  }

  @Test
  void theBusinessKeyIsTheReferenceAndTheFormsReferenceMustBeTheSame() {
    Map<String, Object> withoutReference = with("reference", null);
    assertThat(StartInput.read(InputValues.of(withoutReference), "VM-KEY", NOW).reference()).isEqualTo("VM-KEY");
    assertThat(StartInput.read(InputValues.of(with("reference", " VM-KEY ")), "VM-KEY", NOW).reference())
        .isEqualTo("VM-KEY");
    assertThat(refusal(with("reference", "VM-OTHER"), "VM-KEY"))
        .containsExactly(entry("reference", "'VM-OTHER' differs from the business key 'VM-KEY'"));
    assertThat(refusal(withoutReference, "VM KEY")).containsExactly(entry("reference", StartInput.NOT_URL_SAFE));
  }

  @Test
  void theSubjectHasItsLimit() {
    assertThat(read(with("subject", "s".repeat(StartInput.MAX_SUBJECT))).subject()).hasSize(200);
    assertThat(refusal(with("subject", "s".repeat(StartInput.MAX_SUBJECT + 1))))
        .containsExactly(entry("subject", "is longer than 200 characters"));
  }

  @Test
  void valuesOfTheWrongTypeAreRefusedNotConverted() {
    assertThat(refusal(start("VM-1", 826, "BY", true))).containsExactly(
        entry("leadDelegation", "must be text"), entry("subject", "must be text"));
    assertThat(refusal(with("reference", 2021))).containsExactly(entry("reference", "must be text"));
    assertThat(refusal(with("invitedDelegations", "DE"))).containsOnlyKeys("invitedDelegations");
  }

  @Test
  void aStartMayComeWithTheDraftSoFar() throws Exception {
    Map<String, Object> values = with("letter", letter());
    values.put("invitedDelegations", List.of("de", "the Netherlands"));
    values.put("signOffDueAt", "2021-11-03T18:00:00+01:00");
    StartInput start = read(values);
    assertThat(start.letter().addressee().name()).isEqualTo("Mr. Andrei Dapkiunas");
    assertThat(start.invited()).containsExactly("DE", "NL");
    assertThat(start.signOffDueAt()).isEqualTo(Instant.parse("2021-11-03T17:00:00Z"));

    // Each part alone, and an empty list is a list given.
    assertThat(read(with("invitedDelegations", List.of())).invited()).isEmpty();
    assertThat(read(with("signOffDueAt", "2021-11-03T18:00:00+01:00")).invited()).isNull();
  }

  @Test
  void theDraftSoFarIsCheckedAsTheDraftIs() throws Exception {
    ObjectNode toRussia = letter();
    ((ObjectNode) toRussia.path("addressee")).put("state", "RU");
    assertThat(refusal(with("letter", toRussia)))
        .containsExactly(entry("letter.addressee.state", "is RU but the case is addressed to BY"));
    assertThat(refusal(with("letter", JSON.readTree("\"Dear Ambassador\""))))
        .containsExactly(entry("letter", DraftInput.NOT_AN_OBJECT));
    assertThat(refusal(with("letter", "{not json")).get("letter")).startsWith("is not valid JSON");
    assertThat(refusal(with("invitedDelegations", List.of("DE", "BY")))).containsExactly(entry(
        "invitedDelegations[1]", "is the addressee BY: the addressee can never be one of the invoking States"));
    assertThat(refusal(with("signOffDueAt", "2021-11-01T10:00:00Z")))
        .containsExactly(entry("signOffDueAt", "must be in the future: 1 November 2021, 11:00 Vienna time (CET) has passed"));
    assertThat(refusal(with("signOffDueAt", "2030-11-31T18:00")).get("signOffDueAt"))
        .contains("is not an ISO-8601 date-time");
    assertThat(refusal(with("invitedDelegations", Collections.nCopies(57, "DE")))).containsExactly(entry(
        "invitedDelegations", "lists more delegations than there are participating States besides the lead"));
  }

  @Test
  void theStartDataAndTheDraftSoFarAreRefusedTogether() throws Exception {
    Map<String, Object> values = start("VM 1", "GB", "BY", "");
    ObjectNode withoutQuestions = letter();
    withoutQuestions.putArray("questions");
    values.put("letter", withoutQuestions);
    values.put("invitedDelegations", List.of("EU"));
    values.put("signOffDueAt", "tomorrow");
    assertThat(refusal(values)).containsOnlyKeys("reference", "subject", "letter.questions", "invitedDelegations[0]",
        "signOffDueAt");
  }

  @Test
  void onlyTheLeadsOfficersAndHeadsStartItsCases() {
    assertThat(StartInput.notActingForLead("GB", "officer-de").fieldErrors()).containsExactly(entry("leadDelegation",
        "is GB, but officer-de is not a member of that delegation: only its officers and heads start its cases"));
  }

  @Test
  void theContractTakesTheStartsVariablesOnly() {
    assertThat(StartInput.CONTRACT.names()).containsExactly("reference", "leadDelegation", "addresseeState",
        "subject", "letter", "invitedDelegations", "signOffDueAt");
    assertThat(StartInput.CONTRACT.field("subject").maxLength()).isEqualTo(StartInput.MAX_SUBJECT);
    assertThat(StartInput.CONTRACT.field("reference").isRequired()).isTrue();
    assertThat(StartInput.CONTRACT.field("letter").isRequired()).isFalse();
  }
}
