package org.osce.vienna.meeting;

import static org.osce.vienna.engine.ProcessConstants.CASE_LABEL;
import static org.osce.vienna.engine.ProcessConstants.MEETING_ID;
import static org.osce.vienna.engine.ProcessConstants.MEETING_PLACE;
import static org.osce.vienna.engine.ProcessConstants.MEETING_SCHEDULED_FOR;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.osce.vienna.casefile.DateTimes;
import org.osce.vienna.casefile.Timeline;
import org.osce.vienna.casefile.TimelineEvent;
import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.engine.CurrentUser;
import org.osce.vienna.engine.EngineClock;
import org.osce.vienna.engine.InputValues;
import org.osce.vienna.signoff.Signatories;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Completing "Arrange the bilateral meeting": the agreed date, time and place are required and recorded, and
 * the signatories are told (with the meeting as a calendar entry at its place). Whether it is set after its
 * target is the model's to see (it flags it at once).
 */
@Component
public class ValidateMeetingSchedule implements TaskListener {

  private final Meetings meetings;
  private final Timeline timeline;
  private final CurrentUser currentUser;
  private final Signatories signatories;
  private final ApplicationEventPublisher events;

  public ValidateMeetingSchedule(Meetings meetings, Timeline timeline, CurrentUser currentUser,
      Signatories signatories, ApplicationEventPublisher events) {
    this.meetings = meetings;
    this.timeline = timeline;
    this.currentUser = currentUser;
    this.signatories = signatories;
    this.events = events;
  }

  @Override
  public void notify(DelegateTask task) {
    MeetingSchedule schedule = MeetingSchedule.read(InputValues.of(task));
    task.setVariable(MEETING_SCHEDULED_FOR, CaseVariables.dateValue(schedule.scheduledFor()));
    task.setVariable(MEETING_PLACE, schedule.place());
    long meetingId = ((Number) task.getVariable(MEETING_ID)).longValue();
    meetings.scheduled(meetingId, schedule.scheduledFor(), schedule.place());
    String reference = CaseVariables.reference(task.getExecution());
    timeline.record(reference, EngineClock.now(), TimelineEvent.MEETING_ARRANGED, currentUser.id(),
        "for " + DateTimes.shown(schedule.scheduledFor()) + ", at " + schedule.place());
    events.publishEvent(new MeetingArranged(reference, (String) task.getVariable(CASE_LABEL),
        signatories.signing(reference), meetingId, schedule.scheduledFor(), schedule.place()));
  }
}
