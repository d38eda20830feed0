package org.osce.vienna.api;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.casefile.CaseRecords.CaseRecord;
import org.osce.vienna.casefile.Replies;
import org.osce.vienna.response.ReplyMessages;
import org.osce.vienna.response.ResponseInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers a reply reported over the case API exactly once: the same reply sent again (a retry, or two calls at
 * the same moment) is accepted without being registered twice. A different one is registered too: while the case
 * waits for the response it ends the wait; after it (closed as "no response", a reply already registered, the
 * follow-up under way) it is a late or supplementary reply ({@link ReplyMessages} says which message takes it).
 */
@Component
class ResponseRegistration {

  private static final Logger LOG = LoggerFactory.getLogger(ResponseRegistration.class);

  /**
   * A report is tried this often when the engine finds the case changed under it. That happens when the
   * reply's deadline fires at the same moment: the timer adds the branch that records the miss beside the
   * waiting task, so the case still waits for the reply, and the report goes through when tried again.
   */
  private static final int ATTEMPTS = 5;
  private static final long PAUSE_MILLIS = 50;

  private final CaseRecords cases;
  private final Replies replies;
  private final ReplyMessages replyMessages;
  private final CaseCommands commands;
  private final TransactionTemplate transactions;

  ResponseRegistration(CaseRecords cases, Replies replies, ReplyMessages replyMessages, CaseCommands commands,
      TransactionTemplate transactions) {
    this.cases = cases;
    this.replies = replies;
    this.replyMessages = replyMessages;
    this.commands = commands;
    this.transactions = transactions;
  }

  /** Registers the (already read) reply, or accepts it as one already registered. */
  void register(ApiCaller caller, String reference, ResponseInput response) {
    for (int attempt = 1; ; attempt++) {
      try {
        registerOnce(caller, reference, response);
        return;
      } catch (OptimisticLockingException e) {
        if (attempt == ATTEMPTS) {
          refuseUnlessRegistered(reference, response);
          return;
        }
        LOG.info("Case {} changed while its response was being registered ({}); trying again", reference,
            e.getMessage());
        pause(attempt * PAUSE_MILLIS);
      } catch (MismatchingMessageCorrelationException e) {
        // An officer registered a response in Tasklist at the same moment (that path takes no case lock).
        refuseUnlessRegistered(reference, response);
        return;
      }
    }
  }

  private void registerOnce(ApiCaller caller, String reference, ResponseInput response) {
    transactions.executeWithoutResult(transaction -> {
      // Two reports of one case wait for each other here, so the second sees what the first registered
      // instead of racing it through the engine (where it would fail on the engine's or our tables).
      cases.lock(reference);
      CaseRecord c = cases.get(reference);
      if (alreadyRegistered(c, response)) {
        return;
      }
      String message = replyMessages.takenNow(c.processInstanceId()).orElseThrow(() -> notWaitingForResponse(c));
      commands.correlate(caller, message, reference,
          correlation -> ReplyMessages.carrying(correlation, message, response));
    });
  }

  private void refuseUnlessRegistered(String reference, ResponseInput response) {
    if (!alreadyRegistered(cases.get(reference), response)) {
      throw notWaitingForResponse(cases.get(reference));
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while registering a response", e);
    }
  }

  /** Whether this very reply is one already registered (a retry). */
  private boolean alreadyRegistered(CaseRecord c, ResponseInput response) {
    return replies.same(c.reference(), response.receivedAt(), response.reference(), response.summary()).isPresent();
  }

  private static CaseApiException notWaitingForResponse(CaseRecord c) {
    String detail = switch (c.status()) {
      case DRAFTING, SIGN_OFF, DELIVERY -> "The letter of case " + c.reference() + " has not been delivered yet"
          + " (status " + c.status() + "): the response is awaited once it is";
      case CLOSED -> "Case " + c.reference() + " is closed";
      case WITHDRAWN -> "Case " + c.reference() + " was withdrawn";
      default -> "Case " + c.reference() + " takes no reply at the moment (status " + c.status()
          + "); if its letter was just delivered, try again in a few seconds";
    };
    return CaseApiException.conflict("Not waiting for a response", detail).with("caseStatus", c.status());
  }
}
