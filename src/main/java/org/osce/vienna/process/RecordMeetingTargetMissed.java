package org.osce.vienna.process;

import static org.osce.vienna.process.ProcessConstants.CASE_LABEL;
import static org.osce.vienna.process.ProcessConstants.MEETING_ID;
import static org.osce.vienna.process.ProcessConstants.MEETING_TARGET_AT;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.osce.vienna.cases.Meetings;
import org.osce.vienna.cases.Signatories;
import org.osce.vienna.cases.Timeline;
import org.osce.vienna.cases.TimelineEvent;
import org.osce.vienna.notification.CaseNotices;
import org.springframework.stereotype.Component;

/** A week passed without the meeting arranged: recorded and reported; the meeting can still be arranged. */
@Component
public class RecordMeetingTargetMissed implements JavaDelegate {

  private final Meetings meetings;
  private final Signatories signatories;
  private final CaseNotices notices;
  private final Timeline timeline;

  public RecordMeetingTargetMissed(Meetings meetings, Signatories signatories, CaseNotices notices, Timeline timeline) {
    this.meetings = meetings;
    this.signatories = signatories;
    this.notices = notices;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = CaseVariables.reference(execution);
    Instant now = EngineClock.now();
    Instant targetAt = CaseVariables.instant(execution, MEETING_TARGET_AT);
    long meetingId = ((Number) execution.getVariable(MEETING_ID)).longValue();
    meetings.targetMissed(meetingId, now);
    notices.meetingTargetPassed(reference, (String) execution.getVariable(CASE_LABEL), signatories.signing(reference),
        meetingId, targetAt);
    timeline.record(reference, now, TimelineEvent.MEETING_TARGET_PASSED, null, "target " + targetAt);
  }
}
