package org.osce.vienna.meeting;

import org.osce.vienna.engine.InputContract;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The inputs of bilateral meetings, for the engine to hold each start, task and message to (InputContracts). */
@Configuration
class MeetingInputs {

  @Bean
  InputContract requestMeetingInTasklist() {
    return MeetingRequestInput.TASKLIST_START;
  }

  @Bean
  InputContract meetingRequested() {
    return MeetingRequestInput.MESSAGE;
  }

  @Bean
  InputContract arrangeMeeting() {
    return MeetingSchedule.TASK;
  }

  @Bean
  InputContract recordMeetingOutcome() {
    return MeetingOutcome.TASK;
  }
}
