package org.osce.vienna.signoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osce.vienna.casefile.InvalidInputException;
import org.osce.vienna.engine.InputValues;

/** An invited delegation's decision, without an engine. */
class CoSigningDecisionTest {

  static Map<String, Object> decision(Object joins, Object comment) {
    Map<String, Object> values = new HashMap<>();
    values.put("coSigns", joins);
    values.put("coSignComment", comment);
    return values;
  }

  static Map<String, String> refusal(Map<String, Object> values) {
    try {
      CoSigningDecision.read(InputValues.of(values));
    } catch (InvalidInputException e) {
      assertThat(e.getMessage()).startsWith("The decision cannot be recorded: ");
      return e.fieldErrors();
    }
    throw new AssertionError("accepted " + values);
  }

  @Test
  void aDecisionIsReadWithItsCommentTrimmed() {
    assertThat(CoSigningDecision.read(InputValues.of(decision(true, null)))).isEqualTo(new CoSigningDecision(true, null));
    assertThat(CoSigningDecision.read(InputValues.of(decision("false", " Not this time. "))))
        .isEqualTo(new CoSigningDecision(false, "Not this time."));
    assertThat(CoSigningDecision.read(InputValues.of(decision(false, "  "))).comment()).isNull();
  }

  @Test
  void everyProblemIsNamedAtOnce() {
    assertThat(refusal(decision(null, "c".repeat(CoSigningDecision.MAX_COMMENT + 1)))).containsExactly(
        entry("coSigns", "is required (true or false)"),
        entry("coSignComment", "is longer than 4000 characters"));
    assertThat(refusal(decision("maybe", 7))).containsExactly(
        entry("coSigns", "must be true or false"), entry("coSignComment", "must be text"));
  }

  @Test
  void theCommentMayBeAsLongAsTheRecordKeeps() {
    assertThat(CoSigningDecision.read(InputValues.of(decision(true, "c".repeat(CoSigningDecision.MAX_COMMENT))))
        .comment()).hasSize(4000);
  }

  @Test
  void theTaskTakesTheDecisionAndTheComment() {
    assertThat(CoSigningDecision.TASK.names()).containsExactly("coSigns", "coSignComment");
  }
}
