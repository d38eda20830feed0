package org.osce.vienna.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** The reply deadline and the meeting target, in Vienna time, across the calendar's awkward days. */
class DeadlinesTest {

  private static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");
  private final Deadlines deadlines = new Deadlines(VIENNA);

  private static Instant vienna(String localDateTime) {
    return ZonedDateTime.of(LocalDateTime.parse(localDateTime), VIENNA).toInstant();
  }

  @Test
  void theLetterOf4November2021IsDueByTheEndOf14November() {
    Instant due = deadlines.responseDue(vienna("2021-11-04T10:00"), 10);
    assertThat(due).isEqualTo(Instant.parse("2021-11-14T22:59:59.999Z"));
    assertThat(due.atZone(VIENNA).toLocalDateTime()).hasToString("2021-11-14T23:59:59.999");
  }

  @Test
  void aDeliveryLateInTheEveningUtcIsAlreadyTheNextDayInVienna() {
    // 23:30 UTC on 3 November is 00:30 on 4 November in Vienna: the clock starts on the 4th.
    Instant due = deadlines.responseDue(Instant.parse("2021-11-03T23:30:00Z"), 10);
    assertThat(due.atZone(VIENNA).toLocalDate()).hasToString("2021-11-14");
  }

  @Test
  void theDeadlineIsTheEndOfTheViennaDayAcrossTheSpringDaylightSavingChange() {
    // Delivered 20 March 2024 (CET, +01:00); due 30 March is still CET, 31 March is CEST.
    assertThat(deadlines.responseDue(vienna("2024-03-20T12:00"), 10)).isEqualTo(Instant.parse("2024-03-30T22:59:59.999Z"));
    assertThat(deadlines.responseDue(vienna("2024-03-21T12:00"), 10)).isEqualTo(Instant.parse("2024-03-31T21:59:59.999Z"));
  }

  @Test
  void theDeadlineIsTheEndOfTheViennaDayAcrossTheAutumnDaylightSavingChange() {
    // 27 October 2024 has 25 hours in Vienna; the deadline is still that day's last moment.
    Instant due = deadlines.responseDue(vienna("2024-10-17T09:00"), 10);
    assertThat(due).isEqualTo(Instant.parse("2024-10-27T22:59:59.999Z"));
  }

  @Test
  void monthAndYearEndsAreCalendarDays() {
    assertThat(deadlines.responseDue(vienna("2021-12-25T15:00"), 10).atZone(VIENNA).toLocalDate())
        .hasToString("2022-01-04");
    assertThat(deadlines.responseDue(vienna("2024-02-20T15:00"), 10).atZone(VIENNA).toLocalDate())
        .hasToString("2024-03-01");
    assertThat(deadlines.responseDue(vienna("2023-02-20T15:00"), 10).atZone(VIENNA).toLocalDate())
        .hasToString("2023-03-02");
  }

  @Test
  void aResponseOnTheLastMinuteIsOnTimeAndOneTheNextMorningIsOneDayLate() {
    Instant due = deadlines.responseDue(vienna("2021-11-04T10:00"), 10);
    assertThat(deadlines.isOnTime(vienna("2021-11-14T23:59:59"), due)).isTrue();
    assertThat(deadlines.daysLate(vienna("2021-11-14T23:59:59"), due)).isZero();
    assertThat(deadlines.isOnTime(vienna("2021-11-15T08:00"), due)).isFalse();
    assertThat(deadlines.daysLate(vienna("2021-11-15T08:00"), due)).isEqualTo(1);
    assertThat(deadlines.daysLate(vienna("2021-11-24T18:00"), due)).isEqualTo(10);
  }

  @Test
  void theMeetingTargetIsTheEndOfTheDayOneWeekAfterTheRequest() {
    assertThat(deadlines.meetingTarget(vienna("2021-11-20T16:00"), 7).atZone(VIENNA).toLocalDateTime())
        .hasToString("2021-11-27T23:59:59.999");
  }

  @Test
  void aDeadlineOnASundayIsFlaggedNotExtended() {
    Instant due = deadlines.responseDue(vienna("2021-11-04T10:00"), 10);
    assertThat(due.atZone(VIENNA).getDayOfWeek()).hasToString("SUNDAY");
    assertThat(deadlines.fallsOnWeekend(due)).isTrue();
    assertThat(deadlines.fallsOnWeekend(deadlines.responseDue(vienna("2021-11-05T10:00"), 10))).isFalse();
  }

  @Test
  void daysToAReplyAreViennaCalendarDaysWhateverTheHours() {
    // The 2021 letter: handed over on 4 November in the morning, Belarus replied on 12 November: 8 days.
    assertThat(deadlines.calendarDaysBetween(vienna("2021-11-04T10:00"), vienna("2021-11-12T09:00"))).isEqualTo(8);
    assertThat(deadlines.calendarDaysBetween(vienna("2021-11-04T23:50"), vienna("2021-11-05T00:10"))).isEqualTo(1);
    // Across the autumn change of the clocks (a day of 25 hours) it is still one day a day.
    assertThat(deadlines.calendarDaysBetween(vienna("2024-10-26T12:00"), vienna("2024-10-28T11:00"))).isEqualTo(2);
  }

  @Test
  void theYearOfAnInstantIsItsYearInVienna() {
    assertThat(deadlines.year(Instant.parse("2021-12-31T22:59:59Z"))).isEqualTo(2021);
    assertThat(deadlines.year(Instant.parse("2021-12-31T23:30:00Z"))).isEqualTo(2022);
    assertThat(deadlines.startOfYear(2022)).isEqualTo(Instant.parse("2021-12-31T23:00:00Z"));
  }

  @Test
  void theReplyReminderIsAtEightInViennaOnTheDayTheReplyIsDueSummerTimeOrNot() {
    // Due by the end of 14 November 2021 (CET), and by the end of 28 March 2021, the day summer time began.
    assertThat(deadlines.onTheDayOf(Instant.parse("2021-11-14T22:59:59.999Z"), java.time.LocalTime.of(8, 0)))
        .isEqualTo(Instant.parse("2021-11-14T07:00:00Z"));
    assertThat(deadlines.onTheDayOf(Instant.parse("2021-03-28T21:59:59.999Z"), java.time.LocalTime.of(8, 0)))
        .isEqualTo(Instant.parse("2021-03-28T06:00:00Z"));
  }

  @Test
  void aReminderWhoseTimeHasPassedComesAtTheDeadlineWhereItIsNoLongerWorthSending() {
    Instant now = vienna("2021-11-04T10:00");
    Instant deadline = vienna("2021-11-04T20:00");
    assertThat(Deadlines.reminderAt(vienna("2021-11-03T20:00"), deadline, now)).isEqualTo(deadline);
    assertThat(Deadlines.isWorthReminding(deadline, deadline)).isFalse();
    assertThat(Deadlines.reminderAt(vienna("2021-11-04T12:00"), deadline, now)).isEqualTo(vienna("2021-11-04T12:00"));
    assertThat(Deadlines.isWorthReminding(deadline, vienna("2021-11-04T12:00"))).isTrue();
    assertThat(Deadlines.reminderAt(now, null, now)).isNull();
  }
}
