package org.osce.vienna.engine;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.stereotype.Component;

/**
 * Leaves the copies {@link TaskLabelling} puts on every task out of the history: they repeat, for Tasklist,
 * what the case's own variables hold, and those keep their full history. Written there, each copy cost a
 * row in the variables' history, another in its details (and, for the times, a byte array): a third of the rows
 * a case inserted beyond the bare engine's (docs/performance.md). Every other history event is written as the
 * engine writes it.
 */
@Component
public class TaskLabelsOutOfHistory extends AbstractCamundaConfiguration {

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // After init: the engine has built its handler (the database's, with any custom ones); this one wraps it.
    configuration.setHistoryEventHandler(new Handler(configuration.getHistoryEventHandler()));
  }

  /** Whether an event is about a label that {@link TaskLabelling} copied onto a task. */
  static boolean isTaskLabel(HistoryEvent event) {
    return event instanceof HistoricVariableUpdateEventEntity variable && variable.getTaskId() != null
        && TaskLabelling.COPIES.contains(variable.getVariableName());
  }

  /** The engine's handler, given every event but those of the task labels. */
  static final class Handler implements HistoryEventHandler {

    private final HistoryEventHandler engine;

    Handler(HistoryEventHandler engine) {
      this.engine = engine;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
      if (!isTaskLabel(event)) {
        engine.handleEvent(event);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      engine.handleEvents(events.stream().filter(event -> !isTaskLabel(event)).toList());
    }
  }
}
