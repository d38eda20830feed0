package org.osce.vienna.meeting;

import static org.osce.vienna.engine.ProcessConstants.MEETING_HELD;
import static org.osce.vienna.engine.ProcessConstants.MEETING_OUTCOME;

import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.engine.CurrentUser;
import org.osce.vienna.engine.EngineClock;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.osce.vienna.casefile.FieldErrors;
import org.osce.vienna.casefile.InvalidInputException;
import org.osce.vienna.casefile.Timeline;
import org.osce.vienna.casefile.TimelineEvent;
import org.springframework.stereotype.Component;

/** Completing "Record the meeting outcome": whether it was held, and what came of it. */
@Component
public class ValidateMeetingOutcome implements TaskListener {

  static final int MAX_OUTCOME = 100_000;

  private final Timeline timeline;
  private final CurrentUser currentUser;

  public ValidateMeetingOutcome(Timeline timeline, CurrentUser currentUser) {
    this.timeline = timeline;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    FieldErrors errors = new FieldErrors();
    Boolean held = null;
    try {
      held = CaseVariables.bool(task, MEETING_HELD);
    } catch (InvalidInputException e) {
      errors.addAll(e);
    }
    if (held == null && !errors.has(MEETING_HELD)) {
      errors.add(MEETING_HELD, "is required: was the meeting held?");
    }
    String outcome = null;
    try {
      outcome = CaseVariables.string(task, MEETING_OUTCOME);
    } catch (InvalidInputException e) {
      errors.addAll(e);
    }
    if (outcome == null && !errors.has(MEETING_OUTCOME)) {
      errors.add(MEETING_OUTCOME, "is required: what came of the meeting, or why it was not held");
    } else if (outcome != null && outcome.length() > MAX_OUTCOME) {
      errors.add(MEETING_OUTCOME, "is longer than " + MAX_OUTCOME + " characters");
    }
    errors.throwIfAny("The meeting outcome cannot be recorded");
    timeline.record(CaseVariables.reference(task.getExecution()), EngineClock.now(),
        held ? TimelineEvent.MEETING_HELD : TimelineEvent.MEETING_NOT_HELD, currentUser.id(), outcome);
  }
}
