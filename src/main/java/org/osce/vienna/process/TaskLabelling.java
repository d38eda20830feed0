package org.osce.vienna.process;

import static org.osce.vienna.process.ProcessConstants.CASE_LABEL;
import static org.osce.vienna.process.ProcessConstants.MEETING_TARGET_AT;
import static org.osce.vienna.process.ProcessConstants.RESPONSE_DUE_AT;
import static org.osce.vienna.process.ProcessConstants.SIGN_OFF_DUE_AT;
import static org.osce.vienna.process.ProcessConstants.TASK_ARRANGE_BILATERAL_MEETING;
import static org.osce.vienna.process.ProcessConstants.TASK_DECIDE_CO_SIGNING;
import static org.osce.vienna.process.ProcessConstants.TASK_REGISTER_RESPONSE;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On every task of the procedure: the case in the task's name ("Decide on co-signing —
 * VM-2021-BY-01 (Belarus)"), so a task list says which case each task is about, and the due date
 * of the deadline the task works against. Attached to every user task by {@link UserTaskConventions}.
 */
@Component
public class TaskLabelling implements TaskListener {

  /** The deadline each task works against, by task definition key. */
  static final Map<String, String> DUE_DATES = Map.of(
      TASK_DECIDE_CO_SIGNING, SIGN_OFF_DUE_AT,
      TASK_REGISTER_RESPONSE, RESPONSE_DUE_AT,
      TASK_ARRANGE_BILATERAL_MEETING, MEETING_TARGET_AT);

  @Override
  public void notify(DelegateTask task) {
    Object label = task.getVariable(CASE_LABEL);
    if (label != null && task.getName() != null && !task.getName().endsWith(label.toString())) {
      task.setName(task.getName() + " — " + label);
    }
    String dueVariable = DUE_DATES.get(task.getTaskDefinitionKey());
    if (dueVariable != null) {
      Instant due = CaseVariables.instant(task, dueVariable);
      if (due != null) {
        task.setDueDate(Date.from(due));
      }
    }
  }
}
