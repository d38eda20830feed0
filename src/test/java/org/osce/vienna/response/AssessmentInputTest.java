package org.osce.vienna.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osce.vienna.casefile.InvalidInputException;
import org.osce.vienna.engine.InputValues;

/** "Assess the response", without an engine: each of the letter's questions once, and a judgement as a whole. */
class AssessmentInputTest {

  static Map<String, Object> values(Object substantive, Object assessments) {
    Map<String, Object> values = new HashMap<>();
    values.put("responseSubstantive", substantive);
    values.put("questionAssessments", assessments);
    return values;
  }

  static Map<String, String> refusal(Map<String, Object> values, int questions) {
    try {
      AssessmentInput.read(InputValues.of(values), questions);
    } catch (InvalidInputException e) {
      assertThat(e.getMessage()).startsWith("The assessment cannot be completed: ");
      return e.fieldErrors();
    }
    throw new AssertionError("accepted " + values);
  }

  @Test
  void everyQuestionAssessedOnceInQuestionOrder() {
    AssessmentInput read = AssessmentInput.read(InputValues.of(values(false,
        "[{\"question\": 2, \"assessment\": \"NOT_ANSWERED\"}, {\"question\": 1, \"assessment\": \"PARTLY_ANSWERED\"}]")), 2);

    assertThat(read.substantive()).isFalse();
    assertThat(read.canonical()).containsExactly(Map.of("question", 1, "assessment", "PARTLY_ANSWERED"),
        Map.of("question", 2, "assessment", "NOT_ANSWERED"));
    assertThat(read.summary()).isEqualTo("1 partly answered, 1 not answered");
  }

  @Test
  void bothFieldsAreRequired() {
    assertThat(refusal(values(null, null), 3)).containsExactly(
        Map.entry("responseSubstantive", "is required: does the response answer in substance?"),
        Map.entry("questionAssessments", "must list an assessment for each of the 3 questions"));
  }

  @Test
  void aMissingQuestionAQuestionTwiceAndAnUnknownAssessmentAreNamed() {
    assertThat(refusal(values(true, List.of(Map.of("question", 1, "assessment", "ANSWERED"))), 2))
        .containsExactly(Map.entry("questionAssessments", "must assess every question; missing: [2]"));
    assertThat(refusal(values(true, List.of(Map.of("question", 1, "assessment", "ANSWERED"),
        Map.of("question", 1, "assessment", "ANSWERED"))), 1))
        .containsExactly(Map.entry("questionAssessments", "assesses question 1 twice"));
    assertThat(refusal(values(true, List.of(Map.of("question", 1, "assessment", "answered"))), 1))
        .containsExactly(Map.entry("questionAssessments",
            "question 1 needs an assessment: ANSWERED, PARTLY_ANSWERED or NOT_ANSWERED"));
    assertThat(refusal(values(true, List.of(Map.of("question", 4, "assessment", "ANSWERED"))), 3).get("questionAssessments"))
        .startsWith("names a question that is not in the letter (1 to 3)");
  }
}
