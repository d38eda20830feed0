package org.osce.vienna.api;

import static org.osce.vienna.engine.ProcessConstants.MESSAGE_RESPONSE_RECEIVED;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_RECEIVED_AT;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_REFERENCE;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_SUMMARY;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.casefile.CaseRecords.CaseRecord;
import org.osce.vienna.casefile.ResponseStatus;
import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.response.ResponseInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers a response reported over the case API exactly once: the same response sent again (a
 * retry, or two calls at the same moment) is accepted without being registered twice; a different
 * one, once a response is registered, is a conflict.
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
  private final CaseCommands commands;
  private final RuntimeService runtimeService;
  private final TransactionTemplate transactions;

  ResponseRegistration(CaseRecords cases, CaseCommands commands, RuntimeService runtimeService,
      TransactionTemplate transactions) {
    this.cases = cases;
    this.commands = commands;
    this.runtimeService = runtimeService;
    this.transactions = transactions;
  }

  /** Registers the (already read) response, or accepts it as the one already registered. */
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
      if (!commands.waitsFor(c.processInstanceId(), MESSAGE_RESPONSE_RECEIVED)) {
        throw notWaitingForResponse(c);
      }
      commands.correlate(caller, MESSAGE_RESPONSE_RECEIVED, reference, variables(response));
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

  private static Map<String, Object> variables(ResponseInput response) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(RESPONSE_RECEIVED_AT, CaseVariables.dateValue(response.receivedAt()));
    variables.put(RESPONSE_REFERENCE, response.reference());
    variables.put(RESPONSE_SUMMARY, response.summary());
    return variables;
  }

  /** Whether this very response is the one already registered (a retry); 409 when another one is. */
  private boolean alreadyRegistered(CaseRecord c, ResponseInput response) {
    Registered registered = registered(c);
    if (registered == null) {
      return false;
    }
    if (registered.receivedAt().equals(response.receivedAt())
        && Objects.equals(registered.reference(), response.reference())
        && Objects.equals(registered.summary(), response.summary())) {
      return true;
    }
    throw CaseApiException.conflict("Response already registered", "A response to case " + c.reference()
            + " was already registered: received at " + registered.receivedAt()
            + (registered.reference() == null ? "" : ", reference " + registered.reference())
            + ". A response is registered once")
        .with("caseStatus", c.status()).with("registeredReceivedAt", registered.receivedAt().toString())
        .with("registeredResponseReference", registered.reference());
  }

  private record Registered(Instant receivedAt, String reference, String summary) {
  }

  /** The response registered in the case: recorded in vm_case, or registered and not yet recorded. */
  private Registered registered(CaseRecord c) {
    if (c.responseStatus() == ResponseStatus.ON_TIME || c.responseStatus() == ResponseStatus.LATE) {
      return new Registered(c.responseReceivedAt(), blankToNull(c.responseReference()),
          blankToNull(c.responseSummary()));
    }
    if (c.responseStatus() != ResponseStatus.PENDING || c.processInstanceId() == null) {
      return null;
    }
    Map<String, Object> values = new HashMap<>();
    for (VariableInstance variable : runtimeService.createVariableInstanceQuery()
        .processInstanceIdIn(c.processInstanceId())
        .variableNameIn(RESPONSE_RECEIVED_AT, RESPONSE_REFERENCE, RESPONSE_SUMMARY).list()) {
      values.put(variable.getName(), variable.getValue());
    }
    // The response listeners turn responseReceivedAt into a Date once the response is registered.
    if (values.get(RESPONSE_RECEIVED_AT) instanceof Date date) {
      return new Registered(date.toInstant(), blankToNull((String) values.get(RESPONSE_REFERENCE)),
          blankToNull((String) values.get(RESPONSE_SUMMARY)));
    }
    return null;
  }

  private static CaseApiException notWaitingForResponse(CaseRecord c) {
    String detail = switch (c.status()) {
      case DRAFTING, SIGN_OFF, DELIVERY -> "The letter of case " + c.reference() + " has not been delivered yet"
          + " (status " + c.status() + "): the response is awaited once it is";
      case CLOSED -> "Case " + c.reference() + " is closed";
      case WITHDRAWN -> "Case " + c.reference() + " was withdrawn";
      default -> c.responseStatus() == ResponseStatus.NONE
          ? "The wait for a response in case " + c.reference() + " was closed as \"no response received\""
          : "Case " + c.reference() + " is not waiting for a response at the moment (status " + c.status()
              + "); if its letter was just delivered, try again in a few seconds";
    };
    return CaseApiException.conflict("Not waiting for a response", detail).with("caseStatus", c.status());
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
