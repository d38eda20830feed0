package org.osce.vienna.response;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.casefile.CaseRecords.CaseRecord;
import org.osce.vienna.casefile.Replies;
import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.engine.EngineClock;
import org.osce.vienna.engine.InputValues;
import org.springframework.stereotype.Component;

/**
 * Passes a reply submitted in Tasklist to its case, with the message the case takes it with now
 * ({@link ReplyMessages}): {@code ResponseReceived} while it waits for the response, otherwise as a reply after the
 * wait. The case's own listener checks it once more. Nothing twice: a reply registered meanwhile (the same one,
 * sent by a system) is left as it is. A case closed meanwhile takes none: the step fails, an incident.
 */
@Component
public class PassReplyToCase implements JavaDelegate {

  private final CaseRecords cases;
  private final Replies replies;
  private final ReplyMessages replyMessages;

  public PassReplyToCase(CaseRecords cases, Replies replies, ReplyMessages replyMessages) {
    this.cases = cases;
    this.replies = replies;
    this.replyMessages = replyMessages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = CaseVariables.reference(execution);
    // As the case API does: replies to one case take turns, so the same one is never registered twice.
    cases.lock(reference);
    CaseRecord c = cases.get(reference);
    ResponseInput reply = ResponseInput.read(InputValues.of(execution), c.deliveredAt(), EngineClock.now());
    if (replies.same(reference, reply.receivedAt(), reply.reference(), reply.summary()).isPresent()) {
      return;
    }
    if (!replyMessages.pass(reference, c.processInstanceId(), reply)) {
      throw new IllegalStateException("Case " + reference + " takes no reply now (status " + c.status()
          + "): the reply submitted in Tasklist was not passed to it");
    }
  }
}
