package org.osce.vienna.meeting;

import static org.osce.vienna.engine.ProcessConstants.ADDRESSEE_STATE;
import static org.osce.vienna.engine.ProcessConstants.CASE_LABEL;
import static org.osce.vienna.engine.ProcessConstants.MEETING_ID;
import static org.osce.vienna.engine.ProcessConstants.MEETING_REQUESTED_AT;
import static org.osce.vienna.engine.ProcessConstants.MEETING_REQUESTED_BY;
import static org.osce.vienna.engine.ProcessConstants.MEETING_TARGET_AT;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.osce.vienna.casefile.DateTimes;
import org.osce.vienna.casefile.Deadlines;
import org.osce.vienna.casefile.Timeline;
import org.osce.vienna.casefile.TimelineEvent;
import org.osce.vienna.casefile.ViennaProperties;
import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.signoff.Signatories;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Records a meeting request with its target ("as a rule within one week") and tells the signatories; when the
 * invoking side asks, the addressee is asked for the meeting.
 */
@Component
public class RecordMeetingRequest implements JavaDelegate {

  private final Meetings meetings;
  private final Deadlines deadlines;
  private final ViennaProperties properties;
  private final Signatories signatories;
  private final ApplicationEventPublisher events;
  private final Timeline timeline;

  public RecordMeetingRequest(Meetings meetings, Deadlines deadlines, ViennaProperties properties,
      Signatories signatories, ApplicationEventPublisher events, Timeline timeline) {
    this.meetings = meetings;
    this.deadlines = deadlines;
    this.properties = properties;
    this.signatories = signatories;
    this.events = events;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = CaseVariables.reference(execution);
    String requestedBy = (String) execution.getVariable(MEETING_REQUESTED_BY);
    Instant requestedAt = CaseVariables.instant(execution, MEETING_REQUESTED_AT);
    Instant targetAt = deadlines.meetingTarget(requestedAt, properties.meetingTargetDays());
    long id = meetings.requested(reference, requestedBy, requestedAt, targetAt);
    // setVariable finds this meeting's own copies (made by OpenMeeting), not another meeting's.
    execution.setVariable(MEETING_ID, id);
    execution.setVariable(MEETING_TARGET_AT, CaseVariables.dateValue(targetAt));
    MeetingRequested requested = new MeetingRequested(reference, (String) execution.getVariable(CASE_LABEL),
        signatories.signing(reference), (String) execution.getVariable(ADDRESSEE_STATE), requestedBy, id, targetAt);
    events.publishEvent(requested);
    timeline.record(reference, requestedAt, TimelineEvent.MEETING_REQUESTED, null,
        "by " + requestedBy + "; target " + DateTimes.shown(targetAt)
            + (requested.askedOfAddressee() ? "; " + requested.addressee() + " is asked for it" : ""));
  }
}
