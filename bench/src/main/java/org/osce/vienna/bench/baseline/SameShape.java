package org.osce.vienna.bench.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The application's model reduced to its shape: the same events, gateways, user tasks, timers,
 * multi-instance round and asynchronous continuations, with none of the application's work. Every
 * listener goes; every service task does nothing ({@code ${true}}), except the few whose result the
 * model itself reads next (the timers' dates, a gateway's flag, the round's collection), which
 * {@link BareSteps} computes in a line each.
 */
public final class SameShape {

  /** Delegates whose result the model reads, and what the bare process does instead. */
  private static final Map<String, String> KEPT_RESULTS = Map.of(
      "${openSignOffRound}", "${bare.roundOpened(execution)}",
      "${recordDelivery}", "${bare.delivered(execution)}",
      "${recordFollowUp}", "${bare.followUpRecorded(execution)}");

  private SameShape() {
  }

  public static BpmnModelInstance of(BpmnModelInstance model) {
    List<ModelElementInstance> listeners = new ArrayList<>();
    listeners.addAll(model.getModelElementsByType(CamundaTaskListener.class));
    listeners.addAll(model.getModelElementsByType(CamundaExecutionListener.class));
    listeners.forEach(listener -> listener.getParentElement().removeChildElement(listener));

    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      String delegate = task.getCamundaDelegateExpression();
      task.removeAttributeNs(BpmnModelConstants.CAMUNDA_NS, "delegateExpression");
      task.setCamundaExpression(KEPT_RESULTS.getOrDefault(delegate, "${true}"));
    }
    for (MultiInstanceLoopCharacteristics loop : model.getModelElementsByType(MultiInstanceLoopCharacteristics.class)) {
      loop.setCamundaCollection("${bare.invited(execution)}");
    }
    return model;
  }
}
