package org.osce.vienna.delivery;

import org.osce.vienna.casefile.DeliveryChannel;
import static org.osce.vienna.engine.ProcessConstants.DELIVERED_AT;
import static org.osce.vienna.engine.ProcessConstants.DELIVERY_CHANNEL;

import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.engine.CurrentUser;
import org.osce.vienna.engine.EngineClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.casefile.FieldErrors;
import org.osce.vienna.casefile.Timeline;
import org.osce.vienna.casefile.TimelineEvent;
import org.springframework.stereotype.Component;

/**
 * Completing "Sign and deliver the letter": the channel must be known; a letter delivered by hand
 * needs the time it was handed over, never in the future. By e-mail, the time is the sending's.
 */
@Component
public class ValidateDelivery implements TaskListener {

  /** Clocks of a browser and the server differ a little; a handover "now" must not be refused. */
  static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

  private final CaseRecords cases;
  private final Timeline timeline;
  private final CurrentUser currentUser;

  public ValidateDelivery(CaseRecords cases, Timeline timeline, CurrentUser currentUser) {
    this.cases = cases;
    this.timeline = timeline;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    FieldErrors errors = new FieldErrors();
    String channelName = CaseVariables.string(task, DELIVERY_CHANNEL);
    DeliveryChannel channel = null;
    try {
      channel = channelName == null ? null : DeliveryChannel.valueOf(channelName);
    } catch (IllegalArgumentException e) {
      // reported below
    }
    if (channel == null) {
      errors.add(DELIVERY_CHANNEL, "must be EMAIL or BY_HAND");
    }
    String reference = CaseVariables.reference(task.getExecution());
    Instant deliveredAt = null;
    if (channel == DeliveryChannel.BY_HAND) {
      deliveredAt = CaseVariables.instant(task, DELIVERED_AT);
      Instant now = EngineClock.now();
      if (deliveredAt == null) {
        errors.add(DELIVERED_AT, "is required for a letter delivered by hand: when was it handed over?");
      } else if (deliveredAt.isAfter(now.plus(CLOCK_TOLERANCE))) {
        errors.add(DELIVERED_AT, "is in the future");
      } else if (deliveredAt.isBefore(cases.get(reference).startedAt().truncatedTo(ChronoUnit.MINUTES))) {
        // Forms give minutes, not seconds: a handover in the minute the case was started is fine.
        errors.add(DELIVERED_AT, "is before the case was started");
      }
    }
    errors.throwIfAny("The delivery cannot be recorded");
    // By e-mail, the delivery time is set when the letter is sent, not typed in.
    task.setVariable(DELIVERED_AT, CaseVariables.dateValue(deliveredAt));
    timeline.record(reference, EngineClock.now(), TimelineEvent.LETTER_SIGNED, currentUser.id(),
        channel == DeliveryChannel.EMAIL ? "to be sent by e-mail" : "delivered by hand");
  }
}
