package org.osce.vienna.response;

import static org.osce.vienna.engine.ProcessConstants.CASE_LABEL;
import static org.osce.vienna.engine.ProcessConstants.LETTER;
import static org.osce.vienna.engine.ProcessConstants.QUESTION_ASSESSMENTS;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_DAYS_LATE;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_DUE_AT;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_RECEIVED_AT;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_REFERENCE;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_STATUS;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_SUMMARY;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.casefile.DateTimes;
import org.osce.vienna.casefile.Deadlines;
import org.osce.vienna.casefile.ResponseStatus;
import org.osce.vienna.casefile.Timeline;
import org.osce.vienna.casefile.TimelineEvent;
import org.osce.vienna.drafting.Letter;
import org.osce.vienna.drafting.LetterReader;
import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.signoff.Signatories;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Records the response: on time when received by the deadline, otherwise late with the days late
 * (a late response is still accepted). Prepares the question-by-question assessment.
 */
@Component
public class RecordResponse implements JavaDelegate {

  private final CaseRecords cases;
  private final Deadlines deadlines;
  private final Signatories signatories;
  private final ApplicationEventPublisher events;
  private final Timeline timeline;

  public RecordResponse(CaseRecords cases, Deadlines deadlines, Signatories signatories, ApplicationEventPublisher events,
      Timeline timeline) {
    this.cases = cases;
    this.deadlines = deadlines;
    this.signatories = signatories;
    this.events = events;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = CaseVariables.reference(execution);
    Instant receivedAt = DateTimes.require(execution.getVariable(RESPONSE_RECEIVED_AT), RESPONSE_RECEIVED_AT);
    Instant dueAt = DateTimes.require(execution.getVariable(RESPONSE_DUE_AT), RESPONSE_DUE_AT);
    boolean onTime = deadlines.isOnTime(receivedAt, dueAt);
    int daysLate = deadlines.daysLate(receivedAt, dueAt);
    ResponseStatus status = onTime ? ResponseStatus.ON_TIME : ResponseStatus.LATE;
    cases.responseReceived(reference, status, receivedAt, daysLate,
        CaseVariables.string(execution, RESPONSE_REFERENCE), CaseVariables.string(execution, RESPONSE_SUMMARY));
    execution.setVariable(RESPONSE_STATUS, status.name());
    execution.setVariable(RESPONSE_DAYS_LATE, daysLate);
    execution.setVariable(QUESTION_ASSESSMENTS, CaseVariables.jsonValue(
        questionsToAssess(LetterReader.read(CaseVariables.json(execution, LETTER).toString()))));
    events.publishEvent(new ResponseRecorded(reference, (String) execution.getVariable(CASE_LABEL), signatories.signing(reference),
        onTime, daysLate));
    timeline.record(reference, receivedAt, TimelineEvent.RESPONSE_RECEIVED, null,
        onTime ? "on time" : daysLate + " day(s) late");
  }

  /** One entry per question of the letter, for the assessment form to fill in. */
  public static List<Map<String, Object>> questionsToAssess(Letter letter) {
    List<Map<String, Object>> result = new ArrayList<>();
    for (int i = 0; i < letter.questions().size(); i++) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("question", i + 1);
      entry.put("text", letter.questions().get(i));
      entry.put("assessment", null);
      result.add(entry);
    }
    return result;
  }
}
