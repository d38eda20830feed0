package org.osce.vienna.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.osce.vienna.casefile.Groups;
import org.osce.vienna.casefile.ParticipatingState;
import org.osce.vienna.casefile.ParticipatingStates;
import org.osce.vienna.engine.ProcessConstants;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters of every profile, each shown only to the groups it is for: officers and
 * heads of delegation get their own and their delegation's tasks and what is due soon; managers get
 * the cases awaiting a response and the overdue ones; administrators all open tasks. The task list shows the case, the addressee
 * and the deadline of each task (the columns are copies on each task, see {@code TaskLabelling}, so
 * a delegation that may read only its tasks sees them). Idempotent: an existing filter of the same
 * name is left as it is.
 */
@Component
@Order(5) // after IdentitySetup has created the groups
public class TasklistFilters extends AbstractCamundaConfiguration {

  static final String MY_TASKS = "My tasks";
  static final String MY_DELEGATION = "My delegation's tasks";
  static final String DUE_SOON = "Due within 3 days";
  static final String AWAITING_RESPONSE = "Cases awaiting a response";
  static final String OVERDUE_RESPONSES = "Overdue responses";
  static final String ALL_OPEN_TASKS = "All open tasks";

  private static final Map<String, String> CASE = column(ProcessConstants.CASE_LABEL, "Case");
  private static final Map<String, String> SUBJECT = column(ProcessConstants.SUBJECT, "Subject");
  private static final Map<String, String> ADDRESSEE = column(ProcessConstants.ADDRESSEE_STATE, "Addressee");
  /** The list's columns: the case, its subject and the addressee of the letter. */
  private static final List<Map<String, String>> CASE_COLUMNS = List.of(CASE, SUBJECT, ADDRESSEE);
  /**
   * The administrator acts for many delegations: the delegation a co-signing task is for (shown on those
   * tasks only), second, as Tasklist shows the first two columns without unfolding an entry.
   */
  private static final List<Map<String, String>> ALL_TASKS_COLUMNS = List.of(CASE,
      column(ProcessConstants.INVITED_DELEGATION, "For delegation"), SUBJECT, ADDRESSEE);

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    List<String> delegationGroups = new ArrayList<>();
    for (ParticipatingState state : ParticipatingStates.all().list()) {
      delegationGroups.add(Groups.delegation(state.code()));
      delegationGroups.add(Groups.heads(state.code()));
    }
    var tasks = engine.getTaskService();
    create(engine, MY_TASKS, -10, "Tasks you have claimed",
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"), delegationGroups, CASE_COLUMNS);
    create(engine, MY_DELEGATION, -5, "Open tasks of your delegation, claimed or not",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks(),
        delegationGroups, CASE_COLUMNS);
    create(engine, DUE_SOON, 0, "Your delegation's tasks whose deadline is within three days",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
            .dueBeforeExpression("${dateTime().plusDays(3)}"), delegationGroups, CASE_COLUMNS);
    create(engine, AWAITING_RESPONSE, 10, "Every case whose letter was delivered and whose response is awaited",
        tasks.createTaskQuery().processDefinitionKey(ProcessConstants.PROCESS_KEY)
            .taskDefinitionKey(ProcessConstants.TASK_REGISTER_RESPONSE), List.of(Groups.MANAGERS), CASE_COLUMNS);
    create(engine, OVERDUE_RESPONSES, 20, "Cases whose response deadline has passed without a response",
        tasks.createTaskQuery().processDefinitionKey(ProcessConstants.PROCESS_KEY)
            .taskDefinitionKey(ProcessConstants.TASK_REGISTER_RESPONSE).dueBeforeExpression("${now()}"),
        List.of(Groups.MANAGERS), CASE_COLUMNS);
    // The administrator's filters above list nothing (she is in no delegation); with this one she can act for
    // a delegation that has no users of its own, e.g. the thirty invited States of the demo case.
    create(engine, ALL_OPEN_TASKS, 30, "Every open task of every case, whoever it is for",
        tasks.createTaskQuery().processDefinitionKeyIn(ProcessConstants.PROCESS_KEY,
            ProcessConstants.MEETING_REQUEST_PROCESS_KEY), List.of(Groups.ADMINS), ALL_TASKS_COLUMNS);
  }

  private void create(ProcessEngine engine, String name, int priority, String description, TaskQuery query,
      List<String> groups, List<Map<String, String>> columns) {
    FilterService filters = engine.getFilterService();
    if (filters.createFilterQuery().filterName(name).count() > 0) {
      return;
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("refresh", true);
    properties.put("showUndefinedVariable", false);
    properties.put("variables", columns);
    Filter filter = filters.newTaskFilter(name).setQuery(query).setProperties(properties);
    filters.saveFilter(filter);
    AuthorizationService authorizations = engine.getAuthorizationService();
    for (String group : groups) {
      Authorization read = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      read.setGroupId(group);
      read.setResource(Resources.FILTER);
      read.setResourceId(filter.getId());
      read.addPermission(Permissions.READ);
      authorizations.saveAuthorization(read);
    }
  }

  private static Map<String, String> column(String variable, String label) {
    return Map.of("name", variable, "label", label);
  }
}
