package org.osce.vienna.engine;

import java.util.Map;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Variables a task's form shows that are read from the application's records each time the form is opened
 * (Tasklist reads a form's variables from the form service, {@code task/{id}/form-variables}), instead of
 * being copied into the process instance: what changes while the task is open, written by tasks that run
 * in parallel, e.g. which invited delegations have decided so far. One copy in the process instance would
 * be written by each of them, and two decisions at the same moment would collide on it.
 * {@link TaskContractEnforcement} adds them to what the engine reads.
 */
public interface FormVariables {

  /**
   * The variables the form of the task {@code taskDefinitionKey} shows for the case; none for other tasks.
   * {@code read}: the variables the engine read for the form, with the user's rights.
   */
  Map<String, TypedValue> of(String taskDefinitionKey, String reference, VariableMap read);
}
