package org.osce.vienna.engine;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.osce.vienna.casefile.FieldErrors;
import org.springframework.stereotype.Component;

/**
 * The inputs of the procedure, as the phases declare them ({@link InputContract} beans), found by task,
 * start or message: what {@link TaskContractEnforcement}, the start listeners and the messages from
 * outside hold each input to.
 */
@Component
public class InputContracts {

  private final Map<InputContract.Kind, Map<String, InputContract>> byKind;

  public InputContracts(List<InputContract> all) {
    this.byKind = all.stream().collect(Collectors.groupingBy(InputContract::kind,
        Collectors.toMap(InputContract::key, Function.identity())));
  }

  /** The variables a task takes; none for a task that is not one of the procedure's. */
  public Set<String> ofTask(String taskDefinitionKey) {
    return find(InputContract.Kind.TASK, taskDefinitionKey).map(InputContract::names).orElse(Set.of());
  }

  /** The variables a message of the contract carries; empty for any other message. */
  public Set<String> ofMessage(String messageName) {
    return find(InputContract.Kind.MESSAGE, messageName).map(InputContract::names).orElse(Set.of());
  }

  public boolean isContractMessage(String messageName) {
    return find(InputContract.Kind.MESSAGE, messageName).isPresent();
  }

  public Optional<InputContract> find(InputContract.Kind kind, String key) {
    return key == null ? Optional.empty() : Optional.ofNullable(byKind.getOrDefault(kind, Map.of()).get(key));
  }

  /**
   * At a start event, the instance holds just the variables it was started with: refuses those the start
   * does not take, and values of Java object types (a start takes text, dates and Json).
   */
  public static void checkStartVariables(VariableScope execution, InputContract start, String what) {
    FieldErrors errors = new FieldErrors();
    checkNames(start.names(), execution.getVariableNames(), start.what(), errors);
    for (String name : execution.getVariableNames()) {
      TypedValue value = execution.getVariableTyped(name, false);
      if (value != null && isJavaObject(value)) {
        errors.add(name, "is of type " + value.getType().getName() + ", which no start takes: send text, a"
            + " boolean, a date or Json");
      }
    }
    errors.throwIfAny(what);
  }

  /** Values the contract never takes: Java objects (serialized or not), files and bytes. */
  static boolean isJavaObject(TypedValue value) {
    return value.getType() == ValueType.OBJECT || value.getType() == ValueType.FILE
        || value.getType() == ValueType.BYTES;
  }

  /** Adds an error for each name outside the contract, saying what the input takes instead. */
  public static void checkNames(Set<String> contract, Collection<String> names, String input, FieldErrors errors) {
    List<String> allowed = contract.stream().sorted().toList();
    for (String name : names) {
      if (!contract.contains(name)) {
        errors.add(name, allowed.isEmpty() ? "is not taken by " + input + ", which takes no variables"
            : "is not taken by " + input + ", which takes only " + String.join(", ", allowed));
      }
    }
  }
}
