package org.osce.vienna.signoff;

/** An invited delegation's answer to the invitation to co-sign (the lead always signs). */
public enum SignOffDecision {
  PENDING, JOINED, DECLINED,
  /** The sign-off deadline passed before the delegation decided: recorded as not joined. */
  NO_DECISION
}
