package org.osce.vienna.delivery;

/**
 * What the invoking States may make public (contract values of {@code announcements}). Vienna Document para 3
 * says a State <em>may</em> inform the others: nothing is announced unless the lead's heads decide it.
 */
public enum Announcement {
  /** A notice to every participating State's delegation, with the final letter attached. */
  INFORM_PARTICIPATING_STATES,
  /** A statement at a meeting of the Permanent Council, on the date recorded with it. */
  PERMANENT_COUNCIL_STATEMENT;

  /** The announcement in plain words, for the timeline and the forms' refusals. */
  public String description() {
    return switch (this) {
      case INFORM_PARTICIPATING_STATES -> "the participating States informed";
      case PERMANENT_COUNCIL_STATEMENT -> "a statement at the Permanent Council";
    };
  }

  /** The announcement of this name, or null. */
  public static Announcement find(String name) {
    for (Announcement announcement : values()) {
      if (announcement.name().equals(name == null ? null : name.strip())) {
        return announcement;
      }
    }
    return null;
  }
}
