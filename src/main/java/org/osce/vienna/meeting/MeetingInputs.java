package org.osce.vienna.meeting;

import static org.osce.vienna.engine.ProcessConstants.*;

import org.osce.vienna.engine.Field;
import org.osce.vienna.engine.InputContract;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The inputs of bilateral meetings, for the engine to hold each start, task and message to (InputContracts). */
@Configuration
class MeetingInputs {

  /** A head of delegation's request from Tasklist (process {@code request-bilateral-meeting}). */
  static final InputContract REQUEST_START = InputContract.start(MEETING_REQUEST_PROCESS_KEY, "a meeting request",
      Field.text(REFERENCE, 64), Field.dateTime(MEETING_REQUESTED_AT));

  static final InputContract REQUEST = InputContract.message(MESSAGE_BILATERAL_MEETING_REQUESTED,
      Field.text(MEETING_REQUESTED_BY, 64), Field.dateTime(MEETING_REQUESTED_AT));

  static final InputContract SCHEDULE = InputContract.task(TASK_ARRANGE_BILATERAL_MEETING,
      Field.dateTime(MEETING_SCHEDULED_FOR));

  static final InputContract OUTCOME = InputContract.task(TASK_RECORD_MEETING_OUTCOME, Field.bool(MEETING_HELD),
      Field.text(MEETING_OUTCOME, 10_000));

  @Bean
  InputContract requestMeetingStart() {
    return REQUEST_START;
  }

  @Bean
  InputContract meetingRequested() {
    return REQUEST;
  }

  @Bean
  InputContract arrangeMeeting() {
    return SCHEDULE;
  }

  @Bean
  InputContract recordMeetingOutcome() {
    return OUTCOME;
  }
}
