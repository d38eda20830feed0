package org.osce.vienna.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.osce.vienna.casefile.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * A listener's refusal of a user's input stays what it is: the user's mistake. The engine wraps whatever a
 * task or execution listener throws into a {@link ProcessEngineException} of its own ("ENGINE-03051 There
 * was an exception while invoking the TaskListener …"), which it then logs as an error with its stack trace
 * and which REST callers see as engine text. Inside the command, before the engine closes it, this passes
 * on the {@link InvalidInputException} itself: the engine logs a bad user request at debug level, and
 * callers get its message. The command fails and rolls back as before.
 */
@Component
public class RefusalsUnwrapped extends AbstractCamundaConfiguration {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
    interceptors.add(new Unwrap());
    configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
  }

  static class Unwrap extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (ProcessEngineException wrapped) {
        for (Throwable cause = wrapped.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
          if (cause instanceof InvalidInputException refusal) {
            throw refusal;
          }
        }
        throw wrapped;
      }
    }
  }
}
