package org.osce.vienna.response;

import static org.osce.vienna.engine.ProcessConstants.LETTER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.drafting.LetterReader;
import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.engine.InputValues;
import org.springframework.stereotype.Component;

/** Keeps the assessment with the case: each question's assessment and whether the response was substantive. */
@Component
public class RecordAssessment implements JavaDelegate {

  private final Assessments assessments;
  private final CaseRecords cases;

  public RecordAssessment(Assessments assessments, CaseRecords cases) {
    this.assessments = assessments;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = CaseVariables.reference(execution);
    int questions = LetterReader.read(CaseVariables.json(execution, LETTER).toString()).questions().size();
    AssessmentInput assessment = AssessmentInput.read(InputValues.of(execution), questions);
    assessments.save(reference, assessment.byQuestion());
    cases.assessed(reference, assessment.substantive());
  }
}
