package org.osce.vienna.signoff;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.osce.vienna.casefile.ParticipatingState;
import org.osce.vienna.casefile.ParticipatingStates;

/**
 * The list of delegations a letter is sent on behalf of: alphabetical by current English name,
 * written as in running text ("the Netherlands"), with "and" before the last.
 */
public final class OnBehalfOf {

  private static final Collator ENGLISH = Collator.getInstance(Locale.ENGLISH);

  private OnBehalfOf() {
  }

  /** The States of {@code codes} in the order the letter lists them. */
  public static List<ParticipatingState> ordered(List<String> codes) {
    return codes.stream()
        .map(code -> ParticipatingStates.all().byCode(code)
            .orElseThrow(() -> new IllegalArgumentException("Not a participating State: " + code)))
        .distinct()
        .sorted(Comparator.comparing(ParticipatingState::name, ENGLISH))
        .toList();
  }

  /**
   * What the letter is sent on behalf of, as it reads after "on behalf of": "the following delegation: the United
   * Kingdom" when the lead writes alone, "the following delegations: Albania, …, and the United States" otherwise.
   */
  public static String followingDelegations(List<String> codes) {
    return (ordered(codes).size() == 1 ? "the following delegation: " : "the following delegations: ")
        + sentence(codes);
  }

  /** "Albania, Austria, …, Ukraine, the United Kingdom, and the United States". */
  public static String sentence(List<String> codes) {
    List<String> names = ordered(codes).stream().map(ParticipatingState::nameInText).toList();
    return switch (names.size()) {
      case 0 -> "";
      case 1 -> names.get(0);
      case 2 -> names.get(0) + " and " + names.get(1);
      default -> String.join(", ", names.subList(0, names.size() - 1)) + ", and " + names.get(names.size() - 1);
    };
  }
}
