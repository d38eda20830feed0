package org.osce.vienna.response;

import static org.osce.vienna.engine.ProcessConstants.RESPONSE_RECEIVED_AT;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_REFERENCE;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_SUMMARY;

import org.osce.vienna.engine.EngineClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.casefile.DateTimes;
import org.osce.vienna.casefile.FieldErrors;
import org.osce.vienna.casefile.InvalidInputException;
import org.springframework.stereotype.Component;

/** What a registered response must say, whether it comes from Tasklist, the case API or a correlated message. */
@Component
public class ResponseChecks {

  static final int MAX_REFERENCE = 200;
  static final int MAX_SUMMARY = 100_000;

  private final CaseRecords cases;

  public ResponseChecks(CaseRecords cases) {
    this.cases = cases;
  }

  /** Checks the response fields; returns when it was received. Throws naming each bad field. */
  public Instant check(String reference, Object receivedAtValue, Object responseReference, Object summary) {
    FieldErrors errors = new FieldErrors();
    Instant receivedAt = null;
    try {
      receivedAt = DateTimes.parse(receivedAtValue, RESPONSE_RECEIVED_AT);
      Instant deliveredAt = cases.get(reference).deliveredAt();
      if (receivedAt == null) {
        errors.add(RESPONSE_RECEIVED_AT, "is required: when did the response arrive?");
      } else if (receivedAt.isAfter(EngineClock.now().plus(Duration.ofMinutes(5)))) {
        errors.add(RESPONSE_RECEIVED_AT, "is in the future");
      } else if (deliveredAt != null && receivedAt.isBefore(deliveredAt.truncatedTo(ChronoUnit.MINUTES))) {
        // Forms give minutes, not seconds: a response in the minute of delivery is fine.
        errors.add(RESPONSE_RECEIVED_AT, "is before the letter was delivered (" + deliveredAt + ")");
      }
    } catch (InvalidInputException e) {
      errors.addAll(e);
    }
    text(responseReference, RESPONSE_REFERENCE, MAX_REFERENCE, false, errors);
    text(summary, RESPONSE_SUMMARY, MAX_SUMMARY, true, errors);
    errors.throwIfAny("The response cannot be registered");
    return receivedAt;
  }

  private static void text(Object value, String field, int max, boolean required, FieldErrors errors) {
    if (value != null && !(value instanceof String)) {
      errors.add(field, "must be text");
    } else if (value == null || ((String) value).isBlank()) {
      if (required) {
        errors.add(field, "is required: summarise what the response says");
      }
    } else if (((String) value).length() > max) {
      errors.add(field, "is longer than " + max + " characters");
    }
  }
}
