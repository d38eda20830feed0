package org.osce.vienna.followup;

import static org.osce.vienna.engine.ProcessConstants.CASE_LABEL;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.casefile.Timeline;
import org.osce.vienna.casefile.TimelineEvent;
import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.engine.EngineClock;
import org.osce.vienna.signoff.Signatories;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Records the case's outcome and tells every signatory that it is closed. */
@Component
public class CloseCase implements JavaDelegate {

  private final CaseRecords cases;
  private final FollowUps followUps;
  private final Signatories signatories;
  private final ApplicationEventPublisher events;
  private final Timeline timeline;

  public CloseCase(CaseRecords cases, FollowUps followUps, Signatories signatories, ApplicationEventPublisher events,
      Timeline timeline) {
    this.cases = cases;
    this.followUps = followUps;
    this.signatories = signatories;
    this.events = events;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = CaseVariables.reference(execution);
    Instant now = EngineClock.now();
    var actions = followUps.of(reference);
    cases.closed(reference, now);
    events.publishEvent(new CaseClosed(reference, (String) execution.getVariable(CASE_LABEL), signatories.signing(reference), actions));
    timeline.record(reference, now, TimelineEvent.CASE_CLOSED, null,
        FollowUpAction.closingDetail(cases.get(reference).responseStatus(), actions));
  }
}
