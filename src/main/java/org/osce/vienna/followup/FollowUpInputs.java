package org.osce.vienna.followup;

import static org.osce.vienna.engine.ProcessConstants.*;

import org.osce.vienna.engine.Field;
import org.osce.vienna.engine.InputContract;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The inputs of follow-up, for the engine to hold each task to (InputContracts). */
@Configuration
class FollowUpInputs {

  static final InputContract FOLLOW_UP = InputContract.task(TASK_DECIDE_FOLLOW_UP, Field.textList(FOLLOW_UP_ACTIONS));

  @Bean
  InputContract decideFollowUp() {
    return FOLLOW_UP;
  }
}
