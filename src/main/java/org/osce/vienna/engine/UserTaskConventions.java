package org.osce.vienna.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.stereotype.Component;

/**
 * Gives every user task of every deployed model the {@link TaskLabelling} create listener and the
 * {@link OpenTasks} listener, so the models need not repeat them on each task and no new task can forget
 * them. Both are built-in listeners: they run before the model's own, and also when an operator skips
 * custom listeners (e.g. cancelling a case in Cockpit), so no task is left out of vm_open_task or kept
 * there after it ends; the labelling comes first, so the row has the task's labelled name and due date.
 */
@Component
public class UserTaskConventions extends AbstractCamundaConfiguration {

  private final TaskLabelling taskLabelling;
  private final OpenTasks openTasks;

  public UserTaskConventions(TaskLabelling taskLabelling, OpenTasks openTasks) {
    this.taskLabelling = taskLabelling;
    this.openTasks = openTasks;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, taskLabelling);
        OpenTasks.EVENTS.forEach(event -> task.addBuiltInTaskListener(event, openTasks));
      }
    });
    configuration.setCustomPreBPMNParseListeners(listeners);
  }
}
