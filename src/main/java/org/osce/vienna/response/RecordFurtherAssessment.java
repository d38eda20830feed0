package org.osce.vienna.response;

import static org.osce.vienna.engine.ProcessConstants.LETTER;
import static org.osce.vienna.engine.ProcessConstants.REPLY_SEQ;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.casefile.Replies;
import org.osce.vienna.drafting.LetterReader;
import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.engine.InputValues;
import org.springframework.stereotype.Component;

/**
 * Keeps the assessment of a reply that came after the wait with that reply; the first reply's is the case's too.
 * The case stays where it is (the follow-up may be under way).
 */
@Component
public class RecordFurtherAssessment implements JavaDelegate {

  private final Assessments assessments;
  private final Replies replies;
  private final CaseRecords cases;

  public RecordFurtherAssessment(Assessments assessments, Replies replies, CaseRecords cases) {
    this.assessments = assessments;
    this.replies = replies;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = CaseVariables.reference(execution);
    int seq = ((Number) execution.getVariable(REPLY_SEQ)).intValue();
    int questions = LetterReader.read(CaseVariables.json(execution, LETTER).toString()).questions().size();
    AssessmentInput assessment = AssessmentInput.read(InputValues.of(execution), questions);
    assessments.save(reference, seq, assessment.byQuestion());
    replies.assessed(reference, seq, assessment.substantive());
    if (seq == 1) {
      cases.firstResponseAssessed(reference, assessment.substantive());
    }
  }
}
