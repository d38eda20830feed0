package org.osce.vienna.engine;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Correlates a message to a case by business key once the application's own rules have decided that the acting
 * user may send it (she acts for the lead, asks in her own State's name, or changes her own signature). The
 * engine's process-instance permissions, which delegation groups do not hold, are therefore not checked again;
 * the acting user stays the one recorded. In the caller's transaction, so what she changed and what the
 * process did with it commit together or not at all.
 */
@Component
public class TrustedCorrelation {

  /** Tries of a correlation that meets a concurrent change of the case. */
  static final int ATTEMPTS = 3;

  private final RuntimeService runtimeService;
  private final ProcessEngineConfigurationImpl configuration;

  public TrustedCorrelation(ProcessEngine engine) {
    this.runtimeService = engine.getRuntimeService();
    this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  public MessageCorrelationResult correlate(String message, String reference, Map<String, Object> variables) {
    return correlate(message, reference, builder -> builder.setVariables(variables));
  }

  /** As {@link #correlate(String, String, Map)}, the message's variables set by {@code payload} (local ones, say). */
  public MessageCorrelationResult correlate(String message, String reference,
      UnaryOperator<MessageCorrelationBuilder> payload) {
    for (int attempt = 1; ; attempt++) {
      try {
        return correlateOnce(message, reference, payload);
      } catch (OptimisticLockingException e) {
        // A job of the case (a reply after the wait being recorded, a timer) changed its executions at the same
        // moment. The correlation is all or nothing, so it is tried again, as the job executor retries its
        // jobs; inside a caller's transaction it cannot be (that transaction is spoilt), and the caller decides.
        if (attempt == ATTEMPTS || TransactionSynchronizationManager.isActualTransactionActive()) {
          throw e;
        }
        sleep(attempt * 100L);
      }
    }
  }

  private MessageCorrelationResult correlateOnce(String message, String reference,
      UnaryOperator<MessageCorrelationBuilder> payload) {
    return configuration.getCommandExecutorTxRequired().execute((CommandContext context) -> {
      context.disableAuthorizationCheck();
      try {
        return payload.apply(runtimeService.createMessageCorrelation(message).processInstanceBusinessKey(reference))
            .correlateWithResult();
      } finally {
        context.enableAuthorizationCheck();
      }
    });
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while correlating", e);
    }
  }

  /** Whether the case's process waits for this message now, whoever may read it. */
  public boolean waitsFor(String processInstanceId, String message) {
    return processInstanceId != null && configuration.getCommandExecutorTxRequired().execute(
        (CommandContext context) -> context.runWithoutAuthorization(() -> runtimeService.createEventSubscriptionQuery()
            .processInstanceId(processInstanceId).eventType("message").eventName(message).count() > 0));
  }
}
