package org.osce.vienna.followup;

import static org.osce.vienna.engine.ProcessConstants.FOLLOW_UP_ACTIONS;

import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.engine.CurrentUser;
import org.osce.vienna.engine.EngineClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.osce.vienna.casefile.FieldErrors;
import org.osce.vienna.signoff.Signatories;
import org.osce.vienna.casefile.Timeline;
import org.osce.vienna.casefile.TimelineEvent;
import org.springframework.stereotype.Component;

/**
 * Completing "Decide on follow-up": known actions only, and the Moscow Mechanism only with at least
 * ten States among the signatories. A refused decision leaves the task open.
 */
@Component
public class ValidateFollowUp implements TaskListener {

  private final Signatories signatories;
  private final Timeline timeline;
  private final CurrentUser currentUser;

  public ValidateFollowUp(Signatories signatories, Timeline timeline, CurrentUser currentUser) {
    this.signatories = signatories;
    this.timeline = timeline;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    String reference = CaseVariables.reference(task.getExecution());
    List<FollowUpAction> actions = read(CaseVariables.strings(task, FOLLOW_UP_ACTIONS));
    int signing = signatories.signing(reference).size();
    if (actions.contains(FollowUpAction.MOSCOW_MECHANISM) && signing < FollowUpAction.MOSCOW_MECHANISM_MINIMUM_STATES) {
      new FieldErrors().add(FOLLOW_UP_ACTIONS, "MOSCOW_MECHANISM needs at least "
              + FollowUpAction.MOSCOW_MECHANISM_MINIMUM_STATES + " States in all among the signatories"
              + " (Moscow Document 1991, para 12); this case has " + signing)
          .throwIfAny("The follow-up cannot be decided");
    }
    task.setVariable(FOLLOW_UP_ACTIONS, CaseVariables.jsonValue(actions.stream().map(Enum::name).toList()));
    timeline.record(reference, EngineClock.now(), TimelineEvent.FOLLOW_UP_DECIDED, currentUser.id(),
        actions.isEmpty() ? "close the case" : actions.toString());
  }

  static List<FollowUpAction> read(List<String> values) {
    List<FollowUpAction> actions = new ArrayList<>();
    for (String value : values) {
      try {
        FollowUpAction action = FollowUpAction.valueOf(value);
        if (!actions.contains(action)) {
          actions.add(action);
        }
      } catch (IllegalArgumentException e) {
        new FieldErrors().add(FOLLOW_UP_ACTIONS, "'" + value + "' is not a follow-up action; choose from "
            + List.of(FollowUpAction.values())).throwIfAny("The follow-up cannot be decided");
      }
    }
    return actions;
  }
}
