package org.osce.vienna.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.osce.vienna.casefile.DateTimes;
import org.osce.vienna.casefile.FieldErrors;
import org.osce.vienna.casefile.InvalidInputException;
import org.osce.vienna.casefile.ParticipatingStates;

/**
 * Reads the fields of one input by their {@link Field} rules, noting what is wrong with each instead of
 * stopping at the first, so that one refusal names every problem. A field that is wrong reads as null.
 */
public final class InputReader {

  private final InputValues values;
  private final FieldErrors errors = new FieldErrors();

  public InputReader(InputValues values) {
    this.values = values;
  }

  /** Text without the white space around it, null when absent or blank; refused when not text, missing though
   * required, or too long. */
  public String text(Field field) {
    String text = read(field, () -> CaseVariables.text(values.get(field.name()), field.name()));
    if (text == null || text.isBlank()) {
      missingIfRequired(field);
      return null;
    }
    if (field.maxLength() != null && text.length() > field.maxLength()) {
      errors.add(field.name(), "is longer than " + field.maxLength() + " characters");
    }
    return text.strip();
  }

  /** A participating State's code (upper case) from its code or name; null when absent or not one. */
  public String state(Field field) {
    String text = read(field, () -> CaseVariables.text(values.get(field.name()), field.name()));
    if (text == null || text.isBlank()) {
      missingIfRequired(field);
      return null;
    }
    String whyNot = ParticipatingStates.all().whyNot(text);
    if (whyNot != null) {
      errors.add(field.name(), whyNot);
      return null;
    }
    return ParticipatingStates.all().find(text).orElseThrow().code();
  }

  public Boolean bool(Field field) {
    Boolean value = read(field, () -> CaseVariables.bool(values.get(field.name()), field.name()));
    if (value == null && !errors.has(field.name()) && field.isRequired()) {
      errors.add(field.name(), field.whenMissing());
    }
    return value;
  }

  public Integer number(Field field) {
    errors.label(field.name(), field.label());
    Object value = values.get(field.name());
    if (value == null) {
      missingIfRequired(field);
      return null;
    }
    if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      errors.add(field.name(), "must be a whole number");
      return null;
    }
    int number = n.intValue();
    if ((field.min() != null && number < field.min()) || (field.max() != null && number > field.max())) {
      errors.add(field.name(), "must be from " + field.min() + " to " + field.max());
    }
    return number;
  }

  public Instant dateTime(Field field) {
    Instant instant = read(field, () -> DateTimes.parse(values.get(field.name()), field.name()));
    if (instant == null) {
      missingIfRequired(field);
    }
    return instant;
  }

  public LocalDate date(Field field) {
    LocalDate day = read(field, () -> DateTimes.parseDay(values.get(field.name()), field.name()));
    if (day == null) {
      missingIfRequired(field);
    }
    return day;
  }

  public JsonNode json(Field field) {
    JsonNode node = read(field, () -> CaseVariables.json(values.get(field.name()), field.name()));
    if (node == null || node.isNull()) {
      missingIfRequired(field);
      return null;
    }
    return node;
  }

  /** A list of texts; empty when absent. */
  public List<String> texts(Field field) {
    List<String> list = read(field, () -> CaseVariables.strings(values.get(field.name()), field.name()));
    if (list == null || list.isEmpty()) {
      missingIfRequired(field);
      return list == null ? List.of() : list;
    }
    return list;
  }

  /** Notes a problem that a rule over several fields found. */
  public InputReader refuse(String field, String message) {
    errors.add(field, message);
    return this;
  }

  /** Notes every field problem of a refusal that a domain rule threw (e.g. the letter's). */
  public InputReader refuse(InvalidInputException refusal) {
    errors.addAll(refusal);
    return this;
  }

  public boolean isWrong(String field) {
    return errors.has(field);
  }

  public FieldErrors errors() {
    return errors;
  }

  /** Throws naming every problem noted; {@code what} says which input, e.g. "The response cannot be registered". */
  public void throwIfAny(String what) {
    errors.throwIfAny(what);
  }

  private void missingIfRequired(Field field) {
    if (field.isRequired() && !errors.has(field.name())) {
      errors.add(field.name(), field.whenMissing());
    }
  }

  private <T> T read(Field field, Supplier<T> reading) {
    // Every field read is named by its label in a refusal, whichever rule finds it wrong.
    errors.label(field.name(), field.label());
    try {
      return reading.get();
    } catch (InvalidInputException e) {
      errors.addAll(e);
      return null;
    }
  }
}
