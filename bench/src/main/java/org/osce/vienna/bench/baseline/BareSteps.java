package org.osce.vienna.bench.baseline;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/** The few values the bare model needs to go on, each the simplest form of what the application computes. */
@Component("bare")
public class BareSteps {

  public List<String> invited(DelegateExecution execution) {
    SpinJsonNode invited = (SpinJsonNode) execution.getVariable("invitedDelegations");
    return invited.elements().stream().map(SpinJsonNode::stringValue).toList();
  }

  public Date responseDueAt(DelegateExecution execution) {
    OffsetDateTime deliveredAt = OffsetDateTime.parse((String) execution.getVariable("deliveredAt"));
    return Date.from(deliveredAt.plus(Duration.ofDays(10)).toInstant());
  }

  public boolean includesMeeting(DelegateExecution execution) {
    return execution.getVariable("followUpActions").toString().contains("BILATERAL_MEETING");
  }
}
