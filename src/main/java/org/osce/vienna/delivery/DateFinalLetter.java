package org.osce.vienna.delivery;

import static org.osce.vienna.engine.ProcessConstants.DELIVERED_AT;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.osce.vienna.casefile.DateTimes;
import org.osce.vienna.engine.EngineClock;
import org.springframework.stereotype.Component;

/**
 * Dates the signed letter: a letter bears the day it is signed and delivered, not the day it was composed for
 * the heads to read (days or weeks may lie between). Handed over, it bears the day of the handover the head
 * recorded; by e-mail, the day it is signed, as it is sent at once. Runs after "Sign and deliver the letter"
 * and before the letter leaves, so the PDF that is sent, kept and shown is the dated one.
 */
@Component
public class DateFinalLetter implements JavaDelegate {

  private final ComposeFinalLetter composition;

  public DateFinalLetter(ComposeFinalLetter composition) {
    this.composition = composition;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object handedOver = execution.getVariable(DELIVERED_AT);
    Instant datedAt = handedOver == null ? EngineClock.now() : DateTimes.require(handedOver, DELIVERED_AT);
    composition.compose(execution, datedAt);
  }
}
