package org.osce.vienna.response;

import static org.osce.vienna.engine.ProcessConstants.RESPONSE_RECEIVED_AT;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
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
 * Completing "Register the response": a received response needs its date and summary, and is registered as the
 * case's first reply; "no response" closes the wait.
 */
@Component
public class ValidateResponse implements TaskListener {

  private final CaseRecords cases;
  private final Replies replies;
  private final Timeline timeline;
  private final CurrentUser currentUser;

  public ValidateResponse(CaseRecords cases, Replies replies, Timeline timeline, CurrentUser currentUser) {
    this.cases = cases;
    this.replies = replies;
    this.timeline = timeline;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    String reference = CaseVariables.reference(task.getExecution());
    CaseRecords.CaseRecord record = cases.get(reference);
    boolean received = ResponseInput.arrived(InputValues.of(task), record.responseDueAt(), EngineClock.now());
    if (received) {
      ResponseInput response = ResponseInput.read(InputValues.of(task), record.deliveredAt(), EngineClock.now());
      task.setVariable(RESPONSE_RECEIVED_AT, CaseVariables.dateValue(response.receivedAt()));
      replies.register(reference, response.receivedAt(), response.reference(), response.summary(), EngineClock.now());
    }
    timeline.record(reference, EngineClock.now(),
        received ? TimelineEvent.RESPONSE_REGISTERED : TimelineEvent.RESPONSE_WAIT_CLOSED, currentUser.id(),
        received ? null : "closed as: no response received");
  }
}
