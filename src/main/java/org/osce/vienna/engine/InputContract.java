package org.osce.vienna.engine;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One input of the procedure (contract: procedure.md, "Tasks and the variables they complete with"): a
 * task, a start or a message, and the variables it takes with their rules. It takes nothing else:
 * anything more would land on the whole case (a co-signer's task could rewrite the lead's letter).
 * Each phase declares its inputs as beans; {@link InputContracts} finds them by task, start or message.
 *
 * <p>A field named {@code variable.part} is no variable of its own but a part of the (Json) variable
 * before the first dot that a form edits as a field, e.g. {@code draftQuestions.text}, the text of each
 * entry of the list {@code draftQuestions}, or {@code letter.closing}: it states that part's rule for the
 * form, and {@link #names()} leaves it out.
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

  /** The variables the input takes (no {@linkplain #parts() parts}). */
  public Set<String> names() {
    return fields.keySet().stream().filter(name -> !isPart(name))
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** The parts of its Json variables that a form edits as fields of their own, e.g. {@code draftQuestions.text}. */
  public List<Field> parts() {
    return fields.values().stream().filter(field -> isPart(field.name())).toList();
  }

  /** The same input with rules for parts of its variables ({@code variable.part}, the variable one of its fields). */
  public InputContract withParts(Field... parts) {
    for (Field part : parts) {
      String variable = part.name().substring(0, Math.max(0, part.name().indexOf('.')));
      if (!isPart(part.name()) || !fields.containsKey(variable)) {
        throw new IllegalArgumentException(part.name() + " is no part (variable.part) of a variable of " + what);
      }
    }
    return new InputContract(kind, key, what, byName(Stream.concat(fields.values().stream(), Arrays.stream(parts))
        .toArray(Field[]::new)));
  }

  private static boolean isPart(String name) {
    return name.indexOf('.') > 0;
  }

  public Field field(String name) {
    return fields.get(name);
  }

  /** Every field, parts included, in the order declared. */
  public List<Field> list() {
    return List.copyOf(fields.values());
  }

  private static Map<String, Field> byName(Field... fields) {
    return Arrays.stream(fields).collect(Collectors.toMap(Field::name, f -> f, (a, b) -> {
      throw new IllegalArgumentException("Field " + a.name() + " given twice");
    }, LinkedHashMap::new));
  }
}
