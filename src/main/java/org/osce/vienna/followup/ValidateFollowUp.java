package org.osce.vienna.followup;

import static org.osce.vienna.engine.ProcessConstants.ADDRESSEE_STATE;
import static org.osce.vienna.engine.ProcessConstants.FOLLOW_UP_ACTIONS;
import static org.osce.vienna.engine.ProcessConstants.LEAD_DELEGATION;
import static org.osce.vienna.engine.ProcessConstants.MOSCOW_SUPPORTERS;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.casefile.DateTimes;
import org.osce.vienna.casefile.Timeline;
import org.osce.vienna.casefile.TimelineEvent;
import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.engine.CurrentUser;
import org.osce.vienna.engine.EngineClock;
import org.osce.vienna.engine.InputValues;
import org.osce.vienna.signoff.Signatories;
import org.springframework.stereotype.Component;

/**
 * Completing "Decide on follow-up": known actions only, and the Moscow Mechanism only with the lead and at least
 * nine supporters (by default the signatories). A refused decision leaves the task open.
 */
@Component
public class ValidateFollowUp implements TaskListener {

  private final Signatories signatories;
  private final Timeline timeline;
  private final CurrentUser currentUser;
  private final CaseRecords cases;

  public ValidateFollowUp(Signatories signatories, Timeline timeline, CurrentUser currentUser, CaseRecords cases) {
    this.signatories = signatories;
    this.cases = cases;
    this.timeline = timeline;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    String reference = CaseVariables.reference(task.getExecution());
    FollowUpDecision decision = FollowUpDecision.read(InputValues.of(task), signatories.signing(reference),
        CaseVariables.string(task, LEAD_DELEGATION), CaseVariables.string(task, ADDRESSEE_STATE),
        LocalDate.ofInstant(cases.get(reference).startedAt(), DateTimes.zone()));
    task.setVariable(FOLLOW_UP_ACTIONS, CaseVariables.jsonValue(decision.names()));
    task.setVariable(MOSCOW_SUPPORTERS, CaseVariables.jsonValue(decision.moscowSupporters()));
    decision.publicity().writeTo(task);
    if (decision.permanentCouncilDocument() != null) {
      timeline.record(reference, EngineClock.now(), TimelineEvent.PERMANENT_COUNCIL_DOCUMENT_RECORDED, currentUser.id(),
          decision.permanentCouncilDocument());
    }
    timeline.record(reference, EngineClock.now(), TimelineEvent.FOLLOW_UP_DECIDED, currentUser.id(),
        decision.actions().isEmpty() ? "close the case" : decision.inWords());
  }
}
