package org.osce.vienna.response;

import static org.osce.vienna.engine.ProcessConstants.RESPONSE_RECEIVED_AT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.casefile.Replies;
import org.osce.vienna.casefile.Timeline;
import org.osce.vienna.casefile.TimelineEvent;
import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.engine.CurrentUser;
import org.osce.vienna.engine.EngineClock;
import org.osce.vienna.engine.InputValues;
import org.springframework.stereotype.Component;

/**
 * On the {@code ResponseReceived} message: checks what a system sent, in the correlating
 * transaction, so a bad message is refused to its sender instead of failing later in a job, and registers
 * the reply as the case's first.
 */
@Component
public class ValidateResponseMessage implements ExecutionListener {

  private final CaseRecords cases;
  private final Replies replies;
  private final Timeline timeline;
  private final CurrentUser currentUser;

  public ValidateResponseMessage(CaseRecords cases, Replies replies, Timeline timeline, CurrentUser currentUser) {
    this.cases = cases;
    this.replies = replies;
    this.timeline = timeline;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String reference = CaseVariables.reference(execution);
    ResponseInput response = ResponseInput.read(InputValues.of(execution), cases.get(reference).deliveredAt(),
        EngineClock.now());
    execution.setVariable(RESPONSE_RECEIVED_AT, CaseVariables.dateValue(response.receivedAt()));
    replies.register(reference, response.receivedAt(), response.reference(), response.summary(), EngineClock.now());
    timeline.record(reference, EngineClock.now(), TimelineEvent.RESPONSE_REGISTERED, currentUser.id(), "by message");
  }
}
