package org.osce.vienna.engine;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Who is acting: the user logged in to Tasklist or calling REST; nobody when the job executor runs a step. */
@Component
public class CurrentUser {

  private final IdentityService identityService;

  public CurrentUser(IdentityService identityService) {
    this.identityService = identityService;
  }

  public String id() {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  /** Whether the acting user may act for a State's delegation; the engine itself and the admins always may. */
  public boolean mayActFor(String stateCode) {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      return true;
    }
    var groups = authentication.getGroupIds();
    return groups != null && (groups.contains(Groups.CAMUNDA_ADMIN)
        || groups.contains(org.osce.vienna.casefile.Groups.delegation(stateCode)));
  }
}
