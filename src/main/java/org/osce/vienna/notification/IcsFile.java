package org.osce.vienna.notification;

import java.nio.charset.StandardCharsets;

/** An iCalendar file (RFC 5545) attached to a notice, e.g. {@code response-deadline-VM-2021-BY-01.ics}. */
public record IcsFile(String fileName, String content) {

  public static final String CONTENT_TYPE = "text/calendar; charset=UTF-8; method=PUBLISH";

  public Attachment attachment() {
    return new Attachment(fileName, CONTENT_TYPE, content.getBytes(StandardCharsets.UTF_8));
  }
}
