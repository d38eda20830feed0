package org.osce.vienna.casefile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Collects what is wrong with an input, field by field, so one answer names every problem. */
public final class FieldErrors {

  private final Map<String, String> errors = new LinkedHashMap<>();
  private final Map<String, String> labels = new LinkedHashMap<>();

  public FieldErrors add(String field, String message) {
    errors.putIfAbsent(field, message);
    return this;
  }

  public FieldErrors addAll(InvalidInputException invalid) {
    invalid.fieldErrors().forEach(this::add);
    invalid.labels().forEach(labels::putIfAbsent);
    return this;
  }

  /** What a user calls {@code field}, for the refusal's plain message; nothing when {@code label} is null. */
  public FieldErrors label(String field, String label) {
    if (label != null) {
      labels.putIfAbsent(field, label);
    }
    return this;
  }

  public boolean has(String field) {
    return errors.containsKey(field);
  }

  public boolean isEmpty() {
    return errors.isEmpty();
  }

  /** Field to message, in the order found. */
  public Map<String, String> asMap() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(errors));
  }

  /** Throws when anything was added; {@code what} says which input, e.g. "Invalid start data". */
  public void throwIfAny(String what) {
    if (!errors.isEmpty()) {
      throw new InvalidInputException(what, errors, labels);
    }
  }
}
