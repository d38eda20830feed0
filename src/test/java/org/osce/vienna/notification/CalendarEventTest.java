package org.osce.vienna.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The calendar entries are iCalendar as RFC 5545 writes it. */
class CalendarEventTest {

  private static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");

  /** Due by the end of 15 November 2021 in Vienna, as a response deadline is. */
  private final CalendarEvent deadline = CalendarEvent.deadline("vm-response-due-VM-2021-BY-01@vienna-mechanism", 0,
      Instant.parse("2021-11-15T22:59:59.999Z"), VIENNA, "Response due: VM-2021-BY-01 (Belarus)",
      "The written response was due by 15 November 2021, 23:59 Vienna time (CET); late, it is still accepted.");

  private final IcsFile file = deadline.file("response-deadline-VM-2021-BY-01.ics", Instant.parse("2021-11-16T08:30:00Z"));

  @Test
  void aDeadlineAtTheEndOfADayIsThatWholeDayInVienna() {
    assertThat(file.content()).contains("\r\nDTSTART;VALUE=DATE:20211115\r\n", "\r\nDTEND;VALUE=DATE:20211116\r\n")
        .doesNotContain("T225959Z");
    // Also in summer time, and across the change to it (the day ends at 21:59:59 UTC then).
    assertThat(CalendarEvent.deadline("u", 0, Instant.parse("2026-03-29T21:59:59.999Z"), VIENNA, "s", "d")
        .file("x.ics", Instant.EPOCH).content())
        .contains("\r\nDTSTART;VALUE=DATE:20260329\r\n", "\r\nDTEND;VALUE=DATE:20260330\r\n");
  }

  @Test
  void aDeadlineAtAnHourStartsThenAndEndsAQuarterOfAnHourLaterInUtc() {
    String ics = CalendarEvent.deadline("vm-sign-off-due-VM-2021-BY-01@vienna-mechanism", 0,
        Instant.parse("2021-11-02T17:00:00Z"), VIENNA, "Co-signing deadline", "18:00 in Vienna")
        .file("sign-off-deadline-VM-2021-BY-01.ics", Instant.parse("2021-11-01T08:00:00Z")).content();
    assertThat(ics).contains("\r\nDTSTART:20211102T170000Z\r\n", "\r\nDTEND:20211102T171500Z\r\n");
  }

  @Test
  void aMeetingHasItsPlaceADeadlineHasNone() {
    Instant at = Instant.parse("2021-11-25T13:30:00Z");
    String meeting = new CalendarEvent("vm-meeting-VM-2021-BY-01-7@vienna-mechanism", 0,
        new CalendarEvent.Timed(at, at.plusSeconds(3600)), "Bilateral meeting", "Arranged",
        "Permanent Mission of Belarus, Vienna; room 2").file("meeting.ics", at).content();
    assertThat(meeting).contains("\r\nLOCATION:Permanent Mission of Belarus\\, Vienna\\; room 2\r\n");
    assertThat(file.content()).doesNotContain("LOCATION");
  }

  @Test
  void anEventEndsAfterItStarts() {
    Instant at = Instant.parse("2021-11-02T17:00:00Z");
    assertThatThrownBy(() -> new CalendarEvent.Timed(at, at)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void oneEventWithUidStampStartAndEnd() {
    assertThat(file.content()).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:")
        .contains("\r\nMETHOD:PUBLISH\r\nBEGIN:VEVENT\r\n",
            "\r\nUID:vm-response-due-VM-2021-BY-01@vienna-mechanism\r\n",
            "\r\nSEQUENCE:0\r\n",
            "\r\nDTSTAMP:20211116T083000Z\r\n",
            "\r\nDTSTART;VALUE=DATE:20211115\r\n",
            "\r\nDTEND;VALUE=DATE:20211116\r\n",
            "\r\nSUMMARY:Response due: VM-2021-BY-01 (Belarus)\r\n")
        .endsWith("END:VEVENT\r\nEND:VCALENDAR\r\n");
    assertThat(file.content().split("\r\n", -1)).filteredOn(line -> line.startsWith("BEGIN:VEVENT")).hasSize(1);
  }

  @Test
  void everyLineEndsInCrlfAndNoneIsLongerThan75Octets() {
    String content = file.content();
    assertThat(content.replace("\r\n", "")).doesNotContain("\r", "\n");
    assertThat(Arrays.stream(content.split("\r\n"))).allSatisfy(
        line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
  }

  @Test
  void textIsEscapedAndLongLinesAreFoldedWithoutSplittingACharacter() {
    assertThat(CalendarEvent.text("a, b; c\\d\ne")).isEqualTo("a\\, b\\; c\\\\d\\ne");
    StringBuilder out = new StringBuilder();
    String value = "DESCRIPTION:" + "Café “Europa” ".repeat(12);
    CalendarEvent.line(out, value);
    String[] lines = out.toString().split("\r\n");
    assertThat(lines).hasSizeGreaterThan(2);
    for (int i = 1; i < lines.length; i++) {
      assertThat(lines[i]).startsWith(" ");
    }
    // Unfolding (RFC 5545, 3.1) gives the value back, every character whole.
    assertThat(out.toString().replace("\r\n ", "")).isEqualTo(value + "\r\n");
    assertThat(Arrays.stream(lines)).allSatisfy(
        line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
  }

  @Test
  void theFileIsSentAsAPublishedCalendar() {
    Attachment attachment = file.attachment();
    assertThat(attachment.fileName()).isEqualTo("response-deadline-VM-2021-BY-01.ics");
    assertThat(attachment.contentType()).isEqualTo("text/calendar; charset=UTF-8; method=PUBLISH");
    assertThat(new String(attachment.content(), StandardCharsets.UTF_8)).isEqualTo(file.content());
  }
}
