package org.osce.vienna.delivery;

import static org.osce.vienna.engine.ProcessConstants.ADDRESSEE_STATE;
import static org.osce.vienna.engine.ProcessConstants.CASE_LABEL;
import static org.osce.vienna.engine.ProcessConstants.DELIVERED_AT;
import static org.osce.vienna.engine.ProcessConstants.DELIVERY_CHANNEL;
import static org.osce.vienna.engine.ProcessConstants.LETTER;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_DUE_AT;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_REMINDER_AT;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.casefile.DateTimes;
import org.osce.vienna.casefile.Deadlines;
import org.osce.vienna.casefile.DeliveryChannel;
import org.osce.vienna.casefile.Timeline;
import org.osce.vienna.casefile.TimelineEvent;
import org.osce.vienna.casefile.ViennaProperties;
import org.osce.vienna.drafting.LetterReader;
import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.engine.EngineClock;
import org.osce.vienna.signoff.Signatories;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Records the delivery and starts the reply clock: {@code responseDueAt} = end of the day of delivery + reply period.
 * The signatories are told ({@link LetterDelivered}).
 */
@Component
public class RecordDelivery implements JavaDelegate {

  private final CaseRecords cases;
  private final Deadlines deadlines;
  private final Timeline timeline;
  private final ViennaProperties properties;
  private final Signatories signatories;
  private final ApplicationEventPublisher events;

  public RecordDelivery(CaseRecords cases, Deadlines deadlines, Timeline timeline, ViennaProperties properties,
      Signatories signatories, ApplicationEventPublisher events) {
    this.cases = cases;
    this.signatories = signatories;
    this.events = events;
    this.deadlines = deadlines;
    this.timeline = timeline;
    this.properties = properties;
  }

  /** The morning of the day the reply is due, when the lead is reminded; see {@link Deadlines#reminderAt}. */
  public static Instant responseReminder(Deadlines deadlines, ViennaProperties properties, Instant dueAt,
      Instant now) {
    return Deadlines.reminderAt(deadlines.onTheDayOf(dueAt, properties.responseReminderTime()), dueAt, now);
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = CaseVariables.reference(execution);
    Instant deliveredAt = DateTimes.require(execution.getVariable(DELIVERED_AT), DELIVERED_AT);
    DeliveryChannel channel = DeliveryChannel.valueOf((String) execution.getVariable(DELIVERY_CHANNEL));
    int period = LetterReader.read(CaseVariables.json(execution, LETTER).toString())
        .responsePeriodOr(properties.responsePeriodDays());
    Instant dueAt = deadlines.responseDue(deliveredAt, period);
    execution.setVariable(RESPONSE_DUE_AT, CaseVariables.dateValue(dueAt));
    execution.setVariable(RESPONSE_REMINDER_AT, CaseVariables.dateValue(responseReminder(deadlines, properties,
        dueAt, EngineClock.now())));
    cases.delivered(reference, channel, deliveredAt, dueAt);
    timeline.record(reference, deliveredAt, TimelineEvent.LETTER_DELIVERED, null,
        (channel == DeliveryChannel.EMAIL ? "by e-mail" : "by hand") + "; response due by " + DateTimes.shown(dueAt)
            + (deadlines.fallsOnWeekend(dueAt) ? " (falls on a weekend; no extension)" : ""));
    events.publishEvent(new LetterDelivered(reference, (String) execution.getVariable(CASE_LABEL),
        (String) execution.getVariable(ADDRESSEE_STATE), signatories.signing(reference), deliveredAt, dueAt));
  }
}
