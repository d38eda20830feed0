package org.osce.vienna.response;

import static org.osce.vienna.engine.ProcessConstants.QUESTION_ASSESSMENTS;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_SUBSTANTIVE;
import static org.osce.vienna.engine.ProcessConstants.TASK_ASSESS_FURTHER_REPLY;
import static org.osce.vienna.engine.ProcessConstants.TASK_ASSESS_RESPONSE;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.osce.vienna.engine.Field;
import org.osce.vienna.engine.InputContract;
import org.osce.vienna.engine.InputReader;
import org.osce.vienna.engine.InputValues;

/**
 * "Assess the response": whether it answers in substance, and for each question of the letter, once,
 * how far it is answered ({@code questionAssessments}: a JSON list of {@code {"question": n, "assessment": …}}).
 */
public record AssessmentInput(boolean substantive, Map<Integer, Assessment> byQuestion) {

  public static final Field SUBSTANTIVE = Field.bool(RESPONSE_SUBSTANTIVE)
      .required("is required: does the response answer in substance?")
      .labelled("the assessment of the response as a whole");
  public static final Field ASSESSMENTS = Field.json(QUESTION_ASSESSMENTS)
      .labelled("the assessment of the questions");
  /** Each item's assessment, which the form asks for question by question. */
  public static final Field ASSESSMENT = Field.choice(QUESTION_ASSESSMENTS + ".assessment")
      .required("needs an assessment: ANSWERED, PARTLY_ANSWERED or NOT_ANSWERED");

  public static final InputContract TASK =
      InputContract.task(TASK_ASSESS_RESPONSE, SUBSTANTIVE, ASSESSMENTS).withParts(ASSESSMENT);
  /** A reply after the wait is assessed as the first is. */
  public static final InputContract FURTHER_TASK =
      InputContract.task(TASK_ASSESS_FURTHER_REPLY, SUBSTANTIVE, ASSESSMENTS).withParts(ASSESSMENT);

  /** {@code questions}: how many questions the letter asks. */
  public static AssessmentInput read(InputValues values, int questions) {
    InputReader in = new InputReader(values);
    Boolean substantive = in.bool(SUBSTANTIVE);
    JsonNode list = in.json(ASSESSMENTS);
    Map<Integer, Assessment> byQuestion = new TreeMap<>();
    if (!in.isWrong(QUESTION_ASSESSMENTS) && (list == null || !list.isArray())) {
      in.refuse(QUESTION_ASSESSMENTS, "must list an assessment for each of the " + questions + " questions");
    } else if (list != null) {
      for (JsonNode item : list) {
        readItem(item, questions, byQuestion, in);
      }
      if (!in.isWrong(QUESTION_ASSESSMENTS) && byQuestion.size() != questions) {
        in.refuse(QUESTION_ASSESSMENTS, "must assess every question; missing: "
            + IntStream.rangeClosed(1, questions).filter(q -> !byQuestion.containsKey(q)).boxed().toList());
      }
    }
    in.throwIfAny("The assessment cannot be completed");
    return new AssessmentInput(substantive, byQuestion);
  }

  private static void readItem(JsonNode item, int questions, Map<Integer, Assessment> byQuestion, InputReader in) {
    JsonNode question = item.get("question");
    JsonNode assessment = item.get("assessment");
    if (question == null || !question.canConvertToInt() || question.asInt() < 1 || question.asInt() > questions) {
      in.refuse(QUESTION_ASSESSMENTS, "names a question that is not in the letter (1 to " + questions + "): " + item);
      return;
    }
    Assessment value = assessment == null || assessment.isNull() ? null : Assessment.find(assessment.asText());
    if (value == null) {
      in.refuse(QUESTION_ASSESSMENTS, "question " + question.asInt()
          + " needs an assessment: ANSWERED, PARTLY_ANSWERED or NOT_ANSWERED");
    } else if (byQuestion.put(question.asInt(), value) != null) {
      in.refuse(QUESTION_ASSESSMENTS, "assesses question " + question.asInt() + " twice");
    }
  }

  /** The assessments in their stored form, in question order. */
  public List<Map<String, Object>> canonical() {
    List<Map<String, Object>> list = new ArrayList<>();
    byQuestion.forEach((question, assessment) -> {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("question", question);
      entry.put("assessment", assessment.name());
      list.add(entry);
    });
    return list;
  }

  /** What the timeline says of it, e.g. "not substantive; 8 not answered". */
  public String timelineDetail() {
    String whole = substantive ? "substantive" : "not substantive";
    return byQuestion.isEmpty() ? whole : whole + "; " + summary();
  }

  /** How many questions got each assessment, in words, e.g. "2 answered, 1 not answered". */
  public String summary() {
    return summary(byQuestion);
  }

  /** How many of these questions got each assessment, in words, e.g. "2 answered, 1 not answered". */
  public static String summary(Map<Integer, Assessment> byQuestion) {
    Map<Assessment, Long> counts = new TreeMap<>();
    byQuestion.values().forEach(a -> counts.merge(a, 1L, Long::sum));
    List<String> parts = new ArrayList<>();
    counts.forEach((assessment, n) -> parts.add(n + " " + assessment.name().replace('_', ' ').toLowerCase(Locale.ROOT)));
    return String.join(", ", parts);
  }
}
