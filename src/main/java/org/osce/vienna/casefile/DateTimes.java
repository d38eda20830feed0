package org.osce.vienna.casefile;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Locale;

/**
 * Reads the date-times of the contract: ISO-8601 strings with an offset, as Camunda Forms submit
 * them, or Date-typed variables. A time without an offset is refused: it would be read in the
 * server's zone, not the sender's. So is a time no case can have (a typo such as the year 20211):
 * before the Helsinki Final Act, or more than {@value #YEARS_AHEAD} years from now. The case API, the
 * task listeners and the message listeners all read dates here.
 */
public final class DateTimes {

  /** The Helsinki Final Act, 1 August 1975: nothing of the human dimension is older. */
  static final Instant EARLIEST = OffsetDateTime.of(1975, 8, 1, 0, 0, 0, 0, ZoneOffset.UTC).toInstant();
  /** A sign-off deadline or a meeting is at most weeks ahead; years ahead is a typo. */
  static final int YEARS_AHEAD = 5;

  static final String NOT_ISO = "is not an ISO-8601 date-time with an offset, e.g. 2021-11-04T10:00:00+01:00";

  /** Clocks of users and systems run a little ahead of the server's: a time this close ahead is "now". */
  public static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

  /** The procedure's zone ({@code vienna.time-zone}), in which every time a user reads is written. */
  private static volatile ZoneId zone = ZoneId.of("Europe/Vienna");

  private DateTimes() {
  }

  /**
   * Sets the zone of {@link #readable} from {@code vienna.time-zone}, once at start ({@link CaseConfiguration}):
   * the inputs are plain Java and write their messages without a Spring context, so they read it here.
   */
  static void useZone(ZoneId configured) {
    zone = configured;
  }

  /** "30 November 2026, 14:05 Vienna time": an instant as a user reads it, in the procedure's zone, by its city. */
  public static String readable(Instant instant) {
    String id = zone.getId();
    String city = id.substring(id.lastIndexOf('/') + 1).replace('_', ' ');
    return DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH).format(instant.atZone(zone))
        + " " + city + " time";
  }

  /** What is wrong with a time that has not come yet, e.g. when a response arrived. */
  public static String notInFuture(Instant instant) {
    return "cannot be in the future: " + readable(instant) + " is later than now";
  }

  /** Whether {@code instant} is later than {@code now}, beyond the clocks' tolerance. */
  public static boolean isInFuture(Instant instant, Instant now) {
    return instant.isAfter(now.plus(CLOCK_TOLERANCE));
  }

  /** The instant of {@code value}, or null when absent; throws naming {@code field} when unreadable. */
  public static Instant parse(Object value, String field) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      return null;
    }
    Instant instant;
    if (value instanceof Date date) {
      instant = date.toInstant();
    } else if (value instanceof Instant i) {
      instant = i;
    } else if (value instanceof OffsetDateTime odt) {
      instant = odt.toInstant();
    } else if (value instanceof ZonedDateTime zdt) {
      instant = zdt.toInstant();
    } else if (value instanceof String text) {
      return parseText(text, field);
    } else {
      throw InvalidInputException.single("Invalid date-time", field,
          "must be an ISO-8601 date-time string or a Date, not " + value.getClass().getSimpleName());
    }
    return inRange(instant, field, readable(instant));
  }

  /** The instant of an ISO-8601 text (blank is not one); throws naming {@code field} when unreadable. */
  public static Instant parseText(String text, String field) {
    try {
      return inRange(OffsetDateTime.parse(text.strip()).toInstant(), field, "'" + text + "'");
    } catch (DateTimeParseException e) {
      throw InvalidInputException.single("Invalid date-time", field, "'" + text + "' " + NOT_ISO);
    }
  }

  public static Instant require(Object value, String field) {
    Instant instant = parse(value, field);
    if (instant == null) {
      throw InvalidInputException.single("Missing date-time", field, "is required");
    }
    return instant;
  }

  private static Instant inRange(Instant instant, String field, String shown) {
    Instant latest = OffsetDateTime.now(ZoneOffset.UTC).plusYears(YEARS_AHEAD).toInstant();
    if (instant.isBefore(EARLIEST) || instant.isAfter(latest)) {
      throw InvalidInputException.single("Invalid date-time", field, shown + " is outside the dates a case can"
          + " have: from 1 August 1975 (the Helsinki Final Act) to " + YEARS_AHEAD + " years from now");
    }
    return instant;
  }
}
