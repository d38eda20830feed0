package org.osce.vienna.meeting;

import static org.osce.vienna.engine.ProcessConstants.CASE_LABEL;
import static org.osce.vienna.engine.ProcessConstants.MEETING_ID;
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
 * A week passed without the meeting's outcome recorded: recorded and reported (unless reported as the meeting
 * was set after it); the meeting can still be arranged and held.
 */
@Component
public class RecordMeetingTargetMissed implements JavaDelegate {

  private final Meetings meetings;
  private final Signatories signatories;
  private final ApplicationEventPublisher events;
  private final Timeline timeline;

  public RecordMeetingTargetMissed(Meetings meetings, Signatories signatories, ApplicationEventPublisher events, Timeline timeline) {
    this.meetings = meetings;
    this.signatories = signatories;
    this.events = events;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = CaseVariables.reference(execution);
    Instant now = EngineClock.now();
    Instant targetAt = CaseVariables.instant(execution, MEETING_TARGET_AT);
    long meetingId = ((Number) execution.getVariable(MEETING_ID)).longValue();
    boolean toldWhenScheduled = meetings.get(meetingId).afterTargetFlaggedAt() != null;
    meetings.targetMissed(meetingId, now);
    // A meeting set after its target was reported then; the signatories are not told the same twice.
    if (!toldWhenScheduled) {
      events.publishEvent(new MeetingTargetPassed(reference, (String) execution.getVariable(CASE_LABEL),
          signatories.signing(reference), meetingId, targetAt));
    }
    timeline.record(reference, now, TimelineEvent.MEETING_TARGET_PASSED, null, "target " + DateTimes.shown(targetAt));
  }
}
