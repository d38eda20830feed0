package org.osce.vienna.response;

import static org.osce.vienna.engine.ProcessConstants.REPLY_SEQ;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_RECEIVED_AT;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_REFERENCE;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_SUMMARY;

import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.casefile.Replies;
import org.osce.vienna.casefile.Timeline;
import org.osce.vienna.casefile.TimelineEvent;
import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.engine.CurrentUser;
import org.osce.vienna.engine.EngineClock;
import org.osce.vienna.engine.InputValues;
import org.springframework.stereotype.Component;

/**
 * "Reply received after the wait" (message {@code FurtherResponseReceived}): checks the reply in the correlating
 * transaction, so a bad one is refused to its sender, and registers it as the case's next reply. Its particulars
 * become local to this "Reply after the wait", where its recording and assessment read them, and are taken off
 * the scope the message set them on, so they never stand for another reply.
 */
@Component
public class RegisterFurtherReply implements ExecutionListener {

  private static final List<String> PARTICULARS = List.of(RESPONSE_RECEIVED_AT, RESPONSE_REFERENCE, RESPONSE_SUMMARY);

  private final CaseRecords cases;
  private final Replies replies;
  private final Timeline timeline;
  private final CurrentUser currentUser;

  public RegisterFurtherReply(CaseRecords cases, Replies replies, Timeline timeline, CurrentUser currentUser) {
    this.cases = cases;
    this.replies = replies;
    this.timeline = timeline;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String reference = CaseVariables.reference(execution);
    Instant now = EngineClock.now();
    ResponseInput reply = ResponseInput.read(InputValues.of(execution), cases.get(reference).deliveredAt(), now);
    // The case API and "Register a reply" accept the same reply again without passing it on; anything that
    // correlates this message directly is held to the same rule.
    replies.same(reference, reply.receivedAt(), reply.reference(), reply.summary()).ifPresent(same -> {
      throw ResponseInput.RECEIVED_AT.refusal(ResponseInput.REFUSED, "is that of a reply already registered in case "
          + reference + ": a reply is registered once");
    });
    ExecutionEntity own = (ExecutionEntity) execution;
    for (ExecutionEntity scope = own.getParent(); scope != null && !scope.isProcessInstanceExecution();
        scope = scope.getParent()) {
      scope.removeVariablesLocal(PARTICULARS);
    }
    int seq = replies.register(reference, reply.receivedAt(), reply.reference(), reply.summary(), now);
    execution.setVariableLocal(REPLY_SEQ, seq);
    execution.setVariableLocal(RESPONSE_RECEIVED_AT, CaseVariables.dateValue(reply.receivedAt()));
    execution.setVariableLocal(RESPONSE_REFERENCE, reply.reference());
    execution.setVariableLocal(RESPONSE_SUMMARY, reply.summary());
    timeline.record(reference, now, TimelineEvent.RESPONSE_REGISTERED, currentUser.id(),
        seq == 1 ? "after the wait was closed" : "supplementary reply (" + ordinal(seq) + " reply)");
  }

  /** "2nd", "3rd", "11th": how the timeline counts the replies. */
  static String ordinal(int n) {
    int lastTwo = n % 100;
    String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th" : switch (n % 10) {
      case 1 -> "st";
      case 2 -> "nd";
      case 3 -> "rd";
      default -> "th";
    };
    return n + suffix;
  }
}
