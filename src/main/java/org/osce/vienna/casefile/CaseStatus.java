package org.osce.vienna.casefile;

/** Where a case stands (contract values of {@code status}). */
public enum CaseStatus {
  DRAFTING, SIGN_OFF, DELIVERY, AWAITING_RESPONSE, ASSESSMENT, FOLLOW_UP, CLOSED,
  /** The lead withdrew the invocation before the case was closed: nothing more happens in it. */
  WITHDRAWN;

  /** Whether the case has ended, closed or withdrawn: nothing can be done in it any more. */
  public boolean isEnded() {
    return this == CLOSED || this == WITHDRAWN;
  }
}
