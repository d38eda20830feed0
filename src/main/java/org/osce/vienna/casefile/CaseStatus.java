package org.osce.vienna.casefile;

/** Where a case stands (contract values of {@code status}). */
public enum CaseStatus {
  DRAFTING, SIGN_OFF, DELIVERY, AWAITING_RESPONSE, ASSESSMENT, FOLLOW_UP, CLOSED
}
