package org.osce.vienna.notification;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * A date of a case (the response deadline, a meeting target, the sign-off deadline) as one
 * iCalendar event (RFC 5545) with a start and an end, written by hand: a handful of properties
 * does not need a library.
 *
 * <p>A deadline at the end of a day (the response deadline, a meeting target: 23:59:59 in the
 * procedure's zone) is an all-day event on that day ({@code DTSTART;VALUE=DATE} and the next day
 * as {@code DTEND}, as RFC 5545 counts the end out). Any other moment is a short event that starts
 * at it, in UTC, which every calendar shows in its own zone.
 *
 * @param uid the same for every notice about the same date, so a calendar updates the entry
 * @param sequence raised when a later notice revises the entry
 * @param when the day, or the start and end
 * @param location where it takes place (a meeting's agreed place); null for a deadline
 */
public record CalendarEvent(String uid, int sequence, When when, String summary, String description, String location) {

  /** An event with no place, such as a deadline. */
  public CalendarEvent(String uid, int sequence, When when, String summary, String description) {
    this(uid, sequence, when, summary, description, null);
  }

  /** When the event takes place. */
  public sealed interface When permits AllDay, Timed {
  }

  /** The whole day (a date, the same in every calendar). */
  public record AllDay(LocalDate day) implements When {
  }

  /** From {@code start} to {@code end} (later than the start). */
  public record Timed(Instant start, Instant end) implements When {
    public Timed {
      if (!end.isAfter(start)) {
        throw new IllegalArgumentException("An event ends after it starts: " + start + " to " + end);
      }
    }
  }

  /** How long the entry of a deadline that is not the end of a day lasts in the calendar. */
  static final Duration DEADLINE_LENGTH = Duration.ofMinutes(15);

  static final String CRLF = "\r\n";
  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
  /** RFC 5545, 3.1: lines longer than 75 octets are folded. */
  private static final int MAX_LINE_OCTETS = 75;

  /**
   * A deadline: all day on its day if it is the end of a day in {@code zone} (23:59 or later), else
   * {@link #DEADLINE_LENGTH} from the moment.
   */
  public static CalendarEvent deadline(String uid, int sequence, Instant due, ZoneId zone, String summary,
      String description) {
    var local = due.atZone(zone);
    When when = local.toLocalTime().isBefore(LocalTime.of(23, 59)) ? new Timed(due, due.plus(DEADLINE_LENGTH))
        : new AllDay(local.toLocalDate());
    return new CalendarEvent(uid, sequence, when, summary, description);
  }

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
    if (when instanceof AllDay day) {
      line(ics, "DTSTART;VALUE=DATE:" + DATE.format(day.day()));
      line(ics, "DTEND;VALUE=DATE:" + DATE.format(day.day().plusDays(1)));
    } else if (when instanceof Timed timed) {
      line(ics, "DTSTART:" + utc(timed.start()));
      line(ics, "DTEND:" + utc(timed.end()));
    }
    line(ics, "SUMMARY:" + text(summary));
    line(ics, "DESCRIPTION:" + text(description));
    if (location != null && !location.isBlank()) {
      line(ics, "LOCATION:" + text(location));
    }
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
