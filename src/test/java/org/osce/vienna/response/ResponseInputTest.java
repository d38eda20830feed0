package org.osce.vienna.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osce.vienna.casefile.InvalidInputException;
import org.osce.vienna.engine.InputValues;

/** The response's input contract, without an engine: what Tasklist, the message and the case API all get. */
class ResponseInputTest {

  static final Instant DELIVERED = Instant.parse("2021-11-04T10:00:00Z");
  static final Instant NOW = Instant.parse("2021-11-20T10:00:00Z");

  static Map<String, Object> response(String receivedAt, Object reference, Object summary) {
    Map<String, Object> values = new HashMap<>();
    values.put("responseReceivedAt", receivedAt);
    values.put("responseReference", reference);
    values.put("responseSummary", summary);
    return values;
  }

  static Map<String, String> refusal(Map<String, Object> values) {
    try {
      ResponseInput.read(InputValues.of(values), DELIVERED, NOW);
    } catch (InvalidInputException e) {
      assertThat(e.getMessage()).startsWith("The response cannot be registered: ");
      return e.fieldErrors();
    }
    throw new AssertionError("accepted " + values);
  }

  @Test
  void aResponseIsReadWithItsTextsTrimmed() {
    ResponseInput read = ResponseInput.read(InputValues.of(response("2021-11-12T16:30:00+01:00", "  No. 03-12/3456 ",
        " Belarus contests the invocation. ")), DELIVERED, NOW);

    assertThat(read).isEqualTo(new ResponseInput(Instant.parse("2021-11-12T15:30:00Z"), "No. 03-12/3456",
        "Belarus contests the invocation."));
  }

  @Test
  void theReferenceMayBeLeftOutAndABlankOneIsNone() {
    assertThat(ResponseInput.read(InputValues.of(response("2021-11-12T16:30:00+01:00", " ", "Text")), DELIVERED, NOW)
        .reference()).isNull();
  }

  @Test
  void everyProblemIsNamedAtOnce() {
    assertThat(refusal(response(null, "x".repeat(ResponseInput.MAX_REFERENCE + 1), "  "))).containsExactly(
        Map.entry("responseReceivedAt", "is required: when did the response arrive?"),
        Map.entry("responseReference", "is longer than 200 characters"),
        Map.entry("responseSummary", "is required: summarise what the response says"));
  }

  @Test
  void theSummaryHasItsLimitAndMustBeText() {
    assertThat(refusal(response("2021-11-12T16:30:00+01:00", null, "x".repeat(ResponseInput.MAX_SUMMARY + 1))))
        .containsExactly(Map.entry("responseSummary", "is longer than 100000 characters"));
    assertThat(refusal(response("2021-11-12T16:30:00+01:00", null, 12)))
        .containsExactly(Map.entry("responseSummary", "must be text"));
  }

  @Test
  void itCannotArriveInTheFutureNorBeforeTheDelivery() {
    assertThat(refusal(response("2021-11-20T10:06:00Z", null, "Text")))
        .containsExactly(Map.entry("responseReceivedAt",
            "cannot be in the future: 20 November 2021, 11:06 Vienna time (CET) is later than now"));
    assertThat(refusal(response("2021-11-04T09:59:00Z", null, "Text"))).containsExactly(Map.entry(
        "responseReceivedAt", "cannot be before the letter was delivered, on 4 November 2021, 11:00 Vienna time (CET)"));
  }

  @Test
  void aPersonReadsOneSentenceForEachProblemByWhatSheCallsTheField() {
    assertThatThrownBy(() -> ResponseInput.read(InputValues.of(response("2021-11-20T10:06:00Z", null, " ")),
        DELIVERED, NOW)).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.plainMessage())
            .isEqualTo("The response's date of receipt cannot be in the future: 20 November 2021, 11:06 Vienna time (CET)"
                + " is later than now. The summary of the response is required: summarise what the response says."));
  }

  @Test
  void aClockAFewMinutesAheadAndTheMinuteOfDeliveryAreFine() {
    assertThat(ResponseInput.read(InputValues.of(response("2021-11-20T10:04:00Z", null, "Text")), DELIVERED, NOW))
        .isNotNull();
    assertThat(ResponseInput.read(InputValues.of(response("2021-11-04T10:00:00Z", null, "Text")),
        DELIVERED.plusSeconds(30), NOW)).isNotNull();
  }

  @Test
  void aDateThatIsNotIsoIsNamed() {
    assertThat(refusal(response("12 November 2021", null, "Text")).get("responseReceivedAt"))
        .contains("is not an ISO-8601 date-time");
  }

  @Test
  void theTaskSaysWhetherAResponseArrived() {
    Instant due = NOW.minusSeconds(1);
    assertThat(ResponseInput.arrived(InputValues.of(Map.of("responseReceived", false)), due, NOW)).isFalse();
    assertThat(ResponseInput.arrived(InputValues.of(Map.of("responseReceived", true)), NOW.plusSeconds(60), NOW))
        .isTrue();
    assertThatThrownBy(() -> ResponseInput.arrived(InputValues.of(Map.of()), due, NOW))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("responseReceived is required (true or false)");
  }

  @Test
  void noResponseIsRefusedUntilTheReplyIsDueSayingWhen() {
    // Due at the end of 14 November 2021 in Vienna; asked on the 14th in the evening.
    Instant due = Instant.parse("2021-11-14T22:59:59Z");
    assertThatThrownBy(() -> ResponseInput.arrived(InputValues.of(Map.of("responseReceived", false)), due,
        Instant.parse("2021-11-14T20:00:00Z")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("responseReceived cannot be answered 'no' before the reply is due: "
            + "14 November 2021, 23:59 Vienna time (CET)");
    assertThat(ResponseInput.arrived(InputValues.of(Map.of("responseReceived", false)), due,
        Instant.parse("2021-11-14T23:00:00Z"))).isFalse();
  }
}
