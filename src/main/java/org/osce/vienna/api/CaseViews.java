package org.osce.vienna.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.osce.vienna.casefile.CaseRecords.CaseRecord;
import org.osce.vienna.casefile.Documents;
import org.osce.vienna.casefile.Documents.Document;
import org.osce.vienna.casefile.Replies;
import org.osce.vienna.casefile.ResponseStatus;
import org.osce.vienna.casefile.Timeline;
import org.osce.vienna.casefile.ViennaProperties;
import org.osce.vienna.delivery.Letters;
import org.osce.vienna.engine.OpenTasks;
import org.osce.vienna.followup.FollowUps;
import org.osce.vienna.meeting.Meetings;
import org.osce.vienna.response.Assessments;
import org.osce.vienna.signoff.SignOff;
import org.osce.vienna.signoff.Signatories;
import org.osce.vienna.signoff.Signatories.Signatory;
import org.springframework.stereotype.Component;

/** Builds the case view from the application's tables (vm_*), the open tasks included (vm_open_task). */
@Component
public class CaseViews {

  private final Signatories signatories;
  private final SignOff signOff;
  private final FollowUps followUps;
  private final Meetings meetings;
  private final Timeline timeline;
  private final OpenTasks openTasks;
  private final ViennaProperties properties;
  private final Documents documents;
  private final Letters letters;
  private final Replies replies;
  private final Assessments assessments;

  public CaseViews(Signatories signatories, SignOff signOff, FollowUps followUps, Meetings meetings, Timeline timeline,
      OpenTasks openTasks, ViennaProperties properties, Documents documents, Letters letters, Replies replies,
      Assessments assessments) {
    this.documents = documents;
    this.letters = letters;
    this.replies = replies;
    this.assessments = assessments;
    this.signatories = signatories;
    this.signOff = signOff;
    this.followUps = followUps;
    this.meetings = meetings;
    this.timeline = timeline;
    this.openTasks = openTasks;
    this.properties = properties;
  }

  public CaseView view(CaseRecord c) {
    // One query per table, each read once, whatever the size of the case: no query per signatory or task.
    List<Signatory> signatoryRows = signatories.of(c.reference());
    List<String> signing = Signatories.signing(signatoryRows);
    return new CaseView(c.reference(), c.subject(), c.leadDelegation(), c.addresseeState(), c.status(),
        c.recorded(), time(c.startedAt()), openTasks(c),
        // Before the sign-off round opens, the lead is the one signatory there is.
        signing.isEmpty() ? List.of(c.leadDelegation()) : signing,
        Signatories.declined(signatoryRows),
        signOff.entries(signatoryRows).stream().map(e -> new CaseView.SignOffEntry(e.state(), e.decision().name(),
            time(e.decidedAt()))).toList(),
        letters.compositions(c.reference()).stream()
            .map(l -> new CaseView.ComposedLetter(time(l.composedAt()), l.signatories())).toList(),
        time(c.deliveredAt()), time(c.responseDueAt()), response(c), responses(c),
        followUps.of(c.reference()), followUps.moscowSupporters(c.reference()),
        meetings.of(c.reference()).stream().map(m -> new CaseView.Meeting(m.requestedBy(), time(m.requestedAt()),
            time(m.targetAt()), time(m.scheduledFor()), m.place(), m.targetMissed(), m.held(), m.outcome())).toList(),
        documents.of(c.reference()).stream().map(this::document).toList(),
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

  private List<CaseView.Reply> responses(CaseRecord c) {
    return replies.of(c.reference()).stream().map(r -> new CaseView.Reply(time(r.receivedAt()), r.reference(),
        r.summary(), r.status() == null ? ResponseStatus.PENDING : r.status(), r.daysLate(), r.supplementary(),
        r.substantive(), assessments.of(c.reference(), r.seq()).entrySet().stream()
            .map(e -> new CaseView.QuestionAssessment(e.getKey(), e.getValue().name())).toList())).toList();
  }

  /** Every open task of the case, whoever's it is: the case's caller sees who has to act next. */
  private List<CaseView.OpenTask> openTasks(CaseRecord c) {
    if (c.processInstanceId() == null) {
      return List.of();
    }
    // One query over the record the task listeners keep (vm_open_task): nothing to read per task, so
    // nothing that a task ending meanwhile could make fail.
    return openTasks.of(c.processInstanceId()).stream()
        .map(task -> new CaseView.OpenTask(task.id(), task.taskKey(), task.name(), task.candidateGroup(),
            task.assignee(), time(task.dueAt())))
        .toList();
  }

  /** A document as the case lists it. */
  public CaseView.DocumentEntry document(Document d) {
    return new CaseView.DocumentEntry(d.id(), d.name(), d.mediaType(), d.size(), d.kind(), time(d.addedAt()),
        d.addedBy());
  }

  /** Where a document is downloaded. */
  static String documentPath(String reference, String id) {
    return "/api/cases/" + reference + "/documents/" + id;
  }

  private OffsetDateTime time(Instant instant) {
    return instant == null ? null : instant.atZone(properties.timeZone()).toOffsetDateTime();
  }

}
