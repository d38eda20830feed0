package org.osce.vienna.process;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.context.Context;
import org.osce.vienna.identity.Groups;
import org.springframework.stereotype.Component;

/**
 * The lead delegation's rights on its own case: read it, and update it, which is what a ministry's
 * system needs to report the response over {@code /engine-rest} (correlating {@code ResponseReceived}).
 * Granted per case, so no delegation can touch another's case.
 */
@Component
public class CaseAccess {

  private final AuthorizationService authorizationService;

  public CaseAccess(AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
  }

  /** Called while the case starts; the starter may not create authorizations herself, the application does. */
  public void grantToLead(String processInstanceId, String leadDelegation) {
    Context.getCommandContext().runWithoutAuthorization(() -> {
      Authorization grant = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      grant.setGroupId(Groups.delegation(leadDelegation));
      grant.setResource(Resources.PROCESS_INSTANCE);
      grant.setResourceId(processInstanceId);
      grant.addPermission(Permissions.READ);
      grant.addPermission(Permissions.UPDATE);
      authorizationService.saveAuthorization(grant);
      return null;
    });
  }
}
