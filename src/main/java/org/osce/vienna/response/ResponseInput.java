package org.osce.vienna.response;

import static org.osce.vienna.engine.ProcessConstants.MESSAGE_RESPONSE_RECEIVED;
import static org.osce.vienna.engine.ProcessConstants.REPLY_PROCESS_KEY;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_RECEIVED;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_RECEIVED_AT;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_REFERENCE;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_SUMMARY;
import static org.osce.vienna.engine.ProcessConstants.TASK_REGISTER_RESPONSE;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.osce.vienna.casefile.DateTimes;
import org.osce.vienna.engine.Field;
import org.osce.vienna.engine.InputContract;
import org.osce.vienna.engine.InputReader;
import org.osce.vienna.engine.InputValues;
import org.osce.vienna.engine.ProcessConstants;

/**
 * The addressee's written response, as "Register the response" (Tasklist), the message
 * {@code ResponseReceived} and the case API take it: when it arrived, its reference, what it says.
 */
public record ResponseInput(Instant receivedAt, String reference, String summary) {

  public static final int MAX_REFERENCE = 200;
  public static final int MAX_SUMMARY = 100_000;

  public static final Field RECEIVED = Field.bool(RESPONSE_RECEIVED).required("is required (true or false)")
      .labelled("whether a response was received");
  public static final Field RECEIVED_AT = Field.dateTime(RESPONSE_RECEIVED_AT)
      .required("is required: when did the response arrive?")
      .labelled("the response's date of receipt");
  public static final Field REFERENCE = Field.text(RESPONSE_REFERENCE, MAX_REFERENCE)
      .labelled("the response's reference");
  public static final Field SUMMARY = Field.text(RESPONSE_SUMMARY, MAX_SUMMARY)
      .required("is required: summarise what the response says")
      .labelled("the summary of the response");

  /** "Register the response": whether one arrived, and if so the response. */
  public static final InputContract TASK =
      InputContract.task(TASK_REGISTER_RESPONSE, RECEIVED, RECEIVED_AT, REFERENCE, SUMMARY);
  public static final InputContract MESSAGE =
      InputContract.message(MESSAGE_RESPONSE_RECEIVED, RECEIVED_AT, REFERENCE, SUMMARY);
  public static final Field CASE_REFERENCE = Field.text(ProcessConstants.REFERENCE, 64)
      .required("is required (the case's reference)").labelled("the case reference");
  /** "Register a reply" in Tasklist: the case, and the reply as the message carries it. */
  public static final InputContract TASKLIST_START = InputContract.start(REPLY_PROCESS_KEY, "a reply",
      CASE_REFERENCE, RECEIVED_AT, REFERENCE, SUMMARY);

  static final String REFUSED = "The response cannot be registered";

  /**
   * Whether the officer says a response arrived (the task's choice; a message always brings one). "No response"
   * is a finding that the addressee let the reply period pass, so it is refused until the reply is due
   * ({@code dueAt}, null if unknown): until then a reply may still come on time.
   */
  public static boolean arrived(InputValues values, Instant dueAt, Instant now) {
    InputReader in = new InputReader(values);
    Boolean received = in.bool(RECEIVED);
    if (Boolean.FALSE.equals(received) && dueAt != null && !now.isAfter(dueAt)) {
      in.refuse(RESPONSE_RECEIVED, "cannot be answered 'no' before the reply is due: "
          + DateTimes.shown(dueAt));
    }
    in.throwIfAny(REFUSED);
    return received;
  }

  /**
   * Reads and checks a response that arrived, throwing once with every problem. It cannot have arrived
   * in the future, nor before the letter was delivered ({@code deliveredAt}, null if unknown).
   */
  public static ResponseInput read(InputValues values, Instant deliveredAt, Instant now) {
    InputReader in = new InputReader(values);
    Instant receivedAt = in.dateTime(RECEIVED_AT);
    if (receivedAt != null && DateTimes.isInFuture(receivedAt, now)) {
      in.refuse(RESPONSE_RECEIVED_AT, DateTimes.notInFuture(receivedAt));
    } else if (receivedAt != null && deliveredAt != null
        && receivedAt.isBefore(deliveredAt.truncatedTo(ChronoUnit.MINUTES))) {
      // Forms give minutes, not seconds: a response in the minute of delivery is fine.
      in.refuse(RESPONSE_RECEIVED_AT, "cannot be before the letter was delivered, on " + DateTimes.shown(deliveredAt));
    }
    String reference = in.text(REFERENCE);
    String summary = in.text(SUMMARY);
    in.throwIfAny(REFUSED);
    return new ResponseInput(receivedAt, reference, summary);
  }
}
