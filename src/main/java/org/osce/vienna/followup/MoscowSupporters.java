package org.osce.vienna.followup;

import static org.osce.vienna.engine.ProcessConstants.MOSCOW_SUPPORTERS;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osce.vienna.casefile.FieldErrors;
import org.osce.vienna.casefile.ParticipatingStates;

/**
 * Who supports the lead in invoking the Moscow Mechanism ({@code moscowSupporters}): "one participating State
 * … supported by at least nine others" (Moscow Document 1991, para 12), ten States in all. Its supporters are
 * participating States other than the lead, each once, never the addressee; they need not have signed the
 * Vienna letter (in 2018 they did not all), and by default they are the signatories other than the lead.
 */
final class MoscowSupporters {

  /** The lead and nine others. */
  static final int MINIMUM_STATES = FollowUpAction.MOSCOW_MECHANISM_MINIMUM_STATES;

  private MoscowSupporters() {
  }

  /** The supporters as canonical codes, in the order given; adds to {@code errors} what is wrong, entry by entry. */
  static List<String> check(List<String> values, String lead, String addressee, FieldErrors errors) {
    List<String> supporters = new ArrayList<>();
    if (values.size() > ParticipatingStates.all().size() - 1) {
      errors.add(MOSCOW_SUPPORTERS, "lists more States than there are participating States besides the lead");
      return supporters;
    }
    Map<String, Integer> firstIndex = new HashMap<>();
    boolean allRight = true;
    for (int i = 0; i < values.size(); i++) {
      String field = MOSCOW_SUPPORTERS + "[" + i + "]";
      String value = values.get(i);
      String whyNot = value == null || value.isBlank() ? "is empty: give a participating State's code, e.g. DE"
          : ParticipatingStates.all().whyNot(value);
      String code = whyNot == null ? ParticipatingStates.all().find(value).orElseThrow().code() : null;
      if (whyNot == null && code.equals(lead)) {
        whyNot = "is the lead delegation " + lead + ", which invokes the Moscow Mechanism: name the States that support it";
      } else if (whyNot == null && code.equals(addressee)) {
        whyNot = "is the addressee " + addressee + ", which never supports the Moscow Mechanism against itself";
      } else if (whyNot == null && firstIndex.containsKey(code)) {
        whyNot = "names " + code + " again (" + MOSCOW_SUPPORTERS + "[" + firstIndex.get(code)
            + "] already does): name each State once";
      }
      if (whyNot != null) {
        errors.add(field, whyNot);
        allRight = false;
      } else {
        firstIndex.put(code, i);
        supporters.add(code);
      }
    }
    if (allRight && supporters.size() + 1 < MINIMUM_STATES) {
      errors.add(MOSCOW_SUPPORTERS, "name " + supporters.size() + (supporters.size() == 1 ? " State" : " States")
          + ": the Moscow Mechanism needs the lead supported by at least " + (MINIMUM_STATES - 1) + " others, "
          + MINIMUM_STATES + " States in all (Moscow Document 1991, para 12)");
    }
    return supporters;
  }

  /** When none are named: the signatories other than the lead, if they are enough. */
  static List<String> byDefault(List<String> signing, String lead, String addressee, FieldErrors errors) {
    List<String> others = signing.stream().filter(code -> !code.equals(lead) && !code.equals(addressee)).toList();
    if (others.size() + 1 < MINIMUM_STATES) {
      errors.add(MOSCOW_SUPPORTERS, "are needed: the Moscow Mechanism needs the lead supported by at least "
          + (MINIMUM_STATES - 1) + " others, " + MINIMUM_STATES + " States in all (Moscow Document 1991, para 12),"
          + " and the letter has " + signing.size() + (signing.size() == 1 ? " signatory" : " signatories")
          + ": name the States that support it");
    }
    return others;
  }
}
