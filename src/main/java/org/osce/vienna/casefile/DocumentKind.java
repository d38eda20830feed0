package org.osce.vienna.casefile;

/** What a document kept with a case is. The name is what the case API takes and shows as {@code kind}. */
public enum DocumentKind {
  /** The addressee's reply, or a file of it. */
  REPLY,
  /** An annex, to our letter or to the reply. */
  ANNEX,
  /** A note verbale: ours that went with the letter, or one received. */
  NOTE_VERBALE,
  /** Any other paper of the case. */
  OTHER
}
