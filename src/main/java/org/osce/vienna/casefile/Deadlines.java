package org.osce.vienna.casefile;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The time rules of the procedure, in calendar days counted in one time zone (Vienna by default):
 * the reply is due by the end of the day of delivery plus the reply period; the bilateral meeting
 * target is the end of the day of the request plus one week. No extension for weekends: a
 * deadline on one is only flagged.
 */
public final class Deadlines {

  private final ZoneId zone;

  public Deadlines(ZoneId zone) {
    this.zone = zone;
  }

  /** The last millisecond of the day {@code days} after the delivery date, in the procedure's zone. */
  public Instant responseDue(Instant deliveredAt, int days) {
    return endOfDay(deliveredAt, days);
  }

  /** The meeting target: the end of the day {@code days} after the request date. */
  public Instant meetingTarget(Instant requestedAt, int days) {
    return endOfDay(requestedAt, days);
  }

  /** {@code time} on the day of {@code dueAt}, in the procedure's zone: the morning of the day a reply is due. */
  public Instant onTheDayOf(Instant dueAt, LocalTime time) {
    return dueAt.atZone(zone).toLocalDate().atTime(time).atZone(zone).toInstant();
  }

  /**
   * When a reminder of {@code deadline} goes: at {@code wanted}, or, when that has passed already (a deadline set
   * less than the reminder's lead time ahead), at the deadline itself, where {@link #isWorthReminding} drops it: the
   * message that set the deadline named it a moment ago. Null without a deadline.
   */
  public static Instant reminderAt(Instant wanted, Instant deadline, Instant now) {
    if (deadline == null) {
      return null;
    }
    return wanted.isAfter(now) ? wanted : deadline;
  }

  /** A reminder goes only while its deadline is still ahead. */
  public static boolean isWorthReminding(Instant deadline, Instant now) {
    return deadline != null && now.isBefore(deadline);
  }

  public boolean isOnTime(Instant receivedAt, Instant dueAt) {
    return !receivedAt.isAfter(dueAt);
  }

  /** Whole calendar days between the due date and the day the response arrived; 0 when on time. */
  public int daysLate(Instant receivedAt, Instant dueAt) {
    if (isOnTime(receivedAt, dueAt)) {
      return 0;
    }
    return calendarDaysBetween(dueAt, receivedAt);
  }

  /**
   * Calendar days from the day of {@code from} to the day of {@code to}, in the procedure's zone, whatever
   * the hours: a letter delivered on 4 November and answered on 12 November took 8 days.
   */
  public int calendarDaysBetween(Instant from, Instant to) {
    return (int) ChronoUnit.DAYS.between(from.atZone(zone).toLocalDate(), to.atZone(zone).toLocalDate());
  }

  /** The calendar year of {@code instant} in the procedure's zone (New Year's Eve 23:30 UTC is already next year in Vienna). */
  public int year(Instant instant) {
    return instant.atZone(zone).getYear();
  }

  /** The first instant of {@code year} in the procedure's zone. */
  public Instant startOfYear(int year) {
    return LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant();
  }

  public boolean fallsOnWeekend(Instant instant) {
    DayOfWeek day = instant.atZone(zone).getDayOfWeek();
    return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
  }

  public ZoneId zone() {
    return zone;
  }

  private Instant endOfDay(Instant start, int days) {
    LocalDate lastDay = start.atZone(zone).toLocalDate().plusDays(days);
    // The start of the following day, less one millisecond: right across daylight-saving changes.
    return lastDay.plusDays(1).atStartOfDay(zone).toInstant().minus(Duration.ofMillis(1));
  }
}
