package org.osce.vienna.drafting;

import org.osce.vienna.casefile.FieldErrors;
import org.osce.vienna.casefile.ParticipatingStates;

/** What starts a case (contract names). Codes are normalised to upper case by {@link #validate}. */
public record StartData(String reference, String leadDelegation, String addresseeState, String subject) {

  public static final String REFERENCE_PATTERN = "[A-Za-z0-9._-]{1,64}";
  static final int MAX_SUBJECT = 200;

  /**
   * Checks every field and returns the data with State codes in their canonical form (former
   * names and lower case accepted on input). Throws naming each bad field.
   */
  public StartData validate() {
    FieldErrors errors = new FieldErrors();
    if (reference == null || reference.isBlank()) {
      errors.add("reference", "is required (the case reference, e.g. VM-2021-BY-01)");
    } else if (!reference.matches(REFERENCE_PATTERN)) {
      errors.add("reference", "must be 1 to 64 of A-Z a-z 0-9 . _ - (it appears in URLs)");
    }
    String lead = stateCode(leadDelegation, "leadDelegation", errors);
    String addressee = stateCode(addresseeState, "addresseeState", errors);
    if (lead != null && lead.equals(addressee)) {
      errors.add("addresseeState", "cannot be the lead delegation: a State does not invoke the mechanism against itself");
    }
    if (subject == null || subject.isBlank()) {
      errors.add("subject", "is required (a short title of the case)");
    } else if (subject.length() > MAX_SUBJECT) {
      errors.add("subject", "is longer than " + MAX_SUBJECT + " characters");
    }
    errors.throwIfAny("Invalid start data");
    return new StartData(reference, lead, addressee, subject.strip());
  }

  /** The canonical code of a participating State given by code or name, or null after adding an error. */
  static String stateCode(String value, String field, FieldErrors errors) {
    String whyNot = ParticipatingStates.all().whyNot(value);
    if (whyNot != null) {
      errors.add(field, whyNot);
      return null;
    }
    return ParticipatingStates.all().find(value).orElseThrow().code();
  }
}
