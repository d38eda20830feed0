package org.osce.vienna.delivery;

import static org.osce.vienna.engine.ProcessConstants.DELIVERED_AT;
import static org.osce.vienna.engine.ProcessConstants.DELIVERY_CHANNEL;
import static org.osce.vienna.engine.ProcessConstants.TASK_SIGN_AND_DELIVER;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.osce.vienna.casefile.DateTimes;
import org.osce.vienna.casefile.DeliveryChannel;
import org.osce.vienna.casefile.InvalidInputException;
import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.engine.Field;
import org.osce.vienna.engine.InputContract;
import org.osce.vienna.engine.InputReader;
import org.osce.vienna.engine.InputValues;

/**
 * How the signed letter went to the addressee's mission, as "Sign and deliver the letter" takes it: by
 * e-mail (the time is the sending's, set when it is sent) or by hand, with the time it was handed over; and
 * what is made public with it ({@link Publicity}: nothing unless the heads decide it).
 *
 * @param deliveredAt when it was handed over; null by e-mail
 */
public record DeliveryInput(DeliveryChannel channel, Instant deliveredAt, Publicity publicity) {

  static final String CHANNELS = "must be " + Arrays.stream(DeliveryChannel.values()).map(Enum::name)
      .collect(Collectors.joining(" or "));

  public static final Field CHANNEL = Field.choice(DELIVERY_CHANNEL).required(CHANNELS)
      .labelled("the way the letter was delivered");
  /** Required by hand only: {@link #read}. */
  public static final Field HANDED_OVER = Field.dateTime(DELIVERED_AT)
      .labelled("the time the letter was handed over");

  public static final InputContract TASK = InputContract.task(TASK_SIGN_AND_DELIVER, CHANNEL, HANDED_OVER,
      Publicity.ANNOUNCEMENTS_FIELD, Publicity.PERMANENT_COUNCIL_DATE_FIELD);

  public static final String REFUSED = "The delivery cannot be recorded";

  /**
   * Reads and checks a delivery, throwing once with every problem. By hand, the letter was handed over
   * not in the future (within the clocks' tolerance, {@link DateTimes#isInFuture}) and not before the case
   * was started ({@code caseStartedAt}). The announcements as {@link Publicity#read} takes them.
   */
  public static DeliveryInput read(InputValues values, Instant caseStartedAt, Instant now) {
    InputReader in = new InputReader(values);
    DeliveryChannel channel = channel(in, values);
    Instant deliveredAt = null;
    if (channel == DeliveryChannel.BY_HAND) {
      deliveredAt = in.dateTime(HANDED_OVER);
      if (deliveredAt == null && !in.isWrong(DELIVERED_AT)) {
        in.refuse(DELIVERED_AT, "is required for a letter delivered by hand: when was it handed over?");
      } else if (deliveredAt != null && DateTimes.isInFuture(deliveredAt, now)) {
        in.refuse(DELIVERED_AT, DateTimes.notInFuture(deliveredAt));
      } else if (deliveredAt != null && caseStartedAt != null
          && deliveredAt.isBefore(caseStartedAt.truncatedTo(ChronoUnit.MINUTES))) {
        // Forms give minutes, not seconds: a handover in the minute the case was started is fine.
        in.refuse(DELIVERED_AT, "cannot be before the case was started, on " + DateTimes.shown(caseStartedAt));
      }
    }
    Publicity publicity = Publicity.read(in, caseStartedAt == null ? null
        : LocalDate.ofInstant(caseStartedAt, DateTimes.zone()));
    in.throwIfAny(REFUSED);
    return new DeliveryInput(channel, deliveredAt, publicity);
  }

  /** One of the channels by its name (spaces around it ignored); null when wrong (noted in {@code in}). */
  private static DeliveryChannel channel(InputReader in, InputValues values) {
    String name;
    try {
      name = CaseVariables.text(values.get(DELIVERY_CHANNEL), DELIVERY_CHANNEL);
    } catch (InvalidInputException e) {
      in.refuse(e);
      return null;
    }
    for (DeliveryChannel channel : DeliveryChannel.values()) {
      if (name != null && channel.name().equals(name.strip())) {
        return channel;
      }
    }
    in.refuse(DELIVERY_CHANNEL, CHANNELS);
    return null;
  }
}
