package org.osce.vienna.engine;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One input of the procedure (contract: procedure.md, "Tasks and the variables they complete with"): a
 * task, a start or a message, and the variables it takes with their rules. It takes nothing else:
 * anything more would land on the whole case (a co-signer's task could rewrite the lead's letter).
 * Each phase declares its inputs as beans; {@link InputContracts} finds them by task, start or message.
 *
 * @param key the task definition key, the process definition key of a start, or the message name
 * @param what how a refusal names the input, e.g. "the task Task_RegisterResponse"
 */
public record InputContract(Kind kind, String key, String what, Map<String, Field> fields) {

  /** Where an input comes in. */
  public enum Kind { TASK, START, MESSAGE }

  public static InputContract task(String taskKey, Field... fields) {
    return new InputContract(Kind.TASK, taskKey, "the task " + taskKey, byName(fields));
  }

  public static InputContract start(String processKey, String what, Field... fields) {
    return new InputContract(Kind.START, processKey, what, byName(fields));
  }

  public static InputContract message(String messageName, Field... fields) {
    return new InputContract(Kind.MESSAGE, messageName, "the message " + messageName, byName(fields));
  }

  /**
   * The variables it takes. A field named with a dot ({@code letter.closing}) is a part of a Json variable
   * that a form edits on its own; it is read and held to its rules with its variable.
   */
  public Set<String> names() {
    return fields.keySet().stream().filter(name -> !name.contains(".")).collect(Collectors.toUnmodifiableSet());
  }

  public Field field(String name) {
    return fields.get(name);
  }

  public List<Field> list() {
    return List.copyOf(fields.values());
  }

  private static Map<String, Field> byName(Field... fields) {
    return Arrays.stream(fields).collect(Collectors.toMap(Field::name, f -> f, (a, b) -> {
      throw new IllegalArgumentException("Field " + a.name() + " given twice");
    }, LinkedHashMap::new));
  }
}
