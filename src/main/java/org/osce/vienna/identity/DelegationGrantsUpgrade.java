package org.osce.vienna.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.osce.vienna.casefile.Groups;
import org.osce.vienna.casefile.ParticipatingState;
import org.osce.vienna.casefile.ParticipatingStates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Takes back, at start, the UPDATE that the first edition granted delegations on the tasks and cases
 * that were open when it was replaced: on a task it let a co-signer rewrite the lead's letter, on a
 * case it let the lead skip its heads' approval. A task's candidates keep what the engine grants new
 * tasks now: READ, TASK_WORK and READ_VARIABLE. Idempotent: a database without such grants is left as it is.
 */
@Component
@Order(2)
public class DelegationGrantsUpgrade extends AbstractCamundaConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(DelegationGrantsUpgrade.class);

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    AuthorizationService authorizations = processEngine.getAuthorizationService();
    String[] groups = ParticipatingStates.all().list().stream().map(ParticipatingState::code)
        .flatMap(code -> Stream.of(Groups.delegation(code), Groups.heads(code)))
        .toArray(String[]::new);
    int tasks = revokeUpdate(authorizations, groups, Resources.TASK);
    int cases = revokeUpdate(authorizations, groups, Resources.PROCESS_INSTANCE);
    if (tasks + cases > 0) {
      LOG.info("Took back UPDATE from delegations on {} open tasks and {} cases", tasks, cases);
    }
  }

  private static int revokeUpdate(AuthorizationService authorizations, String[] groups, Resource resource) {
    int changed = 0;
    for (Authorization grant : authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(groups).resourceType(resource).hasPermission(Permissions.UPDATE).list()) {
      grant.removePermission(Permissions.UPDATE);
      if (resource == Resources.TASK) {
        grant.addPermission(Permissions.TASK_WORK);
        grant.addPermission(TaskPermissions.READ_VARIABLE);
      }
      authorizations.saveAuthorization(grant);
      changed++;
    }
    return changed;
  }
}
