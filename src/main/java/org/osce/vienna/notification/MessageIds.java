package org.osce.vienna.notification;

/**
 * Message-ID headers that stay the same when a message is sent again (after a crash between
 * sending and recording, or a retried job), so that receivers can recognise the copy.
 */
public final class MessageIds {

  static final String DOMAIN = "vienna-mechanism";

  private MessageIds() {
  }

  /** A notice of the outbox: {@code <vm-notification-42@vienna-mechanism>}. */
  public static String notification(long id) {
    return "<vm-notification-" + id + "@" + DOMAIN + ">";
  }

  /** The letter of a case, of which there is one: {@code <vm-letter-VM-2021-BY-01@vienna-mechanism>}. */
  public static String letter(String reference) {
    return "<vm-letter-" + reference + "@" + DOMAIN + ">";
  }
}
