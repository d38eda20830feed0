package org.osce.vienna.api;

import static org.osce.vienna.engine.ProcessConstants.ADDRESSEE_STATE;
import static org.osce.vienna.engine.ProcessConstants.INVITED_DELEGATIONS;
import static org.osce.vienna.engine.ProcessConstants.LEAD_DELEGATION;
import static org.osce.vienna.engine.ProcessConstants.LETTER;
import static org.osce.vienna.engine.ProcessConstants.SIGN_OFF_DUE_AT;
import static org.osce.vienna.engine.ProcessConstants.SUBJECT;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.camunda.spin.plugin.variable.SpinValues;
import org.osce.vienna.drafting.StartInput;
import org.osce.vienna.engine.ProcessConstants;
import org.osce.vienna.engine.TrustedCorrelation;
import org.springframework.stereotype.Component;

/** What the case API asks of the engine: start a case, correlate a message; always as the calling user. */
@Component
public class CaseCommands {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final TrustedCorrelation correlation;

  public CaseCommands(ProcessEngine engine, TrustedCorrelation correlation) {
    this.runtimeService = engine.getRuntimeService();
    this.identityService = engine.getIdentityService();
    this.correlation = correlation;
  }

  /**
   * Starts the case as the caller, so the engine's authorizations apply (a manager may not start one)
   * and the start listener reads the start as Tasklist's start form does: its checks, that the caller
   * belongs to the lead delegation, and that the reference is free. With the codes as read, the letter as sent.
   */
  public void start(ApiCaller caller, StartInput start, StartCaseRequest request) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(LEAD_DELEGATION, start.leadDelegation());
    variables.put(ADDRESSEE_STATE, start.addresseeState());
    variables.put(SUBJECT, start.subject());
    if (start.letter() != null) {
      variables.put(LETTER, SpinValues.jsonValue(request.letter().toString()).create());
    }
    if (start.invited() != null) {
      variables.put(INVITED_DELEGATIONS, SpinValues.jsonValue(json(start.invited())).create());
    }
    if (start.signOffDueAt() != null) {
      variables.put(SIGN_OFF_DUE_AT, request.signOffDueAt().strip());
    }
    asCaller(caller, () -> runtimeService.createProcessInstanceByKey(ProcessConstants.PROCESS_KEY)
        .businessKey(start.reference()).setVariables(variables).execute());
  }

  /**
   * Correlates a message to the case, recorded as the caller's. The case API has already decided that
   * the caller may (she acts for the lead delegation, or asks in her own State's name); the engine's
   * process-instance permissions, which delegation groups do not hold, are therefore not checked again.
   */
  public void correlate(ApiCaller caller, String message, String reference, Map<String, Object> variables) {
    correlate(caller, message, reference, builder -> builder.setVariables(variables));
  }

  /** As {@link #correlate(ApiCaller, String, String, Map)}, the message's variables set by {@code payload}. */
  public void correlate(ApiCaller caller, String message, String reference,
      UnaryOperator<MessageCorrelationBuilder> payload) {
    asCaller(caller, () -> correlation.correlate(message, reference, payload));
  }

  /** Whether the case's process waits for this message now (so a refusal need not go through the engine). */
  public boolean waitsFor(String processInstanceId, String message) {
    return processInstanceId != null && runtimeService.createEventSubscriptionQuery()
        .processInstanceId(processInstanceId).eventType("message").eventName(message).count() > 0;
  }

  /** Does {@code action} as the caller, so the engine's authorizations apply to her and she is recorded. */
  public <T> T asCaller(ApiCaller caller, Supplier<T> action) {
    identityService.setAuthentication(caller.userId(), caller.groupIds());
    try {
      return action.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
