package org.osce.vienna.followup;

import org.osce.vienna.engine.InputContract;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The inputs of follow-up and withdrawal, for the engine to hold each task and start to (InputContracts). */
@Configuration
class FollowUpInputs {

  @Bean
  InputContract decideFollowUp() {
    return FollowUpDecision.TASK;
  }

  @Bean
  InputContract withdrawInTasklist() {
    return Withdrawal.TASKLIST_START;
  }
}
