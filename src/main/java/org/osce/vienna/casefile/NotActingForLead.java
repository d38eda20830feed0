package org.osce.vienna.casefile;

import java.util.Map;

/**
 * The acting user does something only the lead delegation's officers and heads (and the administrators)
 * may do, and is not one of them. A field error on the State, as Tasklist and {@code /engine-rest} show it
 * (400); the case API answers it 403.
 *
 * @param action what only they do, to follow "only its officers and heads", e.g. "start its cases"
 */
public class NotActingForLead extends InvalidInputException {

  private final String lead;
  private final String userId;
  private final String action;

  public NotActingForLead(String what, String field, String lead, String userId, String action) {
    super(what, Map.of(field, "is " + lead + ", but " + userId + " is not a member of that delegation: only its"
        + " officers and heads " + action));
    this.lead = lead;
    this.userId = userId;
    this.action = action;
  }

  public String lead() {
    return lead;
  }

  public String userId() {
    return userId;
  }

  /** What only the lead's officers and heads do, e.g. "start its cases". */
  public String action() {
    return action;
  }
}
