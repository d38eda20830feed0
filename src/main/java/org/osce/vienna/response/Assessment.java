package org.osce.vienna.response;

/** How far the response answers one question of the letter. */
public enum Assessment {
  ANSWERED, PARTLY_ANSWERED, NOT_ANSWERED
}
