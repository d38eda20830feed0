package org.osce.vienna.engine;

import static org.osce.vienna.engine.ProcessConstants.PROCESS_KEY;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At the application's start, gives every running case the State names of {@link StateNames} that it
 * lacks, or holds in an older wording than the reference list's: cases started before the forms read
 * the names from variables, and cases open when a State's name changes in the list.
 *
 * <p>Why at start rather than lazily when a task is created ({@link TaskLabelling}): the tasks already
 * open at the upgrade were created before it, and a create listener never runs for them again; their
 * forms would show codes and the draft's list of delegations to invite would be empty. Idempotent: a
 * start finds nothing to do once every case is current, and costs one query. A case the engine is
 * moving on another node at that moment is left for the next start, its forms showing codes till then.
 */
@Component
@Order(3)
public class StateNamesBackfill extends AbstractCamundaConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(StateNamesBackfill.class);
  static final String UPGRADE = "state-names";

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    // Once per version of the names: a new list (a State renamed) is set on every running case at the next start.
    String version = StateNames.version();
    if (UpgradeMarks.done(processEngine.getManagementService(), UPGRADE, version)) {
      return;
    }
    Backfilled backfilled = backfill(processEngine.getRuntimeService());
    if (backfilled.updated() > 0) {
      LOG.info("Set the participating States' names on {} running cases", backfilled.updated());
    }
    // A case that could not be updated is tried again at the next start, as its warning says.
    if (backfilled.failed() == 0) {
      UpgradeMarks.markDone(processEngine.getManagementService(), UPGRADE, version);
    }
  }

  /** How many running cases were given the current names, and how many could not be. */
  public record Backfilled(int updated, int failed) {
  }

  /** Sets the names on each running case without them or with others. */
  public static Backfilled backfill(RuntimeService runtime) {
    Map<String, TypedValue> current = StateNames.variables();
    Map<String, Map<String, TypedValue>> stored = new HashMap<>();
    for (VariableInstance variable : runtime.createVariableInstanceQuery()
        .variableNameIn(current.keySet().toArray(String[]::new)).disableCustomObjectDeserialization().list()) {
      if (variable.getProcessInstanceId() != null && variable.getProcessInstanceId().equals(variable.getExecutionId())) {
        stored.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
            .put(variable.getName(), variable.getTypedValue());
      }
    }
    int updated = 0;
    int failed = 0;
    for (ProcessInstance instance : runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).list()) {
      Map<String, TypedValue> has = stored.getOrDefault(instance.getId(), Map.of());
      Map<String, TypedValue> stale = new LinkedHashMap<>();
      current.forEach((name, value) -> {
        if (!StateNames.isCurrent(name, has.get(name))) {
          stale.put(name, value);
        }
      });
      if (stale.isEmpty()) {
        continue;
      }
      try {
        runtime.setVariables(instance.getId(), stale);
        updated++;
      } catch (ProcessEngineException e) {
        LOG.warn("Could not set the State names on case {} ({}): its forms show codes until the next start",
            instance.getBusinessKey(), e.getMessage());
        failed++;
      }
    }
    return new Backfilled(updated, failed);
  }
}
