package org.osce.vienna.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.osce.vienna.casefile.CaseRecords.CaseRecord;
import org.osce.vienna.followup.FollowUps;
import org.osce.vienna.meeting.Meetings;
import org.osce.vienna.signoff.Signatories;
import org.osce.vienna.casefile.Timeline;
import org.osce.vienna.casefile.ViennaProperties;
import org.springframework.stereotype.Component;

/** Builds the case view from the application's tables (vm_*), and the open tasks from the engine. */
@Component
public class CaseViews {

  private final Signatories signatories;
  private final FollowUps followUps;
  private final Meetings meetings;
  private final Timeline timeline;
  private final TaskService taskService;
  private final ViennaProperties properties;

  public CaseViews(Signatories signatories, FollowUps followUps, Meetings meetings, Timeline timeline,
      TaskService taskService, ViennaProperties properties) {
    this.signatories = signatories;
    this.followUps = followUps;
    this.meetings = meetings;
    this.timeline = timeline;
    this.taskService = taskService;
    this.properties = properties;
  }

  public CaseView view(CaseRecord c) {
    List<String> signing = signatories.signing(c.reference());
    return new CaseView(c.reference(), c.subject(), c.leadDelegation(), c.addresseeState(), c.status(),
        time(c.startedAt()), openTasks(c),
        // Before the sign-off round opens, the lead is the one signatory there is.
        signing.isEmpty() ? List.of(c.leadDelegation()) : signing,
        signatories.declined(c.reference()), time(c.deliveredAt()), time(c.responseDueAt()), response(c),
        followUps.of(c.reference()),
        meetings.of(c.reference()).stream().map(m -> new CaseView.Meeting(m.requestedBy(), time(m.requestedAt()),
            time(m.targetAt()), time(m.scheduledFor()), m.held(), m.outcome())).toList(),
        timeline.of(c.reference()).stream()
            .map(e -> new CaseView.TimelineEntry(time(e.at()), e.event(), e.by(), e.detail())).toList());
  }

  public CaseView.Summary summary(CaseRecord c) {
    return new CaseView.Summary(c.reference(), c.subject(), c.leadDelegation(), c.addresseeState(), c.status(),
        time(c.startedAt()), time(c.deliveredAt()), time(c.responseDueAt()), response(c));
  }

  private CaseView.Response response(CaseRecord c) {
    return new CaseView.Response(c.responseStatus(), time(c.responseReceivedAt()), c.responseDaysLate());
  }

  /** Every open task of the case, whoever's it is: the case's caller sees who has to act next. */
  private List<CaseView.OpenTask> openTasks(CaseRecord c) {
    if (c.processInstanceId() == null) {
      return List.of();
    }
    // The job executor and other users go on while a view is read: a task listed a moment ago may have been
    // completed, or moved to another execution of the case (the engine then fails to read it). Reading the
    // list again gives the tasks as they are now; dropping the one that failed would hide an open task.
    for (int attempt = 1; ; attempt++) {
      try {
        return readOpenTasks(c.processInstanceId());
      } catch (ProcessEngineException | NullPointerException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  private List<CaseView.OpenTask> readOpenTasks(String processInstanceId) {
    return taskService.createTaskQuery().processInstanceId(processInstanceId)
        .orderByTaskCreateTime().asc().orderByTaskId().asc().list().stream()
        .map(task -> new CaseView.OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getName(),
            candidateGroup(task), task.getAssignee(), time(task.getDueDate())))
        .toList();
  }

  private String candidateGroup(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).findFirst().orElse(null);
  }

  private OffsetDateTime time(Instant instant) {
    return instant == null ? null : instant.atZone(properties.timeZone()).toOffsetDateTime();
  }

  private OffsetDateTime time(Date date) {
    return date == null ? null : time(date.toInstant());
  }
}
