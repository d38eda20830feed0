package org.osce.vienna.engine;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.osce.vienna.casefile.Groups;
import org.springframework.stereotype.Component;

/**
 * The lead delegation's right on its own case: to read its process instance, granted per case. Never
 * UPDATE: with it the lead could move the case past its heads' approval, set any variable or suspend
 * the case. The lead reports the response through the contract's message or the case API, which check
 * who may report what ({@code api.CaseMessages}).
 */
@Component
public class CaseAccess {

  private final AuthorizationService authorizationService;

  public CaseAccess(AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
  }

  /**
   * Called while the case starts; the starter may not create authorizations herself, the application does.
   * Outside the engine's commands (a recorded case, started by the application with no user authenticated)
   * there is no one whose authorizations would be checked.
   */
  public void grantToLead(String processInstanceId, String leadDelegation) {
    CommandContext context = Context.getCommandContext();
    if (context == null) {
      save(processInstanceId, leadDelegation);
      return;
    }
    context.runWithoutAuthorization(() -> {
      save(processInstanceId, leadDelegation);
      return null;
    });
  }

  private void save(String processInstanceId, String leadDelegation) {
    Authorization grant = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
    grant.setGroupId(Groups.delegation(leadDelegation));
    grant.setResource(Resources.PROCESS_INSTANCE);
    grant.setResourceId(processInstanceId);
    grant.addPermission(Permissions.READ);
    authorizationService.saveAuthorization(grant);
  }
}
