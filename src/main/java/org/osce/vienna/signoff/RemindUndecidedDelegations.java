package org.osce.vienna.signoff;

import static org.osce.vienna.engine.ProcessConstants.CASE_LABEL;
import static org.osce.vienna.engine.ProcessConstants.SIGN_OFF_DUE_AT;
import static org.osce.vienna.engine.ProcessConstants.TASK_DECIDE_CO_SIGNING;

import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.casefile.DateTimes;
import org.osce.vienna.casefile.Deadlines;
import org.osce.vienna.casefile.Groups;
import org.osce.vienna.casefile.Timeline;
import org.osce.vienna.casefile.TimelineEvent;
import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.engine.EngineClock;
import org.osce.vienna.engine.OpenTasks;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The sign-off reminder (Event_SignOffReminderDue): each invited delegation whose "Decide on co-signing" is still
 * open is reminded of the deadline; a delegation that has decided has no open task and hears nothing more. Nothing
 * goes once the deadline has passed ({@link Deadlines#isWorthReminding}).
 */
@Component
public class RemindUndecidedDelegations implements JavaDelegate {

  private final CaseRecords cases;
  private final OpenTasks openTasks;
  private final Timeline timeline;
  private final ApplicationEventPublisher events;

  public RemindUndecidedDelegations(CaseRecords cases, OpenTasks openTasks, Timeline timeline,
      ApplicationEventPublisher events) {
    this.cases = cases;
    this.openTasks = openTasks;
    this.timeline = timeline;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant now = EngineClock.now();
    Instant dueAt = CaseVariables.instant(execution, SIGN_OFF_DUE_AT);
    if (!Deadlines.isWorthReminding(dueAt, now)) {
      return;
    }
    String reference = CaseVariables.reference(execution);
    CaseRecords.CaseRecord record = cases.get(reference);
    List<OpenTasks.OpenTask> undecided = openTasks.of(execution.getProcessInstanceId(), TASK_DECIDE_CO_SIGNING);
    for (OpenTasks.OpenTask task : undecided) {
      events.publishEvent(new CoSigningReminderDue(reference, (String) execution.getVariable(CASE_LABEL),
          record.leadDelegation(), record.addresseeState(), record.subject(), delegationOf(task), dueAt, task.id()));
    }
    if (!undecided.isEmpty()) {
      timeline.record(reference, now, TimelineEvent.SIGN_OFF_REMINDER_SENT, null, "to "
          + String.join(", ", undecided.stream().map(RemindUndecidedDelegations::delegationOf).toList())
          + "; deadline " + DateTimes.shown(dueAt));
    }
  }

  /** The task is for the heads of the invited delegation: {@code heads-de} is Germany's. */
  private static String delegationOf(OpenTasks.OpenTask task) {
    return Groups.stateOfHeads(task.candidateGroup()).orElseThrow();
  }
}
