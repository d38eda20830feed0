package org.osce.vienna.casefile;

/** The addressee's written response (contract values of {@code response.status}). */
public enum ResponseStatus {
  PENDING, ON_TIME, LATE, NONE
}
