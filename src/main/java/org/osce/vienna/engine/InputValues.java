package org.osce.vienna.engine;

import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.spi.SpinDataFormatException;
import org.osce.vienna.casefile.InvalidInputException;

/** The values an input is read from, by variable name: a task's, a start's or a message's variables, or a map. */
@FunctionalInterface
public interface InputValues {

  Object get(String name);

  static InputValues of(VariableScope scope) {
    return name -> {
      try {
        return scope.getVariable(name);
      } catch (SpinDataFormatException e) {
        throw InvalidInputException.single("Invalid variable", name, "is not valid JSON");
      }
    };
  }

  /** In unit tests, and for what a system sent before it reaches the engine. */
  static InputValues of(Map<String, ?> values) {
    return values::get;
  }
}
