package org.osce.vienna.response;

import static org.osce.vienna.engine.ProcessConstants.CASE_LABEL;
import static org.osce.vienna.engine.ProcessConstants.LETTER;
import static org.osce.vienna.engine.ProcessConstants.QUESTION_ASSESSMENTS;
import static org.osce.vienna.engine.ProcessConstants.REPLY_SEQ;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_DAYS_LATE;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_STATUS;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_SUBSTANTIVE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.casefile.CaseRecords.CaseRecord;
import org.osce.vienna.casefile.Deadlines;
import org.osce.vienna.casefile.Replies;
import org.osce.vienna.casefile.Replies.Reply;
import org.osce.vienna.casefile.ResponseStatus;
import org.osce.vienna.casefile.Timeline;
import org.osce.vienna.casefile.TimelineEvent;
import org.osce.vienna.drafting.LetterReader;
import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.signoff.Signatories;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Records a reply that came after the wait, as the first edition records the response: on time or late with its
 * days late, and the signatories told. The first reply of a case closed as "no response" becomes the case's
 * response (late, as a rule), the case staying where it is; a later one is supplementary. Prepares its own
 * assessment, local to this "Reply after the wait".
 */
@Component
public class RecordFurtherReply implements JavaDelegate {

  private final CaseRecords cases;
  private final Replies replies;
  private final Deadlines deadlines;
  private final Signatories signatories;
  private final ApplicationEventPublisher events;
  private final Timeline timeline;

  public RecordFurtherReply(CaseRecords cases, Replies replies, Deadlines deadlines, Signatories signatories,
      ApplicationEventPublisher events, Timeline timeline) {
    this.cases = cases;
    this.replies = replies;
    this.deadlines = deadlines;
    this.signatories = signatories;
    this.events = events;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = CaseVariables.reference(execution);
    int seq = ((Number) execution.getVariable(REPLY_SEQ)).intValue();
    Reply reply = replies.find(reference, seq).orElseThrow(() -> new IllegalStateException(
        "Reply " + seq + " of case " + reference + " is not registered"));
    CaseRecord c = cases.get(reference);
    boolean onTime = deadlines.isOnTime(reply.receivedAt(), c.responseDueAt());
    int daysLate = deadlines.daysLate(reply.receivedAt(), c.responseDueAt());
    ResponseStatus status = onTime ? ResponseStatus.ON_TIME : ResponseStatus.LATE;
    replies.recorded(reference, seq, reply.receivedAt(), reply.reference(), reply.summary(), status, daysLate);
    if (!reply.supplementary()) {
      cases.firstResponseAfterWait(reference, status, reply.receivedAt(), daysLate, reply.reference(),
          reply.summary());
    }
    execution.setVariableLocal(RESPONSE_STATUS, status.name());
    execution.setVariableLocal(RESPONSE_DAYS_LATE, daysLate);
    // Local, so that this reply's assessment is completed here and not over the first reply's.
    execution.setVariableLocal(RESPONSE_SUBSTANTIVE, null);
    execution.setVariableLocal(QUESTION_ASSESSMENTS, CaseVariables.jsonValue(RecordResponse.questionsToAssess(
        LetterReader.read(CaseVariables.json(execution, LETTER).toString()))));
    events.publishEvent(new ResponseRecorded(reference, (String) execution.getVariable(CASE_LABEL),
        signatories.signing(reference), onTime, daysLate, reply.supplementary()));
    timeline.record(reference, reply.receivedAt(), TimelineEvent.RESPONSE_RECEIVED, null,
        (onTime ? "on time" : daysLate + " day(s) late")
            + (reply.supplementary() ? "; supplementary reply (" + RegisterFurtherReply.ordinal(seq) + " reply)"
                : "; after the wait was closed"));
  }
}
