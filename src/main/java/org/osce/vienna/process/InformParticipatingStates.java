package org.osce.vienna.process;

import static org.osce.vienna.process.ProcessConstants.ADDRESSEE_STATE;
import static org.osce.vienna.process.ProcessConstants.CASE_LABEL;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.osce.vienna.cases.Signatories;
import org.osce.vienna.cases.Timeline;
import org.osce.vienna.cases.TimelineEvent;
import org.osce.vienna.notification.CaseNotices;
import org.springframework.stereotype.Component;

/** Stage 3: tells every participating State's delegation that the mechanism was invoked. */
@Component
public class InformParticipatingStates implements JavaDelegate {

  private final Signatories signatories;
  private final CaseNotices notices;
  private final Timeline timeline;

  public InformParticipatingStates(Signatories signatories, CaseNotices notices, Timeline timeline) {
    this.signatories = signatories;
    this.notices = notices;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = CaseVariables.reference(execution);
    notices.invocation(reference, (String) execution.getVariable(CASE_LABEL),
        (String) execution.getVariable(ADDRESSEE_STATE), signatories.signing(reference));
    timeline.record(reference, EngineClock.now(), TimelineEvent.PARTICIPATING_STATES_INFORMED, null, null);
  }
}
