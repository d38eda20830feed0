package org.osce.vienna.drafting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osce.vienna.casefile.InvalidInputException;
import org.osce.vienna.engine.Field;
import org.osce.vienna.engine.InputValues;
import org.osce.vienna.support.Fixtures;

/** The draft's input contract, without an engine: what "Draft the letter" gets from Tasklist and {@code /engine-rest}. */
class DraftInputTest {

  static final Instant NOW = Instant.parse("2021-11-01T10:00:00Z");
  static final String DUE = "2021-11-03T18:00:00+01:00";
  private static final ObjectMapper JSON = new ObjectMapper();

  static ObjectNode letter() {
    try {
      return (ObjectNode) JSON.readTree(Fixtures.letterJson());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, Object> draft(Object letter, List<String> invited, String dueAt) {
    Map<String, Object> values = new HashMap<>();
    values.put("letter", letter);
    values.put("invitedDelegations", invited);
    values.put("signOffDueAt", dueAt);
    return values;
  }

  static DraftInput read(Map<String, Object> values) {
    return DraftInput.read(InputValues.of(values), "GB", "BY", NOW);
  }

  static Map<String, String> refusal(Map<String, Object> values) {
    try {
      read(values);
    } catch (InvalidInputException e) {
      assertThat(e.getMessage()).startsWith("The draft cannot be submitted: ");
      return e.fieldErrors();
    }
    throw new AssertionError("accepted " + values.keySet());
  }

  @Test
  void aCompleteDraftIsReadWithCanonicalCodes() {
    DraftInput draft = read(draft(letter(), List.of("de", " FR", "the Netherlands"), DUE));
    assertThat(draft.letter().questions()).hasSize(8);
    assertThat(draft.invited()).containsExactly("DE", "FR", "NL");
    assertThat(draft.signOffDueAt()).isEqualTo(Instant.parse("2021-11-03T17:00:00Z"));
  }

  @Test
  void theLetterIsRequiredAndAJsonObject() throws Exception {
    assertThat(refusal(draft(null, List.of(), null))).containsExactly(entry("letter", "is required"));
    assertThat(refusal(draft(JSON.readTree("[1, 2]"), List.of(), null)))
        .containsExactly(entry("letter", DraftInput.NOT_AN_OBJECT));
    assertThat(refusal(draft("{not json", List.of(), null)).get("letter")).startsWith("is not valid JSON");
  }

  @Test
  void theLettersOwnRulesNameEachPartByItsPath() {
    ObjectNode letter = letter();
    letter.putArray("questions");
    ((ObjectNode) letter.path("addressee")).put("state", "RU").remove("name");
    ((ObjectNode) letter.path("concerns").path(0)).put("colour", "red");
    assertThat(refusal(draft(letter, List.of(), null))).containsOnlyKeys("letter.concerns[0].colour");

    letter.remove("concerns");
    assertThat(refusal(draft(letter, List.of(), null))).containsExactly(
        entry("letter.addressee.name", "is required"),
        entry("letter.addressee.state", "is RU but the case is addressed to BY"),
        entry("letter.concerns", "needs at least one concern"),
        entry("letter.questions", "needs at least one entry"));
    assertThat(refusal(draft(letter().put("responsePeriodDays", 91), List.of(), null)))
        .containsExactly(entry("letter.responsePeriodDays", "must be between 1 and 90 days"));
    assertThat(refusal(draft(letter().put("responsePeriodDays", 10.5), List.of(), null)))
        .containsExactly(entry("letter.responsePeriodDays", "must be a whole number, not 10.5"));
    ObjectNode tooMany = letter();
    ArrayNode questions = tooMany.putArray("questions");
    for (int i = 0; i <= LetterValidator.MAX_ITEMS; i++) {
      questions.add("Question " + i);
    }
    assertThat(refusal(draft(tooMany, List.of(), null)))
        .containsExactly(entry("letter.questions", "has more than 50 entries"));
  }

  /** The limit the contract states for each part of the letter that the form edits is the one the letter is held to. */
  @ParameterizedTest
  @ValueSource(strings = {"letter.addressee.honorific", "letter.addressee.name", "letter.addressee.title",
      "letter.addressee.mission", "letter.addressee.salutation", "letter.place", "draftIntroduction.text",
      "letter.concernsLead", "letter.concerns.topic", "letter.concerns.text", "letter.questionsLead",
      "draftQuestions.text", "letter.closing"})
  void eachPartHasTheLettersLimit(String part) {
    Field field = DraftInput.TASK.field(part);
    int max = field.maxLength();
    assertThat(read(draft(letterWith(part, "x".repeat(max)), List.of(), null))).isNotNull();
    assertThat(refusal(draft(letterWith(part, "x".repeat(max + 1)), List.of(), null)))
        .containsExactly(entry(pathOf(part), "is longer than " + max + " characters"));
    if (field.isRequired()) {
      assertThat(refusal(draft(letterWith(part, " "), List.of(), null)))
          .containsExactly(entry(pathOf(part), field.whenMissing()));
    }
  }

  /** The letter with the first value of a part (as the contract names it) replaced. */
  private static ObjectNode letterWith(String part, String value) {
    ObjectNode letter = letter();
    switch (part) {
      case "draftIntroduction.text" -> ((ArrayNode) letter.path("introduction")).set(0, value);
      case "draftQuestions.text" -> ((ArrayNode) letter.path("questions")).set(0, value);
      case "letter.concerns.topic", "letter.concerns.text" ->
          ((ObjectNode) letter.path("concerns").path(0)).put(part.substring(part.lastIndexOf('.') + 1), value);
      default -> {
        String[] path = part.split("\\.");
        ObjectNode parent = path.length == 3 ? (ObjectNode) letter.path(path[1]) : letter;
        parent.put(path[path.length - 1], value);
      }
    }
    return letter;
  }

  /** Where a refusal names the part. */
  private static String pathOf(String part) {
    return switch (part) {
      case "draftIntroduction.text" -> "letter.introduction[0]";
      case "draftQuestions.text" -> "letter.questions[0]";
      case "letter.concerns.topic" -> "letter.concerns[0].topic";
      case "letter.concerns.text" -> "letter.concerns[0].text";
      default -> part;
    };
  }

  @Test
  void theResponsePeriodHasTheLettersRange() {
    Field days = DraftInput.TASK.field("letter.responsePeriodDays");
    assertThat(read(draft(letter().put("responsePeriodDays", days.min()), List.of(), null))).isNotNull();
    assertThat(read(draft(letter().put("responsePeriodDays", days.max()), List.of(), null))).isNotNull();
    assertThat(refusal(draft(letter().put("responsePeriodDays", days.min() - 1), List.of(), null)))
        .containsOnlyKeys("letter.responsePeriodDays");
  }

  @Test
  void neverTheAddresseeNorTheLeadNorAnyoneTwice() {
    assertThat(refusal(draft(letter(), List.of("BY", "GB", "DE", "Germany", "EU"), DUE))).containsExactly(
        entry("invitedDelegations[0]", "is the addressee BY: the addressee can never be one of the invoking States"),
        entry("invitedDelegations[1]", "is the lead delegation GB, which always signs and is not invited"),
        entry("invitedDelegations[3]", "invites DE again (invitedDelegations[2] already does): invite each delegation once"),
        entry("invitedDelegations[4]", "'EU' is not one of the 57 OSCE participating States (a code such as GB)"));
    assertThat(read(draft(letter(), null, DUE)).invited()).isEmpty();
  }

  @Test
  void withDelegationsInvitedTheSignOffIsDueInTheFuture() {
    assertThat(refusal(draft(letter(), List.of("DE"), null)))
        .containsExactly(entry("signOffDueAt", "is required when delegations are invited to co-sign"));
    assertThat(refusal(draft(letter(), List.of("DE"), "2021-11-01T11:00:00+01:00")))
        .containsExactly(entry("signOffDueAt", "must be in the future: 1 November 2021, 11:00 Vienna time (CET) has passed"));
    assertThat(refusal(draft(letter(), List.of("DE"), "3 November")).get("signOffDueAt"))
        .contains("is not an ISO-8601 date-time");
  }

  @Test
  void withNobodyInvitedTheRoundClosesAtOnce() {
    assertThat(read(draft(letter(), List.of(), null)).signOffDueAt()).isEqualTo(NOW);
    assertThat(read(draft(letter(), null, "2020-01-01T00:00:00Z")).signOffDueAt()).isEqualTo(NOW);
  }

  @Test
  void everyProblemIsNamedAtOnce() {
    ObjectNode letter = letter();
    letter.putArray("questions");
    assertThat(refusal(draft(letter, List.of("DE", "EU"), "2021-01-01T00:00:00+01:00")))
        .containsOnlyKeys("letter.questions", "invitedDelegations[1]", "signOffDueAt");
  }

  @Test
  void theFormsListsAreJson() {
    Map<String, Object> values = draft(letter(), List.of(), null);
    values.put("draftQuestions", "[{\"text\": ");
    assertThat(refusal(values)).containsOnlyKeys("draftQuestions");
  }

  @Test
  void theFormsListsHoldEachParagraphAndQuestion() {
    Map<String, Object> lists = DraftInput.formLists(Fixtures.letter());
    assertThat(lists).containsOnlyKeys("draftIntroduction", "draftQuestions");
    assertThat(((TypedValue) lists.get("draftQuestions")).getValue().toString().split("\\{\"text\""))
        .hasSize(8 + 1);
  }

  @Test
  void theTaskTakesItsVariablesAndStatesTheFormsPartsApart() {
    assertThat(DraftInput.TASK.names()).containsExactly("letter", "invitedDelegations", "signOffDueAt",
        "draftIntroduction", "draftQuestions");
    assertThat(DraftInput.TASK.parts()).extracting(Field::name).contains("draftIntroduction.text",
        "draftQuestions.text", "letter.concerns.topic");
    assertThat(DraftInput.TASK.field("draftQuestions.text").maxLength()).isEqualTo(LetterValidator.MAX_PARAGRAPH);
  }
}
