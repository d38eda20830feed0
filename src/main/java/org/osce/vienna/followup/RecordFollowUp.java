package org.osce.vienna.followup;

import static org.osce.vienna.engine.ProcessConstants.FOLLOW_UP_ACTIONS;
import static org.osce.vienna.engine.ProcessConstants.FOLLOW_UP_INCLUDES_MEETING;
import static org.osce.vienna.engine.ProcessConstants.MOSCOW_SUPPORTERS;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.engine.EngineClock;
import org.springframework.stereotype.Component;

/**
 * Records each decided follow-up action as an outcome (the Moscow Mechanism with its supporters), and tells the
 * model whether a bilateral meeting is among them.
 */
@Component
public class RecordFollowUp implements JavaDelegate {

  private final FollowUps followUps;

  public RecordFollowUp(FollowUps followUps) {
    this.followUps = followUps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // The task stored them checked and each once (FollowUpDecision).
    List<FollowUpAction> actions = CaseVariables.strings(execution, FOLLOW_UP_ACTIONS).stream()
        .map(FollowUpAction::valueOf).toList();
    followUps.decided(CaseVariables.reference(execution), actions,
        CaseVariables.strings(execution, MOSCOW_SUPPORTERS), EngineClock.now());
    execution.setVariable(FOLLOW_UP_INCLUDES_MEETING, actions.contains(FollowUpAction.BILATERAL_MEETING));
  }
}
