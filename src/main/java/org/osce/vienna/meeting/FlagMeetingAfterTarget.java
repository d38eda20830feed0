package org.osce.vienna.meeting;

import static org.osce.vienna.engine.ProcessConstants.CASE_LABEL;
import static org.osce.vienna.engine.ProcessConstants.MEETING_ID;
import static org.osce.vienna.engine.ProcessConstants.MEETING_SCHEDULED_FOR;
import static org.osce.vienna.engine.ProcessConstants.MEETING_TARGET_AT;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.osce.vienna.casefile.DateTimes;
import org.osce.vienna.casefile.Timeline;
import org.osce.vienna.casefile.TimelineEvent;
import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.engine.EngineClock;
import org.osce.vienna.signoff.Signatories;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The meeting was set for after its one-week target: the target will be missed, so it is recorded and the
 * signatories are told now, as the meeting is scheduled, not when the week is over.
 */
@Component
public class FlagMeetingAfterTarget implements JavaDelegate {

  private final Meetings meetings;
  private final Signatories signatories;
  private final ApplicationEventPublisher events;
  private final Timeline timeline;

  public FlagMeetingAfterTarget(Meetings meetings, Signatories signatories, ApplicationEventPublisher events,
      Timeline timeline) {
    this.meetings = meetings;
    this.signatories = signatories;
    this.events = events;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = CaseVariables.reference(execution);
    Instant now = EngineClock.now();
    long meetingId = ((Number) execution.getVariable(MEETING_ID)).longValue();
    Instant targetAt = CaseVariables.instant(execution, MEETING_TARGET_AT);
    Instant scheduledFor = CaseVariables.instant(execution, MEETING_SCHEDULED_FOR);
    meetings.flaggedAfterTarget(meetingId, now);
    events.publishEvent(new MeetingSetAfterTarget(reference, (String) execution.getVariable(CASE_LABEL),
        signatories.signing(reference), meetingId, targetAt, scheduledFor));
    timeline.record(reference, now, TimelineEvent.MEETING_SET_AFTER_TARGET, null,
        "set for " + DateTimes.shown(scheduledFor) + ", after the target " + DateTimes.shown(targetAt));
  }
}
