package org.osce.vienna.followup;

import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;
import org.osce.vienna.casefile.ResponseStatus;

/** What the invoking States may decide after the response (contract values of {@code followUpActions}). */
public enum FollowUpAction {
  /** Stage 3: a (joint) statement at the Permanent Council. */
  PERMANENT_COUNCIL_STATEMENT,
  /** Stage 4: raise the case at an OSCE human-dimension meeting. */
  HUMAN_DIMENSION_MEETING,
  /** Moscow Document 1991, para 12: the lead supported by at least nine others ({@code moscowSupporters}). */
  MOSCOW_MECHANISM,
  /** Stage 2: ask the addressee for a bilateral meeting. */
  BILATERAL_MEETING;

  /** "Supported by at least nine others" (Moscow Document para 12): ten States in all. */
  public static final int MOSCOW_MECHANISM_MINIMUM_STATES = 10;

  /** The action in plain words, to follow "decided on …": in notices and the case file. */
  public String description() {
    return switch (this) {
      case PERMANENT_COUNCIL_STATEMENT -> "a statement at the Permanent Council";
      case HUMAN_DIMENSION_MEETING -> "raising the case at a human-dimension meeting";
      case MOSCOW_MECHANISM -> "the Moscow Mechanism";
      case BILATERAL_MEETING -> "a bilateral meeting";
    };
  }

  /** The actions in plain words, for the timeline: "a statement at the Permanent Council; the Moscow Mechanism". */
  public static String inWords(Collection<FollowUpAction> actions) {
    return actions.isEmpty() ? "none" : actions.stream().map(FollowUpAction::description).collect(Collectors.joining("; "));
  }

  /** What the timeline says when a case closes: "response on time; follow-up: a bilateral meeting". */
  public static String closingDetail(ResponseStatus response, Collection<FollowUpAction> actions) {
    return "response " + response.name().toLowerCase(Locale.ROOT).replace('_', ' ') + "; follow-up: " + inWords(actions);
  }

  /** The action of this contract value, exactly as written; null for any other. */
  public static FollowUpAction find(String value) {
    for (FollowUpAction action : values()) {
      if (action.name().equals(value)) {
        return action;
      }
    }
    return null;
  }
}
