package org.osce.vienna.response;

import static org.osce.vienna.engine.ProcessConstants.CASE_LABEL;
import static org.osce.vienna.engine.ProcessConstants.REFERENCE;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_RECEIVED_AT;

import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.casefile.CaseRecords.CaseRecord;
import org.osce.vienna.casefile.CaseStatus;
import org.osce.vienna.casefile.DateTimes;
import org.osce.vienna.casefile.Groups;
import org.osce.vienna.casefile.Replies;
import org.osce.vienna.casefile.Timeline;
import org.osce.vienna.casefile.TimelineEvent;
import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.engine.EngineClock;
import org.osce.vienna.engine.InputContracts;
import org.osce.vienna.engine.InputValues;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code register-reply}: checks an officer's or head's reply in the transaction that submits
 * it, so a reply that the case cannot take is refused with its reason (a sentence in Tasklist) and creates
 * nothing. Only the lead delegation (its officers and heads) and administrators register a case's replies; a case
 * of another delegation is answered as one that does not exist.
 */
@Component
public class CheckReply implements ExecutionListener {

  static final String REFUSED = ResponseInput.REFUSED;

  private final CaseRecords cases;
  private final Replies replies;
  private final ReplyMessages replyMessages;
  private final Timeline timeline;
  private final IdentityService identityService;

  public CheckReply(CaseRecords cases, Replies replies, ReplyMessages replyMessages, Timeline timeline,
      IdentityService identityService) {
    this.cases = cases;
    this.replies = replies;
    this.replyMessages = replyMessages;
    this.timeline = timeline;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateExecution execution) {
    InputContracts.checkStartVariables(execution, ResponseInput.TASKLIST_START, REFUSED);
    String reference = execution.getProcessBusinessKey() != null ? execution.getProcessBusinessKey()
        : CaseVariables.string(execution, REFERENCE);
    if (reference == null) {
      throw ResponseInput.CASE_REFERENCE.refusal(REFUSED, "is required (the case's reference)");
    }
    Authentication user = identityService.getCurrentAuthentication();
    CaseRecord c = cases.find(reference).orElse(null);
    if (c == null || !actsForLead(user, c.leadDelegation())) {
      throw ResponseInput.CASE_REFERENCE.refusal(REFUSED, "'" + reference + "' names no case that your delegation"
          + " leads: check the reference");
    }
    if (c.status() == CaseStatus.CLOSED) {
      throw ResponseInput.CASE_REFERENCE.refusal(REFUSED, "names case " + reference + ", which is closed");
    }
    if (c.deliveredAt() == null) {
      throw ResponseInput.CASE_REFERENCE.refusal(REFUSED, "names case " + reference
          + ", whose letter has not been delivered yet: a reply is registered once it is");
    }
    if (Context.getCommandContext().runWithoutAuthorization(() -> replyMessages.takenNow(c.processInstanceId()))
        .isEmpty()) {
      // Delivered a moment ago: the steps after the delivery are still running.
      throw ResponseInput.CASE_REFERENCE.refusal(REFUSED, "names case " + reference
          + ", which takes no reply at this moment: try again in a minute");
    }
    Instant now = EngineClock.now();
    ResponseInput reply = ResponseInput.read(InputValues.of(execution), c.deliveredAt(), now);
    replies.same(reference, reply.receivedAt(), reply.reference(), reply.summary()).ifPresent(same -> {
      throw ResponseInput.RECEIVED_AT.refusal(REFUSED, "is that of a reply already registered in case " + reference
          + " (received " + DateTimes.shown(same.receivedAt()) + "): a reply is registered once");
    });

    execution.setProcessBusinessKey(reference);
    execution.setVariable(REFERENCE, reference);
    execution.setVariable(RESPONSE_RECEIVED_AT, CaseVariables.dateValue(reply.receivedAt()));
    execution.setVariable(CASE_LABEL, CaseVariables.caseLabel(reference, c.addresseeState()));
    timeline.record(reference, now, TimelineEvent.REPLY_SUBMITTED, user == null ? null : user.getUserId(),
        "received " + DateTimes.shown(reply.receivedAt()));
  }

  private static boolean actsForLead(Authentication user, String lead) {
    List<String> groups = user == null || user.getGroupIds() == null ? List.of() : user.getGroupIds();
    return user == null || groups.contains(Groups.ADMINS) || groups.contains(Groups.delegation(lead))
        || groups.contains(Groups.heads(lead));
  }
}
