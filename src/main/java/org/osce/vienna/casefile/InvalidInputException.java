package org.osce.vienna.casefile;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Input that cannot be accepted, with a message for each field that is wrong. It is the engine's
 * "bad user request", so that the engine's REST API answers it with 400 and Tasklist shows its
 * message; nothing in the domain needs a running engine.
 */
public class InvalidInputException extends BadUserRequestException {

  private final Map<String, String> fieldErrors;

  public InvalidInputException(String what, Map<String, String> fieldErrors) {
    super(what + ": " + fieldErrors.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining("; ")));
    this.fieldErrors = new LinkedHashMap<>(fieldErrors);
  }

  public static InvalidInputException single(String what, String field, String message) {
    return new InvalidInputException(what, Map.of(field, message));
  }

  /** Field name (as in the contract, e.g. {@code letter.questions}) to what is wrong with it. */
  public Map<String, String> fieldErrors() {
    return fieldErrors;
  }
}
