package org.osce.vienna.response;

import static org.osce.vienna.engine.ProcessConstants.MESSAGE_FURTHER_RESPONSE_RECEIVED;
import static org.osce.vienna.engine.ProcessConstants.MESSAGE_RESPONSE_RECEIVED;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_RECEIVED_AT;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_REFERENCE;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_SUMMARY;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.osce.vienna.engine.CaseVariables;
import org.springframework.stereotype.Component;

/**
 * Which message takes a reply into its case now, and with what. While the case waits for the response
 * ("Register the response" open) it is {@code ResponseReceived}, which ends the wait; once the wait is over (closed
 * as "no response", or a reply registered) it is {@code FurtherResponseReceived}, which starts "Reply after the
 * wait" beside whatever the case is doing. Both are subscribed while the case waits, so a reply is always
 * correlated here, by name, to the one that applies: never two subscriptions for one reply.
 */
@Component
public class ReplyMessages {

  private static final List<String> IN_ORDER = List.of(MESSAGE_RESPONSE_RECEIVED, MESSAGE_FURTHER_RESPONSE_RECEIVED);

  private final RuntimeService runtimeService;

  public ReplyMessages(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  /** The message the case takes a reply with now; empty when it takes none (not delivered yet, or closed). */
  public Optional<String> takenNow(String processInstanceId) {
    if (processInstanceId == null) {
      return Optional.empty();
    }
    return IN_ORDER.stream().filter(name -> runtimeService.createEventSubscriptionQuery()
        .processInstanceId(processInstanceId).eventType("message").eventName(name).count() > 0).findFirst();
  }

  /**
   * Passes a reply to the case (by business key) with the message the case takes it with now, as the engine's
   * own user (a step of the case's, or of "Register a reply"); false when the case takes no reply now.
   */
  public boolean pass(String reference, String processInstanceId, ResponseInput reply) {
    Optional<String> message = takenNow(processInstanceId);
    message.ifPresent(name -> carrying(runtimeService.createMessageCorrelation(name)
        .processInstanceBusinessKey(reference), name, reply).correlate());
    return message.isPresent();
  }

  /**
   * The reply as the message carries it: as the case's variables when it ends the wait (as the first edition
   * did), local to the scope that takes a further reply, so that one reply never overwrites another's
   * particulars ({@link RegisterFurtherReply} moves them into its own "Reply after the wait").
   */
  public static MessageCorrelationBuilder carrying(MessageCorrelationBuilder correlation, String message,
      ResponseInput reply) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(RESPONSE_RECEIVED_AT, CaseVariables.dateValue(reply.receivedAt()));
    variables.put(RESPONSE_REFERENCE, reply.reference());
    variables.put(RESPONSE_SUMMARY, reply.summary());
    return MESSAGE_FURTHER_RESPONSE_RECEIVED.equals(message) ? correlation.setVariablesLocal(variables)
        : correlation.setVariables(variables);
  }
}
