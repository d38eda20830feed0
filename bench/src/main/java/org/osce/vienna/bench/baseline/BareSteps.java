package org.osce.vienna.bench.baseline;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * The few values the bare model needs to go on, each the simplest form of what the application computes:
 * the round's collection, the timers' dates (the sign-off reminder, the reply deadline and its reminder)
 * and the follow-up's flag.
 */
@Component("bare")
public class BareSteps {

  public List<String> invited(DelegateExecution execution) {
    SpinJsonNode invited = (SpinJsonNode) execution.getVariable("invitedDelegations");
    return invited.elements().stream().map(SpinJsonNode::stringValue).toList();
  }

  /** In place of opening the sign-off round: the reminder a day before the sign-off deadline. */
  public boolean roundOpened(DelegateExecution execution) {
    OffsetDateTime dueAt = OffsetDateTime.parse((String) execution.getVariable("signOffDueAt"));
    execution.setVariable("signOffReminderAt", Date.from(dueAt.minus(Duration.ofDays(1)).toInstant()));
    return true;
  }

  /**
   * In place of recording the delivery (and of its form's check): the reply due ten days later, its reminder the
   * morning before; which announcements were chosen.
   */
  public boolean delivered(DelegateExecution execution) {
    String announcements = String.valueOf(execution.getVariable("announcements"));
    execution.setVariable("participatingStatesToBeInformed", announcements.contains("INFORM_PARTICIPATING_STATES"));
    execution.setVariable("councilStatementToBeRecorded", announcements.contains("PERMANENT_COUNCIL_STATEMENT"));
    OffsetDateTime deliveredAt = OffsetDateTime.parse((String) execution.getVariable("deliveredAt"));
    OffsetDateTime dueAt = deliveredAt.plus(Duration.ofDays(10));
    execution.setVariable("responseDueAt", Date.from(dueAt.toInstant()));
    execution.setVariable("responseReminderAt", Date.from(dueAt.minus(Duration.ofHours(12)).toInstant()));
    return true;
  }

  /** In place of recording the follow-up: whether it asks for a bilateral meeting. */
  public boolean followUpRecorded(DelegateExecution execution) {
    execution.setVariable("followUpIncludesMeeting",
        execution.getVariable("followUpActions").toString().contains("BILATERAL_MEETING"));
    return true;
  }
}
