package org.osce.vienna.notification;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * A date of a case (the response deadline, a meeting target) as one iCalendar event (RFC 5545),
 * written by hand: a handful of properties does not need a library.
 *
 * @param uid the same for every notice about the same date, so a calendar updates the entry
 * @param sequence raised when a later notice revises the entry
 * @param start the moment, written in UTC
 */
public record CalendarEvent(String uid, int sequence, Instant start, String summary, String description) {

  static final String CRLF = "\r\n";
  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);
  /** RFC 5545, 3.1: lines longer than 75 octets are folded. */
  private static final int MAX_LINE_OCTETS = 75;

  /** @param stamp when the file is written (DTSTAMP) */
  public IcsFile file(String fileName, Instant stamp) {
    StringBuilder ics = new StringBuilder();
    line(ics, "BEGIN:VCALENDAR");
    line(ics, "VERSION:2.0");
    line(ics, "PRODID:-//OSCE Vienna Mechanism//Case notices//EN");
    line(ics, "CALSCALE:GREGORIAN");
    line(ics, "METHOD:PUBLISH");
    line(ics, "BEGIN:VEVENT");
    line(ics, "UID:" + uid);
    line(ics, "SEQUENCE:" + sequence);
    line(ics, "DTSTAMP:" + utc(stamp));
    // A moment, not a slot: without DTEND the event ends when it starts (RFC 5545, 3.6.1).
    line(ics, "DTSTART:" + utc(start));
    line(ics, "SUMMARY:" + text(summary));
    line(ics, "DESCRIPTION:" + text(description));
    line(ics, "TRANSP:TRANSPARENT");
    line(ics, "END:VEVENT");
    line(ics, "END:VCALENDAR");
    return new IcsFile(fileName, ics.toString());
  }

  static String utc(Instant instant) {
    return UTC.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  /** A TEXT value (RFC 5545, 3.3.11): backslash, semicolon, comma and line breaks escaped. */
  static String text(String value) {
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
        .replace("\r\n", "\\n").replace("\n", "\\n");
  }

  /** Appends a content line, folded at 75 octets without splitting a character, ended by CRLF. */
  static void line(StringBuilder out, String content) {
    int octets = 0;
    int i = 0;
    while (i < content.length()) {
      int codePoint = content.codePointAt(i);
      String character = new String(Character.toChars(codePoint));
      int size = character.getBytes(StandardCharsets.UTF_8).length;
      if (octets + size > MAX_LINE_OCTETS) {
        out.append(CRLF).append(' ');
        octets = 1;
      }
      out.append(character);
      octets += size;
      i += Character.charCount(codePoint);
    }
    out.append(CRLF);
  }
}
