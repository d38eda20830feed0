package org.osce.vienna.casefile;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Locale;

/**
 * Reads the date-times of the contract: ISO-8601 strings with an offset, or Date-typed variables. A
 * time without an offset is Vienna time ({@code vienna.time-zone}), never the server's zone: the forms
 * send the time the user typed as it reads on the clock, and their labels say "Vienna time". A text that is
 * not a real date and time (30 February, 24:30) is refused, never rolled over into another one; so is a time
 * no case can have (a typo such as the year 20211): before the Helsinki Final Act, or more than
 * {@value #YEARS_AHEAD} years from now. The case API, the task listeners and the message listeners all read
 * dates here.
 */
public final class DateTimes {

  /** The Helsinki Final Act, 1 August 1975: nothing of the human dimension is older. */
  static final Instant EARLIEST = OffsetDateTime.of(1975, 8, 1, 0, 0, 0, 0, ZoneOffset.UTC).toInstant();
  /** A sign-off deadline or a meeting is at most weeks ahead; years ahead is a typo. */
  static final int YEARS_AHEAD = 5;

  static final String NOT_ISO = "is not an ISO-8601 date-time, e.g. 2021-11-04T10:00:00+01:00 (or 2021-11-04T10:00,"
      + " Vienna time)";

  /**
   * How times are shown in the zone of a time without an offset ({@code vienna.time-zone}, set at startup by
   * {@link CaseConfiguration}); that zone is the formatter's. Made once: every task's labels and every notice show
   * times.
   */
  private static volatile DateTimeFormatter localTimes = shownIn(ZoneId.of("Europe/Vienna"));

  /** Clocks of users and systems run a little ahead of the server's: a time this close ahead is "now". */
  public static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

  private DateTimes() {
  }

  /** What is wrong with a time that has not come yet, e.g. when a response arrived. */
  public static String notInFuture(Instant instant) {
    return "cannot be in the future: " + shown(instant) + " is later than now";
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
    return inRange(instant, field, null);
  }

  static void readLocalTimesIn(ZoneId zone) {
    localTimes = shownIn(zone);
  }

  /** The zone every time is read and shown in ({@code vienna.time-zone}, Europe/Vienna). */
  public static ZoneId zone() {
    return localTimes.getZone();
  }

  /** "Vienna time" for Europe/Vienna: the city of the zone. */
  public static String zoneName(ZoneId zone) {
    String id = zone.getId();
    return id.substring(id.lastIndexOf('/') + 1).replace('_', ' ') + " time";
  }

  /** How a time is written for people: "2 November 2021, 18:00 Vienna time (CET)", with whether summer time. */
  public static DateTimeFormatter shownIn(ZoneId zone) {
    return DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm '" + zoneName(zone) + "' (z)", Locale.ENGLISH).withZone(zone);
  }

  /** {@code instant} as people read it ({@link #shownIn}), in the case's zone; "—" when there is none. */
  public static String shown(Instant instant) {
    return instant == null ? "—" : localTimes.format(instant);
  }

  /**
   * The instant of an ISO-8601 text (blank is not one), with an offset or in Vienna time without one; throws
   * naming {@code field} when unreadable. java.time reads strictly: 2026-02-30 is refused, not made 2 March.
   */
  public static Instant parseText(String text, String field) {
    String iso = text.strip();
    Instant instant;
    try {
      instant = OffsetDateTime.parse(iso).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        instant = LocalDateTime.parse(iso).atZone(zone()).toInstant();
      } catch (DateTimeParseException e) {
        throw InvalidInputException.single("Invalid date-time", field, "'" + text + "' " + NOT_ISO);
      }
    }
    return inRange(instant, field, text);
  }

  /**
   * The calendar day of {@code value}, or null when absent: an ISO-8601 date (2026-12-03, as the forms' date
   * fields send it), or a date-time, whose day is the one in Vienna time. Throws naming {@code field} when
   * unreadable; 30 February is refused.
   */
  public static LocalDate parseDay(Object value, String field) {
    if (value instanceof String text && !text.isBlank()) {
      try {
        LocalDate day = LocalDate.parse(text.strip());
        inRange(day.atStartOfDay(zone()).toInstant(), field, text);
        return day;
      } catch (DateTimeParseException notADay) {
        // A date-time, perhaps: read below.
      }
    }
    Instant instant;
    try {
      instant = parse(value, field);
    } catch (InvalidInputException e) {
      throw InvalidInputException.single("Invalid date", field, "'" + value + "' is not an ISO-8601 date,"
          + " e.g. 2026-12-03");
    }
    return instant == null ? null : LocalDate.ofInstant(instant, zone());
  }

  /** A day as people read it: "3 December 2026". */
  public static String shownDay(LocalDate day) {
    return DAY.format(day);
  }

  public static Instant require(Object value, String field) {
    Instant instant = parse(value, field);
    if (instant == null) {
      throw InvalidInputException.single("Missing date-time", field, "is required");
    }
    return instant;
  }

  /** {@code instant}, if a case can have it; refused naming {@code field} and the time as given ({@code text}, if any). */
  private static Instant inRange(Instant instant, String field, String text) {
    Instant latest = OffsetDateTime.now(ZoneOffset.UTC).plusYears(YEARS_AHEAD).toInstant();
    if (instant.isBefore(EARLIEST) || instant.isAfter(latest)) {
      String shown = text == null ? shown(instant) : "'" + text + "'";
      throw InvalidInputException.single("Invalid date-time", field, shown + " is outside the dates a case can"
          + " have: from 1 August 1975 (the Helsinki Final Act) to " + YEARS_AHEAD + " years from now");
    }
    return instant;
  }
}
