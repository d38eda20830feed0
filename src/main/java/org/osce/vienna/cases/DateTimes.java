package org.osce.vienna.cases;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;

/**
 * Reads the date-times of the contract: ISO-8601 strings with an offset, as Camunda Forms submit
 * them, or Date-typed variables. A time without an offset is refused: it would be read in the
 * server's zone, not the sender's.
 */
public final class DateTimes {

  private DateTimes() {
  }

  /** The instant of {@code value}, or null when absent; throws naming {@code field} when unreadable. */
  public static Instant parse(Object value, String field) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      return null;
    }
    if (value instanceof Date date) {
      return date.toInstant();
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof OffsetDateTime odt) {
      return odt.toInstant();
    }
    if (value instanceof ZonedDateTime zdt) {
      return zdt.toInstant();
    }
    if (value instanceof String text) {
      try {
        return OffsetDateTime.parse(text.strip()).toInstant();
      } catch (DateTimeParseException e) {
        throw InvalidInputException.single("Invalid date-time", field,
            "'" + text + "' is not an ISO-8601 date-time with an offset, e.g. 2021-11-04T10:00:00+01:00");
      }
    }
    throw InvalidInputException.single("Invalid date-time", field,
        "must be an ISO-8601 date-time string or a Date, not " + value.getClass().getSimpleName());
  }

  public static Instant require(Object value, String field) {
    Instant instant = parse(value, field);
    if (instant == null) {
      throw InvalidInputException.single("Missing date-time", field, "is required");
    }
    return instant;
  }
}
