package org.osce.vienna.notification;

import java.util.Base64;

/**
 * A file sent with a message. Its base64 form, as the message carries it, is made once and kept with the file: the
 * letter's PDF goes with the message to each of the 57 delegations, all sent from the one copy the outbox reads for
 * them.
 */
public final class Attachment {

  private final String fileName;
  private final String contentType;
  private final byte[] content;
  private byte[] base64;

  public Attachment(String fileName, String contentType, byte[] content) {
    this.fileName = fileName;
    this.contentType = contentType;
    this.content = content;
  }

  public String fileName() {
    return fileName;
  }

  public String contentType() {
    return contentType;
  }

  public byte[] content() {
    return content;
  }

  /** The content in base64, in lines of 76 characters (MIME); the connections of a batch share the file. */
  synchronized byte[] base64() {
    if (base64 == null) {
      base64 = Base64.getMimeEncoder().encode(content);
    }
    return base64;
  }
}
