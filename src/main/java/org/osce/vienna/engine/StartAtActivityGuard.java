package org.osce.vienna.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.stereotype.Component;

/**
 * Only administrators start a case in the middle of the procedure. The engine lets whoever may create
 * an instance also start it at any activity with {@code startInstructions}, skipping the start listener
 * that checks who leads the case, and the draft and its approval: a delegation could open another
 * delegation's case at sign-off. A start at an activity is a repair, so it is the administrators'.
 */
@Component
public class StartAtActivityGuard extends AbstractCamundaConfiguration {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    interceptors.add(new Guard(configuration));
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  static class Guard extends CommandInterceptor {

    private final ProcessEngineConfigurationImpl configuration;

    Guard(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
      if (command instanceof StartProcessInstanceAtActivitiesCmd && !byAdministratorOrEngine()) {
        throw new AuthorizationException("Only administrators start a process instance at an activity"
            + " (startInstructions): a case starts at its start event, where its start data is checked");
      }
      return next.execute(command);
    }

    private boolean byAdministratorOrEngine() {
      IdentityService identity = configuration.getIdentityService();
      Authentication authentication = identity.getCurrentAuthentication();
      return authentication == null || authentication.getUserId() == null
          || (authentication.getGroupIds() != null && authentication.getGroupIds().contains(Groups.CAMUNDA_ADMIN))
          || configuration.getAdminUsers().contains(authentication.getUserId());
    }
  }
}
