package org.osce.vienna.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.osce.vienna.casefile.Groups;
import org.osce.vienna.casefile.ParticipatingState;
import org.osce.vienna.casefile.ParticipatingStates;
import org.osce.vienna.engine.ProcessConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates, in every profile, the groups and group authorizations the procedure relies on, the way
 * an administrator would in Camunda Admin. Idempotent: only what is missing is added, so an
 * administrator's later changes to these authorizations are kept.
 *
 * <ul>
 *   <li>{@code delegation-<code>} (officers) and {@code heads-<code>} (heads of delegation): Tasklist,
 *       start a case of the procedure. Which tasks they see comes from the tasks' candidate groups:
 *       the engine grants a candidate group READ, TASK_WORK (claim, complete) and READ_VARIABLE on each
 *       of its tasks, never UPDATE: a task's variables are written only by completing it with its contract. Heads
 *       also start {@code request-bilateral-meeting}: a bilateral meeting in a case of their State; and
 *       {@code withdraw-invocation}: the withdrawal of a case their State leads. Officers and heads start
 *       {@code register-reply}: a reply that came after the wait, in a case their State leads.</li>
 *   <li>{@code managers}: Cockpit and Tasklist, read every case, task and history; change nothing.</li>
 *   <li>{@code camunda-admin}: everything (granted by the engine with the admin user).</li>
 * </ul>
 */
@Component
@Order(0)
public class IdentitySetup extends AbstractCamundaConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(IdentitySetup.class);

  private IdentityService identityService;
  private AuthorizationService authorizationService;
  /** The groups that exist, read once: a restart finds them all and should not ask 115 times. */
  private Map<String, Group> groups;
  /** The grants to groups that exist, by resource and resource id, each read once (a dozen reads, not 400). */
  private final Map<String, Map<String, Authorization>> grants = new HashMap<>();

  /** Runs once the engine is built, before the web applications and the REST API take requests. */
  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    identityService = processEngine.getIdentityService();
    authorizationService = processEngine.getAuthorizationService();
    groups = identityService.createGroupQuery().list().stream().collect(Collectors.toMap(Group::getId, group -> group));
    grants.clear();
    for (ParticipatingState state : ParticipatingStates.all().list()) {
      // "United Kingdom — officers": the State first, so that Tasklist's narrow list of groups shows it whole.
      setUpDelegationGroup(Groups.delegation(state.code()), state.name() + " — officers", "Delegation of " + state.name());
      setUpDelegationGroup(Groups.heads(state.code()), state.name() + " — heads of delegation",
          "Heads of delegation of " + state.name());
      // Heads ask for a bilateral meeting from Tasklist (the start listener checks the case and the State).
      grant(Groups.heads(state.code()), Resources.PROCESS_DEFINITION, ProcessConstants.MEETING_REQUEST_PROCESS_KEY,
          Permissions.READ, Permissions.CREATE_INSTANCE);
      // Heads withdraw an invocation from Tasklist (the start listener lets only the lead's heads through).
      grant(Groups.heads(state.code()), Resources.PROCESS_DEFINITION, ProcessConstants.WITHDRAWAL_PROCESS_KEY,
          Permissions.READ, Permissions.CREATE_INSTANCE);
      // Officers and heads register a reply that came after the wait from Tasklist (the start listener checks
      // that they act for the case's lead delegation).
      grant(Groups.delegation(state.code()), Resources.PROCESS_DEFINITION, ProcessConstants.REPLY_PROCESS_KEY,
          Permissions.READ, Permissions.CREATE_INSTANCE);
      grant(Groups.heads(state.code()), Resources.PROCESS_DEFINITION, ProcessConstants.REPLY_PROCESS_KEY,
          Permissions.READ, Permissions.CREATE_INSTANCE);
    }
    createGroup(Groups.MANAGERS, "Managers (monitoring, read-only)", "WORKFLOW", null);
    grant(Groups.MANAGERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(Groups.MANAGERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    // Variables are read with permissions of their own (enforceSpecificVariablePermission).
    grant(Groups.MANAGERS, Resources.PROCESS_DEFINITION, ANY, Permissions.READ,
        Permissions.READ_HISTORY, Permissions.READ_INSTANCE, Permissions.READ_TASK,
        ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE,
        ProcessDefinitionPermissions.READ_TASK_VARIABLE);
    grant(Groups.MANAGERS, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    grant(Groups.MANAGERS, Resources.TASK, ANY, Permissions.READ, TaskPermissions.READ_VARIABLE);
    grant(Groups.MANAGERS, Resources.DEPLOYMENT, ANY, Permissions.READ);
    grant(Groups.MANAGERS, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
    grant(Groups.MANAGERS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    LOG.info("Identity set up: {} delegation groups, {} heads groups and '{}'",
        ParticipatingStates.all().size(), ParticipatingStates.all().size(), Groups.MANAGERS);
  }

  private void setUpDelegationGroup(String groupId, String name, String formerName) {
    createGroup(groupId, name, "DELEGATION", formerName);
    grant(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    // Start a case: read the procedure's definition (and its start form) and create an instance.
    grant(groupId, Resources.PROCESS_DEFINITION, ProcessConstants.PROCESS_KEY,
        Permissions.READ, Permissions.CREATE_INSTANCE);
    grant(groupId, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
  }

  /**
   * Creates the group; a group of an earlier version that still has the name this class gave it then
   * ({@code formerName}) is renamed. A name an administrator chose is kept.
   */
  private void createGroup(String id, String name, String type, String formerName) {
    Group existing = groups.get(id);
    if (existing != null) {
      if (formerName != null && formerName.equals(existing.getName())) {
        existing.setName(name);
        identityService.saveGroup(existing);
      }
      return;
    }
    Group group = identityService.newGroup(id);
    group.setName(name);
    group.setType(type);
    identityService.saveGroup(group);
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = grantsOn(resource, resourceId).get(groupId);
    Authorization authorization = existing != null ? existing
        : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
    boolean changed = existing == null;
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      grantsOn(resource, resourceId).put(groupId, authorizationService.saveAuthorization(authorization));
      LOG.debug("Granted {} on {} {} to {}", Arrays.toString(permissions), resource.resourceName(),
          resourceId, groupId);
    }
  }

  /** The groups' grants on one resource, by group. */
  private Map<String, Authorization> grantsOn(Resource resource, String resourceId) {
    return grants.computeIfAbsent(resource.resourceName() + "/" + resourceId, key -> authorizationService
        .createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).resourceType(resource).resourceId(resourceId)
        .list().stream().filter(grant -> grant.getGroupId() != null)
        .collect(Collectors.toMap(Authorization::getGroupId, grant -> grant, (first, second) -> first, HashMap::new)));
  }
}
