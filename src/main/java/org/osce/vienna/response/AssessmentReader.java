package org.osce.vienna.response;

import static org.osce.vienna.engine.ProcessConstants.QUESTION_ASSESSMENTS;

import org.osce.vienna.engine.CaseVariables;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.osce.vienna.casefile.FieldErrors;
import org.osce.vienna.casefile.InvalidInputException;

/** Reads {@code questionAssessments}: a JSON list of {@code {"question": n, "assessment": "..."}}, one per question. */
final class AssessmentReader {

  private AssessmentReader() {
  }

  /** The assessment of each question 1..{@code questions}; what is wrong goes to {@code errors}. */
  public static Map<Integer, Assessment> read(VariableScope task, int questions, FieldErrors errors) {
    Map<Integer, Assessment> byQuestion = new TreeMap<>();
    JsonNode list;
    try {
      list = CaseVariables.json(task, QUESTION_ASSESSMENTS);
    } catch (InvalidInputException e) {
      errors.addAll(e);
      return byQuestion;
    }
    if (list == null || !list.isArray()) {
      errors.add(QUESTION_ASSESSMENTS, "must list an assessment for each of the " + questions + " questions");
      return byQuestion;
    }
    for (JsonNode item : list) {
      JsonNode question = item.get("question");
      JsonNode assessment = item.get("assessment");
      if (question == null || !question.canConvertToInt() || question.asInt() < 1 || question.asInt() > questions) {
        errors.add(QUESTION_ASSESSMENTS, "names a question that is not in the letter (1 to " + questions + "): " + item);
        continue;
      }
      try {
        if (assessment == null || assessment.isNull()) {
          throw new IllegalArgumentException();
        }
        if (byQuestion.put(question.asInt(), Assessment.valueOf(assessment.asText())) != null) {
          errors.add(QUESTION_ASSESSMENTS, "assesses question " + question.asInt() + " twice");
        }
      } catch (IllegalArgumentException e) {
        errors.add(QUESTION_ASSESSMENTS, "question " + question.asInt()
            + " needs an assessment: ANSWERED, PARTLY_ANSWERED or NOT_ANSWERED");
      }
    }
    if (!errors.has(QUESTION_ASSESSMENTS) && byQuestion.size() != questions) {
      errors.add(QUESTION_ASSESSMENTS, "must assess every question; missing: "
          + IntStream.rangeClosed(1, questions).filter(q -> !byQuestion.containsKey(q))
              .boxed().toList());
    }
    return byQuestion;
  }

}
