package org.osce.vienna.casefile;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Input that cannot be accepted, with a message for each field that is wrong. It is the engine's
 * "bad user request", so that the engine's REST API answers it with 400 and Tasklist shows its
 * message; nothing in the domain needs a running engine.
 *
 * <p>Systems read {@link #fieldErrors} (field name to what is wrong, e.g. "responseReceivedAt" to "cannot be in
 * the future: …"); people read {@link #plainMessage}, the same said of the field by what they call it.
 */
public class InvalidInputException extends BadUserRequestException {

  private final Map<String, String> fieldErrors;
  private final Map<String, String> labels;

  public InvalidInputException(String what, Map<String, String> fieldErrors) {
    this(what, fieldErrors, Map.of());
  }

  /** {@code labels}: what a user calls a field, e.g. "the response's date of receipt"; the field's name otherwise. */
  public InvalidInputException(String what, Map<String, String> fieldErrors, Map<String, String> labels) {
    super(what + ": " + fieldErrors.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining("; ")));
    this.fieldErrors = new LinkedHashMap<>(fieldErrors);
    this.labels = new LinkedHashMap<>(labels);
  }

  public static InvalidInputException single(String what, String field, String message) {
    return new InvalidInputException(what, Map.of(field, message));
  }

  /** Field name (as in the contract, e.g. {@code letter.questions}) to what is wrong with it. */
  public Map<String, String> fieldErrors() {
    return fieldErrors;
  }

  /** Field name to what a user calls it, for the fields that have a label. */
  public Map<String, String> labels() {
    return labels;
  }

  /**
   * What is wrong, as a person reads it in Tasklist: one sentence per field, e.g. "The response's date of
   * receipt cannot be in the future: 30 November 2026, 14:05 Vienna time (CET) is later than now."
   */
  public String plainMessage() {
    return fieldErrors.entrySet().stream()
        .map(e -> sentence(labels.getOrDefault(e.getKey(), words(e.getKey())) + " " + e.getValue()))
        .collect(Collectors.joining(" "));
  }

  /** A field without a label by its name in words: "leadDelegation" as "lead delegation". */
  private static String words(String field) {
    return field.replaceAll("([a-z])([A-Z])", "$1 $2").replace('.', ' ').toLowerCase(Locale.ROOT);
  }

  private static String sentence(String text) {
    String capitalised = Character.toUpperCase(text.charAt(0)) + text.substring(1);
    return capitalised.endsWith(".") || capitalised.endsWith("?") ? capitalised : capitalised + ".";
  }
}
