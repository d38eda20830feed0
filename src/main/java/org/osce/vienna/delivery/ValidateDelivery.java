package org.osce.vienna.delivery;

import static org.osce.vienna.engine.ProcessConstants.DELIVERED_AT;
import static org.osce.vienna.engine.ProcessConstants.DELIVERY_CHANNEL;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.casefile.DeliveryChannel;
import org.osce.vienna.casefile.Timeline;
import org.osce.vienna.casefile.TimelineEvent;
import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.engine.CurrentUser;
import org.osce.vienna.engine.EngineClock;
import org.osce.vienna.engine.InputValues;
import org.springframework.stereotype.Component;

/**
 * Completing "Sign and deliver the letter": reads the delivery ({@link DeliveryInput}) and records it.
 * By e-mail, the time is the sending's, set when the letter is sent.
 */
@Component
public class ValidateDelivery implements TaskListener {

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
    String reference = CaseVariables.reference(task.getExecution());
    DeliveryInput delivery = DeliveryInput.read(InputValues.of(task), cases.get(reference).startedAt(),
        EngineClock.now());
    task.setVariable(DELIVERY_CHANNEL, delivery.channel().name());
    // By e-mail, the delivery time is set when the letter is sent, not typed in.
    task.setVariable(DELIVERED_AT, CaseVariables.dateValue(delivery.deliveredAt()));
    delivery.publicity().writeTo(task);
    timeline.record(reference, EngineClock.now(), TimelineEvent.LETTER_SIGNED, currentUser.id(),
        delivery.channel() == DeliveryChannel.EMAIL ? "to be sent by e-mail" : "delivered by hand");
  }
}
