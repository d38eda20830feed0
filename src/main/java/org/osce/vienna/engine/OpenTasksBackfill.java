package org.osce.vienna.engine;

import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Once on a database, at a start before the application takes requests: records the open tasks that {@link OpenTasks}
 * has no row of (those open before it existed), and removes the rows of tasks that are no longer open
 * (ended where the listener did not run, e.g. by an earlier version). Idempotent: nothing to do, nothing
 * written.
 */
@Component
public class OpenTasksBackfill implements SmartInitializingSingleton {

  static final String UPGRADE = "open-tasks";
  /** The version of the rows it writes. */
  static final String VERSION = "1";

  private static final Logger LOG = LoggerFactory.getLogger(OpenTasksBackfill.class);

  private final OpenTasks openTasks;
  private final TaskService taskService;
  private final ManagementService management;
  private final CommandExecutor commands;

  public OpenTasksBackfill(OpenTasks openTasks, ProcessEngine engine) {
    this.openTasks = openTasks;
    this.taskService = engine.getTaskService();
    this.management = engine.getManagementService();
    this.commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
  }

  /** Once on a database (the rows are kept from then on where they change): not at every start. */
  @Override
  public void afterSingletonsInstantiated() {
    if (!UpgradeMarks.done(management, UPGRADE, VERSION)) {
      backfill();
      UpgradeMarks.markDone(management, UPGRADE, VERSION);
    }
  }

  public void backfill() {
    // The engine first, the rows second: a task created in between has its row from its own listener.
    Set<String> open = openTaskIds();
    Set<String> recorded = openTasks.ids();
    int added = 0;
    for (String id : open) {
      if (!recorded.contains(id)) {
        // Read again in the command that writes the row, so the row has the task as it is (or none, if it ended).
        added += commands.execute((CommandContext context) -> {
          TaskEntity task = context.getTaskManager().findTaskById(id);
          if (task == null) {
            return 0;
          }
          openTasks.save(task);
          return 1;
        });
      }
    }
    // The rows first, the engine second: a row written in between belongs to a task the engine then has.
    Set<String> stale = openTasks.ids();
    stale.removeAll(openTaskIds());
    stale.forEach(openTasks::remove);
    if (added + stale.size() > 0) {
      LOG.info("Open tasks: recorded {} open before, removed {} no longer open", added, stale.size());
    }
  }

  private Set<String> openTaskIds() {
    return taskService.createTaskQuery().list().stream().filter(task -> task.getProcessInstanceId() != null)
        .map(Task::getId).collect(Collectors.toSet());
  }
}
