package org.osce.vienna.followup;

import static org.osce.vienna.engine.ProcessConstants.FOLLOW_UP_ACTIONS;
import static org.osce.vienna.engine.ProcessConstants.TASK_DECIDE_FOLLOW_UP;

import java.util.ArrayList;
import java.util.List;
import org.osce.vienna.engine.Field;
import org.osce.vienna.engine.InputContract;
import org.osce.vienna.engine.InputReader;
import org.osce.vienna.engine.InputValues;

/**
 * "Decide on follow-up": the actions the invoking States take, each once; none closes the case. The
 * Moscow Mechanism needs at least ten States among the signatories (Moscow Document 1991, para 12).
 */
public record FollowUpDecision(List<FollowUpAction> actions) {

  public static final Field ACTIONS = Field.textList(FOLLOW_UP_ACTIONS)
      .labelled("the follow-up");

  public static final InputContract TASK = InputContract.task(TASK_DECIDE_FOLLOW_UP, ACTIONS);

  /** {@code signing}: how many States signed the letter. */
  public static FollowUpDecision read(InputValues values, int signing) {
    InputReader in = new InputReader(values);
    List<FollowUpAction> actions = new ArrayList<>();
    for (String value : in.texts(ACTIONS)) {
      FollowUpAction action = FollowUpAction.find(value);
      if (action == null) {
        in.refuse(FOLLOW_UP_ACTIONS, "'" + value + "' is not a follow-up action; choose from "
            + List.of(FollowUpAction.values()));
      } else if (!actions.contains(action)) {
        actions.add(action);
      }
    }
    if (actions.contains(FollowUpAction.MOSCOW_MECHANISM) && signing < FollowUpAction.MOSCOW_MECHANISM_MINIMUM_STATES) {
      in.refuse(FOLLOW_UP_ACTIONS, "MOSCOW_MECHANISM needs at least " + FollowUpAction.MOSCOW_MECHANISM_MINIMUM_STATES
          + " States in all among the signatories (Moscow Document 1991, para 12); this case has " + signing);
    }
    in.throwIfAny("The follow-up cannot be decided");
    return new FollowUpDecision(List.copyOf(actions));
  }

  public List<String> names() {
    return actions.stream().map(Enum::name).toList();
  }
}
