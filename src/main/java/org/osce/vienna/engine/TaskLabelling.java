package org.osce.vienna.engine;

import static org.osce.vienna.engine.ProcessConstants.ADDRESSEE_STATE;
import static org.osce.vienna.engine.ProcessConstants.CASE_LABEL;
import static org.osce.vienna.engine.ProcessConstants.DELIVERED_AT;
import static org.osce.vienna.engine.ProcessConstants.INVITED_DELEGATION;
import static org.osce.vienna.engine.ProcessConstants.MEETING_REQUESTED_AT;
import static org.osce.vienna.engine.ProcessConstants.MEETING_SCHEDULED_FOR;
import static org.osce.vienna.engine.ProcessConstants.MEETING_TARGET_AT;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_DUE_AT;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_RECEIVED_AT;
import static org.osce.vienna.engine.ProcessConstants.SIGN_OFF_DUE_AT;
import static org.osce.vienna.engine.ProcessConstants.SUBJECT;
import static org.osce.vienna.engine.ProcessConstants.TASK_ARRANGE_BILATERAL_MEETING;
import static org.osce.vienna.engine.ProcessConstants.TASK_DECIDE_CO_SIGNING;
import static org.osce.vienna.engine.ProcessConstants.TASK_RECORD_MEETING_OUTCOME;
import static org.osce.vienna.engine.ProcessConstants.TASK_REGISTER_RESPONSE;
import static org.osce.vienna.engine.ProcessConstants.TIMES_IN_VIENNA;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.osce.vienna.casefile.DateTimes;
import org.springframework.stereotype.Component;

/**
 * On every task of the procedure: the case in the task's name ("Decide on co-signing —
 * VM-2021-BY-01 (Belarus)"), so a task list says which case each task is about, and the due date
 * of the deadline the task works against, and the case's columns of the task list (case, subject,
 * addressee) as variables of the task itself, and the case's times as the forms show them, in Vienna time
 * ({@code timesInVienna}; Tasklist would show a Date in the browser's zone). Attached to every user task by {@link UserTaskConventions}.
 *
 * <p>Why copies on the task: Tasklist reads a filter's columns with the user's own rights, and a
 * delegation may read its tasks (their candidate group's grant), not the case's process instance;
 * without the copies an officer's list shows no case, subject or addressee.
 */
@Component
public class TaskLabelling implements TaskListener {

  /** The deadline each task works against, by task definition key. */
  static final Map<String, String> DUE_DATES = Map.of(
      TASK_DECIDE_CO_SIGNING, SIGN_OFF_DUE_AT,
      TASK_REGISTER_RESPONSE, RESPONSE_DUE_AT,
      TASK_ARRANGE_BILATERAL_MEETING, MEETING_TARGET_AT,
      // The target is for holding the meeting: its outcome is due by then too.
      TASK_RECORD_MEETING_OUTCOME, MEETING_TARGET_AT);

  /**
   * The variables the Tasklist filters show as columns ({@code TasklistFilters}); the invited delegation
   * tells apart the co-signing tasks of one case in the administrator's list of all tasks.
   */
  public static final List<String> LIST_COLUMNS = List.of(CASE_LABEL, SUBJECT, ADDRESSEE_STATE, INVITED_DELEGATION);

  /** Every variable this copies onto a task; copies, so kept out of the history ({@link TaskLabelsOutOfHistory}). */
  static final Set<String> COPIES = Stream.concat(LIST_COLUMNS.stream(), Stream.of(TIMES_IN_VIENNA))
      .collect(Collectors.toUnmodifiableSet());

  /** The case's times that forms show. */
  static final List<String> SHOWN_TIMES = List.of(SIGN_OFF_DUE_AT, DELIVERED_AT, RESPONSE_DUE_AT, RESPONSE_RECEIVED_AT,
      MEETING_REQUESTED_AT, MEETING_TARGET_AT, MEETING_SCHEDULED_FOR);

  @Override
  public void notify(DelegateTask task) {
    Object label = task.getVariable(CASE_LABEL);
    if (label != null && task.getName() != null && !task.getName().endsWith(label.toString())) {
      task.setName(task.getName() + " — " + label);
    }
    for (String column : LIST_COLUMNS) {
      Object value = task.getVariable(column);
      if (value != null) {
        task.setVariableLocal(column, value);
      }
    }
    Map<String, String> times = new LinkedHashMap<>();
    for (String name : SHOWN_TIMES) {
      Instant time = CaseVariables.instant(task, name);
      if (time != null) {
        times.put(name, DateTimes.shown(time));
      }
    }
    task.setVariableLocal(TIMES_IN_VIENNA, CaseVariables.jsonValue(times));
    String dueVariable = DUE_DATES.get(task.getTaskDefinitionKey());
    if (dueVariable != null) {
      Instant due = CaseVariables.instant(task, dueVariable);
      if (due != null) {
        task.setDueDate(Date.from(due));
      }
    }
  }
}
