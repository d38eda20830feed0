package org.osce.vienna.delivery;

import static org.osce.vienna.engine.ProcessConstants.ADDRESSEE_STATE;
import static org.osce.vienna.engine.ProcessConstants.CASE_LABEL;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.osce.vienna.casefile.Timeline;
import org.osce.vienna.casefile.TimelineEvent;
import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.engine.EngineClock;
import org.osce.vienna.signoff.Signatories;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Stage 3: tells every participating State's delegation that the mechanism was invoked. */
@Component
public class InformParticipatingStates implements JavaDelegate {

  private final Signatories signatories;
  private final ApplicationEventPublisher events;
  private final Timeline timeline;

  public InformParticipatingStates(Signatories signatories, ApplicationEventPublisher events, Timeline timeline) {
    this.signatories = signatories;
    this.events = events;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = CaseVariables.reference(execution);
    events.publishEvent(new MechanismInvoked(reference, (String) execution.getVariable(CASE_LABEL),
        (String) execution.getVariable(ADDRESSEE_STATE), signatories.signing(reference)));
    timeline.record(reference, EngineClock.now(), TimelineEvent.PARTICIPATING_STATES_INFORMED, null, null);
  }
}
