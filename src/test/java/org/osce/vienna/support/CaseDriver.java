package org.osce.vienna.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.osce.vienna.casefile.Groups;
import org.osce.vienna.engine.ProcessConstants;

/**
 * Plays a case the way its users do: starts it, completes tasks as a given user with the
 * contract's variables, and runs the jobs the job executor would run (tests switch it off to
 * decide when each step happens).
 */
public class CaseDriver {

  private final ProcessEngine engine;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final IdentityService identity;

  public CaseDriver(ProcessEngine engine) {
    this.engine = engine;
    this.runtime = engine.getRuntimeService();
    this.tasks = engine.getTaskService();
    this.management = engine.getManagementService();
    this.identity = engine.getIdentityService();
  }

  public static String inDays(int days) {
    return OffsetDateTime.now(ZoneOffset.ofHours(1)).plusDays(days).withNano(0).toString();
  }

  public static Object json(String json) {
    return SpinValues.jsonValue(json).create();
  }

  public static Object jsonList(List<String> values) {
    return json(values.isEmpty() ? "[]" : "[\"" + String.join("\",\"", values) + "\"]");
  }

  /** Starts a case as an officer of the lead delegation, by business key, as a system would over REST. */
  public ProcessInstance start(String reference, String lead, String addressee, String subject) {
    return start(reference, Map.of(ProcessConstants.LEAD_DELEGATION, lead, ProcessConstants.ADDRESSEE_STATE, addressee,
        ProcessConstants.SUBJECT, subject));
  }

  public ProcessInstance start(String reference, Map<String, Object> variables) {
    String lead = String.valueOf(variables.get(ProcessConstants.LEAD_DELEGATION));
    return asUser("officer-" + lead.toLowerCase(), List.of(Groups.delegation(lead)),
        () -> runtime.startProcessInstanceByKey(ProcessConstants.PROCESS_KEY, reference, variables));
  }

  /** The one open task of the case with this key. */
  public Task task(ProcessInstance instance, String taskKey) {
    List<Task> open = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).list();
    assertThat(open).as("open %s tasks", taskKey).hasSize(1);
    return open.get(0);
  }

  public List<Task> tasks(ProcessInstance instance, String taskKey) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).list();
  }

  /** Claims and completes the case's task {@code taskKey} as {@code userId} of {@code groups}. */
  public void complete(ProcessInstance instance, String taskKey, String userId, List<String> groups,
      Map<String, Object> variables) {
    complete(task(instance, taskKey), userId, groups, variables);
  }

  public void complete(Task task, String userId, List<String> groups, Map<String, Object> variables) {
    asUser(userId, groups, () -> {
      tasks.claim(task.getId(), userId);
      tasks.complete(task.getId(), variables);
      return null;
    });
  }

  public <T> T asUser(String userId, List<String> groups, Supplier<T> action) {
    identity.setAuthentication(userId, groups);
    try {
      return action.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  /** Runs every job that is due now, as the job executor would, until the case waits. */
  public void runJobs(ProcessInstance instance) {
    for (int round = 0; round < 100; round++) {
      List<Job> due = management.createJobQuery().processInstanceId(instance.getId()).messages().executable().list();
      if (due.isEmpty()) {
        return;
      }
      for (Job job : due) {
        management.executeJob(job.getId());
      }
    }
    throw new AssertionError("Jobs kept coming for " + instance.getId());
  }

  /** Fires the timer of {@code activityId} now, as if its time had come, then runs what follows. */
  public void fireTimer(ProcessInstance instance, String activityId) {
    List<Job> timers = management.createJobQuery().processInstanceId(instance.getId()).timers().activityId(activityId)
        .list();
    assertThat(timers).as("timer of %s", activityId).hasSize(1);
    management.executeJob(timers.get(0).getId());
    runJobs(instance);
  }

  public void correlate(String message, String reference, Map<String, Object> variables) {
    runtime.createMessageCorrelation(message).processInstanceBusinessKey(reference).setVariables(variables).correlate();
  }

  public static Map<String, Object> vars(Object... keyValues) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put((String) keyValues[i], keyValues[i + 1]);
    }
    return map;
  }

  public static List<String> officer(String code) {
    return List.of(Groups.delegation(code));
  }

  public static List<String> head(String code) {
    return List.of(Groups.delegation(code), Groups.heads(code));
  }

  public ProcessEngine engine() {
    return engine;
  }

  public Object variable(ProcessInstance instance, String name) {
    return runtime.getVariable(instance.getId(), name);
  }
}
