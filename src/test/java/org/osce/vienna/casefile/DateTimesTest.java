package org.osce.vienna.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** Dates as every listener and the case API read them: ISO-8601 with an offset, within the dates a case can have. */
class DateTimesTest {

  @Test
  void readsIsoDateTimesWithAnOffsetAndDates() {
    assertThat(DateTimes.parse("2021-11-04T10:00:00+01:00", "deliveredAt"))
        .isEqualTo(Instant.parse("2021-11-04T09:00:00Z"));
    assertThat(DateTimes.parse(Date.from(Instant.parse("2021-11-12T15:30:00Z")), "responseReceivedAt"))
        .isEqualTo(Instant.parse("2021-11-12T15:30:00Z"));
    assertThat(DateTimes.parse(" ", "signOffDueAt")).isNull();
  }

  @Test
  void aTimeWithoutAnOffsetIsViennaTimeAsTheFormsSendIt() {
    // Winter (CET, +01:00) and summer (CEST, +02:00): the wall-clock time in Vienna, whatever the server's zone.
    assertThat(DateTimes.parse("2021-11-04T10:00", "deliveredAt")).isEqualTo(Instant.parse("2021-11-04T09:00:00Z"));
    assertThat(DateTimes.parse("2026-07-01T14:30:00", "meetingScheduledFor"))
        .isEqualTo(Instant.parse("2026-07-01T12:30:00Z"));
  }

  @Test
  void aDateThatDoesNotExistIsRefusedNotRolledOver() {
    // What a date picker made of 11/29/2026 in a dd/mm/yyyy field (month 29) and of 30 February.
    for (String typo : new String[] {"2026-29-11T10:00", "2026-02-30T10:00", "2026-11-29T24:30", "29/11/2026 10:00"}) {
      assertThatThrownBy(() -> DateTimes.parse(typo, "deliveredAt"))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors().get("deliveredAt"))
              .isEqualTo("'" + typo + "' is not an ISO-8601 date-time, e.g. 2021-11-04T10:00:00+01:00"
                  + " (or 2021-11-04T10:00, Vienna time)"));
    }
  }

  @Test
  void timesAreShownInTheZoneTheApplicationIsSetTo() {
    Instant delivered = Instant.parse("2021-11-04T09:00:00Z");
    assertThat(DateTimes.shown(delivered)).isEqualTo("4 November 2021, 10:00 Vienna time (CET)");
    try {
      DateTimes.readLocalTimesIn(ZoneId.of("America/New_York"));
      assertThat(DateTimes.shown(delivered)).isEqualTo("4 November 2021, 05:00 New York time (EDT)");
    } finally {
      DateTimes.readLocalTimesIn(ZoneId.of("Europe/Vienna"));
    }
    assertThat(DateTimes.shown(delivered)).isEqualTo("4 November 2021, 10:00 Vienna time (CET)");
  }

  @Test
  void refusesADateNoCaseCanHaveWhateverItsForm() {
    assertThatThrownBy(() -> DateTimes.parse("+99999-01-01T00:00:00+01:00", "signOffDueAt"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors().get("signOffDueAt"))
            .isEqualTo("'+99999-01-01T00:00:00+01:00' is outside the dates a case can have: from 1 August 1975"
                + " (the Helsinki Final Act) to 5 years from now"));
    assertThatThrownBy(() -> DateTimes.parse("1975-07-31T23:59:59Z", "responseReceivedAt"))
        .hasMessageContaining("responseReceivedAt").hasMessageContaining("Helsinki Final Act");
    OffsetDateTime inTenYears = OffsetDateTime.now(ZoneOffset.UTC).plusYears(10);
    assertThatThrownBy(() -> DateTimes.parse(Date.from(inTenYears.toInstant()), "meetingRequestedAt"))
        .hasMessageContaining("meetingRequestedAt").hasMessageContaining("5 years from now");
    assertThatThrownBy(() -> DateTimes.require(inTenYears.toString(), "deliveredAt"))
        .hasMessageContaining("deliveredAt");
    // A time that came as a Date, not as text, is named as people read it.
    assertThatThrownBy(() -> DateTimes.parse(Date.from(Instant.parse("1970-01-01T00:00:00Z")), "deliveredAt"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors().get("deliveredAt"))
            .startsWith("1 January 1970, 01:00 Vienna time (CET) is outside the dates a case can have"));

    assertThat(DateTimes.parse("1975-08-01T00:00:00Z", "deliveredAt")).isEqualTo(DateTimes.EARLIEST);
    assertThat(DateTimes.parse(OffsetDateTime.now(ZoneOffset.UTC).plusYears(4).toString(), "signOffDueAt"))
        .isNotNull();
  }
}
