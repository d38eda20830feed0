package org.osce.vienna.response;

import static org.osce.vienna.engine.ProcessConstants.CASE_LABEL;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_DUE_AT;
import static org.osce.vienna.engine.ProcessConstants.TASK_REGISTER_RESPONSE;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.casefile.DateTimes;
import org.osce.vienna.casefile.Deadlines;
import org.osce.vienna.casefile.Timeline;
import org.osce.vienna.casefile.TimelineEvent;
import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.engine.EngineClock;
import org.osce.vienna.engine.OpenTasks;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The reply reminder (Event_ResponseReminderDue): on the morning of the day the reply is due, while the wait is
 * open, the lead delegation is reminded. Nothing goes once the deadline has passed ({@link Deadlines#isWorthReminding}).
 */
@Component
public class RemindLeadOfReplyDue implements JavaDelegate {

  private final CaseRecords cases;
  private final OpenTasks openTasks;
  private final Timeline timeline;
  private final ApplicationEventPublisher events;

  public RemindLeadOfReplyDue(CaseRecords cases, OpenTasks openTasks, Timeline timeline,
      ApplicationEventPublisher events) {
    this.cases = cases;
    this.openTasks = openTasks;
    this.timeline = timeline;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant now = EngineClock.now();
    Instant dueAt = CaseVariables.instant(execution, RESPONSE_DUE_AT);
    if (!Deadlines.isWorthReminding(dueAt, now)) {
      return;
    }
    String reference = CaseVariables.reference(execution);
    CaseRecords.CaseRecord record = cases.get(reference);
    String taskId = openTasks.of(execution.getProcessInstanceId(), TASK_REGISTER_RESPONSE).stream()
        .map(OpenTasks.OpenTask::id).findFirst().orElse(null);
    events.publishEvent(new ResponseReminderDue(reference, (String) execution.getVariable(CASE_LABEL),
        record.leadDelegation(), record.addresseeState(), record.subject(), dueAt, taskId));
    timeline.record(reference, now, TimelineEvent.RESPONSE_REMINDER_SENT, null,
        "to " + record.leadDelegation() + "; reply due " + DateTimes.shown(dueAt));
  }
}
