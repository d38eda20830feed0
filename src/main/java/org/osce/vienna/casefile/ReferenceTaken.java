package org.osce.vienna.casefile;

import java.util.Map;

/**
 * A case is started with a reference another case already has. Refused by the start of a case, the one
 * place that checks it; the case API and {@code /engine-rest} answer it 409 (a conflict, not bad input),
 * Tasklist shows its message.
 */
public class ReferenceTaken extends InvalidInputException {

  public static final String FIELD = "reference";

  private final String reference;

  public ReferenceTaken(String what, String reference) {
    super(what, Map.of(FIELD, "'" + reference + "' is already the reference of another case"));
    this.reference = reference;
  }

  public String reference() {
    return reference;
  }
}
