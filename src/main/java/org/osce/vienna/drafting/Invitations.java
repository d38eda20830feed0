package org.osce.vienna.drafting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osce.vienna.casefile.FieldErrors;
import org.osce.vienna.casefile.ParticipatingStates;

/**
 * Who may be invited to co-sign (variable {@code invitedDelegations}): participating States, each
 * once, never the lead delegation (it always signs) nor the addressee. The one rule for the start of a
 * case ({@link StartInput}) and the draft ({@link DraftInput}); each refusal names the entry by its index.
 */
final class Invitations {

  static final String FIELD = "invitedDelegations";
  /** Every participating State but the lead. */
  static final int MAX_INVITED = ParticipatingStates.all().size() - 1;

  private Invitations() {
  }

  /** The invited States as canonical codes, in the order given; adds to {@code errors} what is wrong. */
  static List<String> check(List<String> values, String lead, String addressee, FieldErrors errors) {
    List<String> invited = new ArrayList<>();
    if (values != null && values.size() > MAX_INVITED) {
      errors.add(FIELD, "lists more delegations than there are participating States besides the lead");
      return invited;
    }
    Map<String, Integer> firstIndex = new HashMap<>();
    for (int i = 0; values != null && i < values.size(); i++) {
      String field = FIELD + "[" + i + "]";
      String value = values.get(i);
      if (value == null || value.isBlank()) {
        errors.add(field, "is empty: give a participating State's code, e.g. DE");
        continue;
      }
      String whyNot = ParticipatingStates.all().whyNot(value);
      if (whyNot != null) {
        errors.add(field, whyNot);
        continue;
      }
      String code = ParticipatingStates.all().find(value).orElseThrow().code();
      if (code.equals(lead)) {
        errors.add(field, "is the lead delegation " + lead + ", which always signs and is not invited");
      } else if (code.equals(addressee)) {
        errors.add(field, "is the addressee " + addressee + ": the addressee can never be one of the invoking States");
      } else if (firstIndex.containsKey(code)) {
        errors.add(field, "invites " + code + " again (" + FIELD + "[" + firstIndex.get(code)
            + "] already does): invite each delegation once");
      } else {
        firstIndex.put(code, i);
        invited.add(code);
      }
    }
    return invited;
  }
}
