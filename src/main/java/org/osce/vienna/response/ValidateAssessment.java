package org.osce.vienna.response;

import static org.osce.vienna.engine.ProcessConstants.LETTER;
import static org.osce.vienna.engine.ProcessConstants.QUESTION_ASSESSMENTS;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.osce.vienna.casefile.Timeline;
import org.osce.vienna.casefile.TimelineEvent;
import org.osce.vienna.drafting.LetterReader;
import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.engine.CurrentUser;
import org.osce.vienna.engine.EngineClock;
import org.osce.vienna.engine.InputValues;
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
    int questions = LetterReader.read(CaseVariables.json(task, LETTER).toString()).questions().size();
    AssessmentInput assessment = AssessmentInput.read(InputValues.of(task), questions);
    task.setVariable(QUESTION_ASSESSMENTS, CaseVariables.jsonValue(assessment.canonical()));
    timeline.record(CaseVariables.reference(task.getExecution()), EngineClock.now(), TimelineEvent.RESPONSE_ASSESSED,
        currentUser.id(), assessment.timelineDetail());
  }
}
