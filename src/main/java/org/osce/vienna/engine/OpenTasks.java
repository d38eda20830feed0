package org.osce.vienna.engine;

import static org.osce.vienna.casefile.CaseRecords.instant;
import static org.osce.vienna.casefile.CaseRecords.ts;

import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The open user tasks of the cases (vm_open_task), so that a case view reads them, candidate group
 * and assignee included, in one query. Kept by this task listener, in the engine's transaction: a row
 * on create, brought up to date on each assignment (claim, unclaim, delegation) and update (due date,
 * name, candidate groups), removed on complete and delete. Attached to every user task by
 * {@link UserTaskConventions}, as a built-in listener, so it also runs when custom listeners are skipped.
 */
@Component
public class OpenTasks implements TaskListener {

  /** The events that change what a case view shows of a task. */
  static final List<String> EVENTS = List.of(EVENTNAME_CREATE, EVENTNAME_ASSIGNMENT, EVENTNAME_UPDATE,
      EVENTNAME_COMPLETE, EVENTNAME_DELETE);

  /** An open task as the case view shows it. */
  public record OpenTask(String id, String taskKey, String name, String candidateGroup, String assignee,
      Instant dueAt) {
  }

  private final JdbcTemplate jdbc;

  public OpenTasks(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void notify(DelegateTask task) {
    if (task.getProcessInstanceId() == null) {
      return; // a task of no process is no case's
    }
    if (EVENTNAME_COMPLETE.equals(task.getEventName()) || EVENTNAME_DELETE.equals(task.getEventName())) {
      remove(task.getId());
    } else {
      save(task);
    }
  }

  /** The open tasks of a process instance, oldest first (then by id), as the engine's task query orders them. */
  public List<OpenTask> of(String processInstanceId) {
    return jdbc.query("SELECT * FROM vm_open_task WHERE process_instance_id = ? ORDER BY created_at, task_id",
        (rs, i) -> new OpenTask(rs.getString("task_id"), rs.getString("task_key"), rs.getString("name"),
            rs.getString("candidate_group"), rs.getString("assignee"), instant(rs, "due_at")),
        processInstanceId);
  }

  /** The open tasks of a process instance at one task of the model ({@code taskKey}), oldest first. */
  public List<OpenTask> of(String processInstanceId, String taskKey) {
    return of(processInstanceId).stream().filter(task -> taskKey.equals(task.taskKey())).toList();
  }

  /** Records the task as it stands now. */
  void save(DelegateTask task) {
    Object[] values = {task.getTaskDefinitionKey(), task.getName(), candidateGroup(task), task.getAssignee(),
        at(task.getDueDate()), task.getId()};
    if (jdbc.update("UPDATE vm_open_task SET task_key = ?, name = ?, candidate_group = ?, assignee = ?, due_at = ?"
        + " WHERE task_id = ?", values) == 0) {
      jdbc.update("INSERT INTO vm_open_task (task_key, name, candidate_group, assignee, due_at, task_id,"
          + " process_instance_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", values[0], values[1], values[2],
          values[3], values[4], values[5], task.getProcessInstanceId(), at(task.getCreateTime()));
    }
  }

  void remove(String taskId) {
    jdbc.update("DELETE FROM vm_open_task WHERE task_id = ?", taskId);
  }

  Set<String> ids() {
    return new HashSet<>(jdbc.queryForList("SELECT task_id FROM vm_open_task", String.class));
  }

  /** The task's candidate group; each task of the procedure has one. */
  private static String candidateGroup(DelegateTask task) {
    return task.getCandidates().stream().map(IdentityLink::getGroupId).filter(Objects::nonNull).sorted()
        .findFirst().orElse(null);
  }

  private static Object at(Date date) {
    return date == null ? null : ts(date.toInstant());
  }
}
