package org.osce.vienna.response;

/** How far the response answers one question of the letter. */
public enum Assessment {
  ANSWERED, PARTLY_ANSWERED, NOT_ANSWERED;

  /** The assessment of this contract value, exactly as written; null for any other. */
  public static Assessment find(String value) {
    for (Assessment assessment : values()) {
      if (assessment.name().equals(value)) {
        return assessment;
      }
    }
    return null;
  }
}
