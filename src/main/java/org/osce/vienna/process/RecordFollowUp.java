package org.osce.vienna.process;

import static org.osce.vienna.process.ProcessConstants.FOLLOW_UP_ACTIONS;
import static org.osce.vienna.process.ProcessConstants.FOLLOW_UP_INCLUDES_MEETING;

import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.osce.vienna.cases.FollowUpAction;
import org.osce.vienna.cases.FollowUps;
import org.springframework.stereotype.Component;

/** Records each decided follow-up action as an outcome, and tells the model whether a bilateral meeting is among them. */
@Component
public class RecordFollowUp implements JavaDelegate {

  private final FollowUps followUps;

  public RecordFollowUp(FollowUps followUps) {
    this.followUps = followUps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<FollowUpAction> actions = ValidateFollowUp.read(CaseVariables.strings(execution, FOLLOW_UP_ACTIONS));
    followUps.decided(CaseVariables.reference(execution), actions, EngineClock.now());
    execution.setVariable(FOLLOW_UP_INCLUDES_MEETING, actions.contains(FollowUpAction.BILATERAL_MEETING));
  }
}
