package org.osce.vienna.engine;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.osce.vienna.casefile.FieldErrors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Holds every task to its contract ({@link InputContracts}), whoever calls and however: Tasklist's form
 * submission, {@code /engine-rest} ({@code complete}, {@code submit-form}, {@code resolve},
 * {@code variables}, {@code localVariables}, deletes) and the Java API all go through the engine's task
 * and form services, which this replaces with ones that refuse, before anything is written, a variable the
 * task does not take, a value of a Java object type, and a BPMN error or escalation thrown from a task
 * (the procedure's tasks catch none: it would end a case or a co-signing decision unseen).
 *
 * <p>The engine's own authorizations come first: delegations hold TASK_WORK on their tasks, not UPDATE
 * ({@code defaultUserPermissionNameForTask}), so they cannot write a task's variables outside completing
 * it, and a task the caller may not see is answered by the engine as before.
 */
@Component
@Order(1)
public class TaskContractEnforcement extends AbstractCamundaConfiguration {

  private final InputContracts contracts;
  private final ObjectProvider<FormVariables> formVariables;

  public TaskContractEnforcement(InputContracts contracts, ObjectProvider<FormVariables> formVariables) {
    this.contracts = contracts;
    this.formVariables = formVariables;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTaskService(new ContractTaskService());
    configuration.setFormService(new ContractFormService());
  }

  /** Refuses, naming each, the variables that the task does not take; nothing when all are its own. */
  void check(CommandContext context, String taskId, Collection<String> names, Map<String, ?> values) {
    if ((names == null || names.isEmpty()) && (values == null || values.isEmpty())) {
      return;
    }
    TaskEntity task = taskId == null ? null : readable(context, taskId);
    if (task != null) {
      check(task, names, values);
    }
  }

  /** The same, on a task the caller may see (read, and her rights checked, by the engine). */
  void check(TaskEntity task, Collection<String> names, Map<String, ?> values) {
    Set<String> contract = contracts.ofTask(task.getTaskDefinitionKey());
    String input = "the task \"" + task.getName() + "\" (" + task.getTaskDefinitionKey() + ")";
    FieldErrors errors = new FieldErrors();
    if (names != null) {
      InputContracts.checkNames(contract, names, input, errors);
    }
    if (values != null) {
      InputContracts.checkNames(contract, values.keySet(), input, errors);
      for (String name : values.keySet()) {
        // A VariableMap hands out a serialized object's value only typed (its plain value would deserialize it).
        Object value = values instanceof VariableMap typedValues ? typedValues.getValueTyped(name) : values.get(name);
        if (value instanceof TypedValue typed && InputContracts.isJavaObject(typed)) {
          errors.add(name, "is of type " + typed.getType().getName() + ", which no task takes: send text, a"
              + " boolean, a number, a date or Json");
        }
      }
    }
    errors.throwIfAny("The task cannot take these variables");
  }

  /**
   * The task, if the caller may read it; else none, and the engine refuses the call as it refuses any call on a
   * task one may not see (403/404), before any contract is named.
   */
  private static TaskEntity readable(CommandContext context, String taskId) {
    TaskEntity task = context.getTaskManager().findTaskById(taskId);
    if (task == null) {
      return null;
    }
    try {
      for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
        checker.checkReadTask(task);
      }
      return task;
    } catch (AuthorizationException cannotRead) {
      return null;
    }
  }

  /**
   * The check, then the write, in one engine command: one transaction, in which the task and the caller's
   * groups are read once, for both (the engine keeps what a command has read). Nothing is written when the
   * check refuses.
   */
  <T> T checkedThen(CommandExecutor executor, String taskId, Collection<String> names, Map<String, ?> values,
      Supplier<T> write) {
    return executor.execute(context -> {
      check(context, taskId, names, values);
      return write.get();
    });
  }

  private static AuthorizationException noErrorsFromTasks(String taskId, String what) {
    return new AuthorizationException("A " + what + " cannot be thrown from task " + taskId
        + ": the procedure's tasks are completed with their contract variables, never ended by an error");
  }

  /**
   * The engine's completion, with the contract checked right after the engine's own check that the caller may work
   * on the task, on the task the engine has read. Completing is the most frequent write (every system completes
   * over {@code /engine-rest/task/{id}/complete}), so it is checked without a read of its own.
   */
  class CompleteWithinContract extends CompleteTaskCmd {

    CompleteWithinContract(String taskId, Map<String, Object> variables, boolean returnVariables,
        boolean deserializeReturnedVariables) {
      super(taskId, variables, returnVariables, deserializeReturnedVariables);
    }

    @Override
    protected void checkCompleteTask(TaskEntity task, CommandContext commandContext) {
      super.checkCompleteTask(task, commandContext);
      check(task, null, variables);
    }
  }

  /** The task service, with every write of a task's variables checked against the task's contract. */
  class ContractTaskService extends TaskServiceImpl {

    @Override
    public void complete(String taskId, Map<String, Object> variables) {
      commandExecutor.execute(new CompleteWithinContract(taskId, variables, false, false));
    }

    @Override
    public VariableMap completeWithVariablesInReturn(String taskId, Map<String, Object> variables,
        boolean deserializeValues) {
      return commandExecutor.execute(new CompleteWithinContract(taskId, variables, true, deserializeValues));
    }

    @Override
    public void resolveTask(String taskId, Map<String, Object> variables) {
      checkedThen(commandExecutor, taskId, null, variables, () -> {
        super.resolveTask(taskId, variables);
        return null;
      });
    }

    @Override
    protected void setVariables(String taskId, Map<String, ?> variables, boolean local) {
      checkedThen(commandExecutor, taskId, null, variables, () -> {
        super.setVariables(taskId, variables, local);
        return null;
      });
    }

    @Override
    protected void updateVariables(String taskId, Map<String, ?> modifications, Collection<String> deletions,
        boolean local) {
      checkedThen(commandExecutor, taskId, deletions, modifications, () -> {
        super.updateVariables(taskId, modifications, deletions, local);
        return null;
      });
    }

    @Override
    public void removeVariable(String taskId, String variableName) {
      checkedThen(commandExecutor, taskId, Set.of(variableName), null, () -> {
        super.removeVariable(taskId, variableName);
        return null;
      });
    }

    @Override
    public void removeVariableLocal(String taskId, String variableName) {
      checkedThen(commandExecutor, taskId, Set.of(variableName), null, () -> {
        super.removeVariableLocal(taskId, variableName);
        return null;
      });
    }

    @Override
    public void removeVariables(String taskId, Collection<String> variableNames) {
      checkedThen(commandExecutor, taskId, variableNames, null, () -> {
        super.removeVariables(taskId, variableNames);
        return null;
      });
    }

    @Override
    public void removeVariablesLocal(String taskId, Collection<String> variableNames) {
      checkedThen(commandExecutor, taskId, variableNames, null, () -> {
        super.removeVariablesLocal(taskId, variableNames);
        return null;
      });
    }

    @Override
    public void deleteTask(String taskId) {
      refuseDeletingACaseTask(taskId);
      super.deleteTask(taskId);
    }

    @Override
    public void deleteTask(String taskId, String deleteReason) {
      refuseDeletingACaseTask(taskId);
      super.deleteTask(taskId, deleteReason);
    }

    @Override
    public void deleteTask(String taskId, boolean cascade) {
      refuseDeletingACaseTask(taskId);
      super.deleteTask(taskId, cascade);
    }

    /**
     * The engine refuses it too, before it checks who asks, but as a server error (500): a caller should
     * read what to do instead. Looked up without the caller's rights, as the engine's own refusal is.
     */
    private void refuseDeletingACaseTask(String taskId) {
      Task task = taskId == null ? null : commandExecutor.execute(context -> {
        context.disableAuthorizationCheck();
        try {
          return context.getTaskManager().findTaskById(taskId);
        } finally {
          context.enableAuthorizationCheck();
        }
      });
      if (task != null && task.getProcessInstanceId() != null) {
        throw new BadUserRequestException("Task " + taskId + " is a step of a case: it ends when it is completed,"
            + " and is never deleted");
      }
    }

    @Override
    public void handleBpmnError(String taskId, String errorCode, String errorMessage, Map<String, Object> variables) {
      throw noErrorsFromTasks(taskId, "BPMN error");
    }

    @Override
    public void handleBpmnError(String taskId, String errorCode, String errorMessage) {
      throw noErrorsFromTasks(taskId, "BPMN error");
    }

    @Override
    public void handleBpmnError(String taskId, String errorCode) {
      throw noErrorsFromTasks(taskId, "BPMN error");
    }

    @Override
    public void handleEscalation(String taskId, String escalationCode, Map<String, Object> variables) {
      throw noErrorsFromTasks(taskId, "BPMN escalation");
    }

    @Override
    public void handleEscalation(String taskId, String escalationCode) {
      throw noErrorsFromTasks(taskId, "BPMN escalation");
    }
  }

  /** The form service, with a submitted task form held to the task's contract (Tasklist submits here). */
  class ContractFormService extends FormServiceImpl {

    private final ContractTaskService tasks = new ContractTaskService();

    @Override
    public void setCommandExecutor(CommandExecutor commandExecutor) {
      super.setCommandExecutor(commandExecutor);
      tasks.setCommandExecutor(commandExecutor);
    }

    @Override
    public void submitTaskForm(String taskId, Map<String, Object> properties) {
      checkedThen(commandExecutor, taskId, null, properties, () -> {
        super.submitTaskForm(taskId, properties);
        return null;
      });
    }

    @Override
    public VariableMap submitTaskFormWithVariablesInReturn(String taskId, Map<String, Object> properties,
        boolean deserializeValues) {
      return checkedThen(commandExecutor, taskId, null, properties,
          () -> super.submitTaskFormWithVariablesInReturn(taskId, properties, deserializeValues));
    }

    /** What the engine reads, and the {@link FormVariables} of the task, read with the caller's rights. */
    @Override
    public VariableMap getTaskFormVariables(String taskId, Collection<String> names, boolean deserializeObjectValues) {
      VariableMap variables = super.getTaskFormVariables(taskId, names, deserializeObjectValues);
      Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
      Object reference = task == null || task.getProcessInstanceId() == null ? null
          : tasks.getVariable(taskId, ProcessConstants.REFERENCE);
      if (reference instanceof String caseReference) {
        VariableMap read = Variables.fromMap(variables);
        formVariables.orderedStream().forEach(more -> more.of(task.getTaskDefinitionKey(), caseReference, read)
            .forEach((name, value) -> {
              if (names == null || names.isEmpty() || names.contains(name)) {
                variables.putValueTyped(name, value);
              }
            }));
      }
      return variables;
    }

    @Override
    public void submitTaskFormData(String taskId, Map<String, String> properties) {
      checkedThen(commandExecutor, taskId, null, properties, () -> {
        super.submitTaskFormData(taskId, properties);
        return null;
      });
    }
  }
}
