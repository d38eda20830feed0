package org.osce.vienna.followup;

import org.osce.vienna.engine.InputContract;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The inputs of follow-up, for the engine to hold each task to (InputContracts). */
@Configuration
class FollowUpInputs {

  @Bean
  InputContract decideFollowUp() {
    return FollowUpDecision.TASK;
  }
}
