package org.osce.vienna.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osce.vienna.casefile.DeliveryChannel;
import org.osce.vienna.casefile.InvalidInputException;
import org.osce.vienna.engine.Field;
import org.osce.vienna.engine.InputValues;

/** The delivery of the signed letter, without an engine. */
class DeliveryInputTest {

  static final Instant STARTED = Instant.parse("2021-11-01T09:30:40Z");
  static final Instant NOW = Instant.parse("2021-11-04T10:00:00Z");

  static Map<String, Object> delivery(Object channel, Object deliveredAt) {
    Map<String, Object> values = new HashMap<>();
    values.put("deliveryChannel", channel);
    values.put("deliveredAt", deliveredAt);
    return values;
  }

  static DeliveryInput read(Map<String, Object> values) {
    return DeliveryInput.read(InputValues.of(values), STARTED, NOW);
  }

  static Map<String, String> refusal(Map<String, Object> values) {
    try {
      read(values);
    } catch (InvalidInputException e) {
      assertThat(e.getMessage()).startsWith("The delivery cannot be recorded: ");
      return e.fieldErrors();
    }
    throw new AssertionError("accepted " + values);
  }

  @Test
  void byEmailTheTimeIsTheSendingsNotTypedIn() {
    assertThat(read(delivery("EMAIL", null))).isEqualTo(new DeliveryInput(DeliveryChannel.EMAIL, null, Publicity.NONE));
    assertThat(read(delivery(" EMAIL ", "2021-11-04T10:00:00+01:00")))
        .isEqualTo(new DeliveryInput(DeliveryChannel.EMAIL, null, Publicity.NONE));
  }

  @Test
  void byHandWithTheTimeItWasHandedOver() {
    assertThat(read(delivery("BY_HAND", "2021-11-04T10:00:00+01:00")))
        .isEqualTo(new DeliveryInput(DeliveryChannel.BY_HAND, Instant.parse("2021-11-04T09:00:00Z"), Publicity.NONE));
  }

  @Test
  void theChannelIsOneOfTwo() {
    assertThat(refusal(delivery(null, null))).containsExactly(entry("deliveryChannel", "must be EMAIL or BY_HAND"));
    assertThat(refusal(delivery("CARRIER_PIGEON", null)))
        .containsExactly(entry("deliveryChannel", "must be EMAIL or BY_HAND"));
    assertThat(refusal(delivery("email", null))).containsExactly(entry("deliveryChannel", "must be EMAIL or BY_HAND"));
    assertThat(refusal(delivery(1, null))).containsExactly(entry("deliveryChannel", "must be text"));
    assertThat(DeliveryInput.TASK.field("deliveryChannel").kind()).isEqualTo(Field.Kind.CHOICE);
  }

  @Test
  void byHandTheTimeIsRequired() {
    assertThat(refusal(delivery("BY_HAND", null))).containsExactly(
        entry("deliveredAt", "is required for a letter delivered by hand: when was it handed over?"));
    assertThat(refusal(delivery("BY_HAND", "4 November")).get("deliveredAt"))
        .contains("is not an ISO-8601 date-time");
  }

  @Test
  void byHandNotInTheFutureBeyondTheClocksTolerance() {
    assertThat(read(delivery("BY_HAND", "2021-11-04T10:04:00Z")).deliveredAt()).isNotNull();
    assertThat(refusal(delivery("BY_HAND", "2021-11-04T10:06:00Z")))
        .containsExactly(entry("deliveredAt", "cannot be in the future: 4 November 2021, 11:06 Vienna time (CET) is later than now"));
  }

  @Test
  void byHandNotBeforeTheCaseWasStartedInTheMinuteOfTheStartIsFine() {
    assertThat(read(delivery("BY_HAND", "2021-11-01T09:30:00Z")).deliveredAt()).isNotNull();
    assertThat(refusal(delivery("BY_HAND", "2021-11-01T09:29:00Z")))
        .containsExactly(entry("deliveredAt", "cannot be before the case was started, on 1 November 2021, 10:30 Vienna time (CET)"));
  }

  @Test
  void theTaskTakesTheChannelTheTimeAndWhatIsMadePublic() {
    assertThat(DeliveryInput.TASK.names()).containsExactly("deliveryChannel", "deliveredAt", "announcements",
        "permanentCouncilDate");
  }

  static Map<String, Object> announcing(List<String> announcements, Object councilDate) {
    Map<String, Object> values = delivery("EMAIL", null);
    values.put("announcements", announcements);
    values.put("permanentCouncilDate", councilDate);
    return values;
  }

  @Test
  void publicityIsADecisionEachAnnouncementOnceAndTheCouncilsDateWithItsStatement() {
    assertThat(read(announcing(List.of(), null)).publicity()).isEqualTo(Publicity.NONE);
    assertThat(read(announcing(List.of("INFORM_PARTICIPATING_STATES", "INFORM_PARTICIPATING_STATES"), null))
        .publicity().announcements()).containsExactly(Announcement.INFORM_PARTICIPATING_STATES);
    assertThat(read(announcing(List.of("PERMANENT_COUNCIL_STATEMENT"), "2021-11-11")).publicity())
        .isEqualTo(new Publicity(List.of(Announcement.PERMANENT_COUNCIL_STATEMENT), LocalDate.of(2021, 11, 11)));
    // A date-time's day is the one in Vienna: 23:30 UTC on 10 November is 11 November there.
    assertThat(read(announcing(List.of("PERMANENT_COUNCIL_STATEMENT"), "2021-11-10T23:30:00Z")).publicity()
        .permanentCouncilDate()).isEqualTo(LocalDate.of(2021, 11, 11));
  }

  @Test
  void aWrongAnnouncementIsRefusedNamingWhatIsWrong() {
    assertThat(refusal(announcing(List.of("PRESS_RELEASE"), null))).containsExactly(entry("announcements",
        "'PRESS_RELEASE' is not an announcement; choose from [INFORM_PARTICIPATING_STATES, PERMANENT_COUNCIL_STATEMENT]"));
    assertThat(refusal(announcing(List.of("PERMANENT_COUNCIL_STATEMENT"), null))).containsExactly(entry(
        "permanentCouncilDate", "is required for a statement at the Permanent Council: on which day does the Council"
            + " meet?"));
    assertThat(refusal(announcing(List.of(), "2021-11-11"))).containsExactly(entry("permanentCouncilDate",
        "is only for a statement at the Permanent Council, which is not among the announcements"));
    assertThat(refusal(announcing(List.of("PERMANENT_COUNCIL_STATEMENT"), "2021-10-31"))).containsExactly(entry(
        "permanentCouncilDate", "cannot be before the case was started, on 1 November 2021"));
    assertThat(refusal(announcing(List.of("PERMANENT_COUNCIL_STATEMENT"), "2021-11-31"))).containsExactly(entry(
        "permanentCouncilDate", "'2021-11-31' is not an ISO-8601 date, e.g. 2026-12-03"));
  }
}
