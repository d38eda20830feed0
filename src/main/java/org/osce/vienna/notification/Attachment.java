package org.osce.vienna.notification;

/** A file sent with a message. */
public record Attachment(String fileName, String contentType, byte[] content) {
}
