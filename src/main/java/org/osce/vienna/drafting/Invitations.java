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
public final class Invitations {

  static final String FIELD = "invitedDelegations";
  /** Every participating State but the lead. */
  static final int MAX_INVITED = ParticipatingStates.all().size() - 1;

  private Invitations() {
  }

  /** The invited States as canonical codes, in the order given; adds to {@code errors} what is wrong. */
  static List<String> check(List<String> values, String lead, String addressee, FieldErrors errors) {
    return check(values, lead, addressee, errors, FIELD, false);
  }

  /**
   * The States a letter already sent was signed by (a past invocation, field {@code field}): the same rules as
   * for invitations, the lead among them; canonical codes in the order given.
   */
  public static List<String> signatories(List<String> values, String lead, String addressee, FieldErrors errors,
      String field) {
    int before = errors.asMap().size();
    List<String> signing = check(values, lead, addressee, errors, field, true);
    // When an entry is wrong, the lead may be that entry: its own error says enough.
    if (lead != null && errors.asMap().size() == before && !signing.contains(lead)) {
      errors.add(field, "must name the lead delegation " + lead + ", which always signs");
    }
    return signing;
  }

  private static List<String> check(List<String> values, String lead, String addressee, FieldErrors errors,
      String listField, boolean leadSigns) {
    List<String> invited = new ArrayList<>();
    if (values != null && values.size() > MAX_INVITED + (leadSigns ? 1 : 0)) {
      errors.add(listField, "lists more delegations than there are participating States besides the "
          + (leadSigns ? "addressee" : "lead"));
      return invited;
    }
    Map<String, Integer> firstIndex = new HashMap<>();
    for (int i = 0; values != null && i < values.size(); i++) {
      String field = listField + "[" + i + "]";
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
      if (code.equals(lead) && !leadSigns) {
        errors.add(field, "is the lead delegation " + lead + ", which always signs and is not invited");
      } else if (code.equals(addressee)) {
        errors.add(field, "is the addressee " + addressee + ": the addressee can never be one of the invoking States");
      } else if (firstIndex.containsKey(code)) {
        errors.add(field, (leadSigns ? "names " : "invites ") + code + " again (" + listField + "["
            + firstIndex.get(code) + "] already does): " + (leadSigns ? "name" : "invite") + " each delegation once");
      } else {
        firstIndex.put(code, i);
        invited.add(code);
      }
    }
    return invited;
  }
}
