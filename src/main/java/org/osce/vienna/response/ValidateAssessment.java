package org.osce.vienna.response;

import static org.osce.vienna.engine.ProcessConstants.LETTER;
import static org.osce.vienna.engine.ProcessConstants.QUESTION_ASSESSMENTS;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_SUBSTANTIVE;

import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.engine.CurrentUser;
import org.osce.vienna.engine.EngineClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.osce.vienna.casefile.FieldErrors;
import org.osce.vienna.casefile.InvalidInputException;
import org.osce.vienna.drafting.LetterReader;
import org.osce.vienna.casefile.Timeline;
import org.osce.vienna.casefile.TimelineEvent;
import org.springframework.stereotype.Component;

/** Completing "Assess the response": every question of the letter assessed once, and the response judged as a whole. */
@Component
public class ValidateAssessment implements TaskListener {

  private final Timeline timeline;
  private final CurrentUser currentUser;

  public ValidateAssessment(Timeline timeline, CurrentUser currentUser) {
    this.timeline = timeline;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    FieldErrors errors = new FieldErrors();
    Boolean substantive = null;
    try {
      substantive = CaseVariables.bool(task, RESPONSE_SUBSTANTIVE);
    } catch (InvalidInputException e) {
      errors.addAll(e);
    }
    if (substantive == null && !errors.has(RESPONSE_SUBSTANTIVE)) {
      errors.add(RESPONSE_SUBSTANTIVE, "is required: does the response answer in substance?");
    }
    int questions = LetterReader.read(CaseVariables.json(task, LETTER).toString()).questions().size();
    Map<Integer, Assessment> byQuestion = AssessmentReader.read(task, questions, errors);
    errors.throwIfAny("The assessment cannot be completed");

    List<Map<String, Object>> canonical = new ArrayList<>();
    byQuestion.forEach((question, assessment) -> {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("question", question);
      entry.put("assessment", assessment.name());
      canonical.add(entry);
    });
    task.setVariable(QUESTION_ASSESSMENTS, CaseVariables.jsonValue(canonical));
    timeline.record(CaseVariables.reference(task.getExecution()), EngineClock.now(), TimelineEvent.RESPONSE_ASSESSED,
        currentUser.id(), (substantive ? "substantive" : "not substantive") + "; " + summary(byQuestion));
  }

  private static String summary(Map<Integer, Assessment> byQuestion) {
    Map<Assessment, Long> counts = new TreeMap<>();
    byQuestion.values().forEach(a -> counts.merge(a, 1L, Long::sum));
    return counts.toString();
  }
}
