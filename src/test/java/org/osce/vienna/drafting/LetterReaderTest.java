package org.osce.vienna.drafting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.osce.vienna.casefile.InvalidInputException;
import org.osce.vienna.support.Fixtures;

/** The letter as the case API and the draft task read it: strictly, every problem named by its path. */
class LetterReaderTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode letter() throws Exception {
    return (ObjectNode) JSON.readTree(Fixtures.letterJson());
  }

  @Test
  void thePublishedLetterIsReadWithTheFieldsADraftDoesNotUse() throws Exception {
    ObjectNode published = letter();
    assertThat(published.has("source")).isTrue();
    assertThat(published.has("onBehalfOf")).isTrue();
    Letter letter = LetterReader.read(published.toString());
    assertThat(letter.questions()).hasSize(8);
    assertThat(letter.responsePeriodDays()).isEqualTo(10);
  }

  @Test
  void everyUnknownFieldIsNamedByItsPath() throws Exception {
    ObjectNode letter = letter();
    ((ObjectNode) letter.path("concerns").path(0)).put("colour", "red");
    ((ObjectNode) letter.path("addressee")).putObject("contact").put("email", "mission@example.org");
    letter.put("signature", "J. Smith");
    assertThatThrownBy(() -> LetterReader.read(letter.toString()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys(
            "letter.concerns[0].colour", "letter.addressee.contact", "letter.signature")
            .containsEntry("letter.concerns[0].colour", "is not a field of the letter"));
  }

  @Test
  void aValueOfTheWrongTypeIsRefusedNotConverted() throws Exception {
    assertThat(refusal(letter().put("responsePeriodDays", 10.5), "letter.responsePeriodDays"))
        .isEqualTo("must be a whole number, not 10.5");
    assertThat(refusal(letter().put("responsePeriodDays", "10"), "letter.responsePeriodDays"))
        .isEqualTo("must be a whole number, not the text '10'");
    assertThat(refusal(letter().put("responsePeriodDays", true), "letter.responsePeriodDays"))
        .startsWith("must be a whole number");
    assertThat(refusal(letter().put("closing", 7), "letter.closing")).isEqualTo("must be text, not 7");
    ObjectNode numberAsTopic = letter();
    ((ObjectNode) numberAsTopic.path("concerns").path(1)).put("topic", false);
    assertThat(refusal(numberAsTopic, "letter.concerns[1].topic")).isEqualTo("must be text, not false");
  }

  @Test
  void aKeyGivenTwiceIsRefused() {
    assertThatThrownBy(() -> LetterReader.read("{\"closing\": \"Yours\", \"closing\": \"Sincerely\"}"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
            .containsEntry("letter.closing", "is given twice: give each field once"));
  }

  private static String refusal(ObjectNode letter, String field) {
    try {
      LetterReader.read(letter.toString());
    } catch (InvalidInputException e) {
      assertThat(e.fieldErrors()).containsKey(field);
      return e.fieldErrors().get(field);
    }
    throw new AssertionError("not refused: " + field);
  }
}
