package org.osce.vienna.casefile;

import java.util.Map;

/**
 * A request that is right in itself but comes at a stage of the case that does not take it: a late join after
 * the letter was signed, a withdrawal of a closed case. A field error on the field that names what cannot be
 * done now (Tasklist shows it as a sentence); the case API answers it 409 with the case's status.
 */
public class CaseStageConflict extends InvalidInputException {

  private final String title;
  private final CaseStatus status;

  /**
   * @param title the refusal in a few words, e.g. "Letter already signed"
   * @param message what is wrong with the field, to follow its name
   */
  public CaseStageConflict(String what, String title, String field, String message, CaseStatus status) {
    super(what, Map.of(field, message));
    this.title = title;
    this.status = status;
  }

  public String title() {
    return title;
  }

  public CaseStatus status() {
    return status;
  }
}
