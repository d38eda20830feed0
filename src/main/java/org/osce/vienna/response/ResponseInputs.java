package org.osce.vienna.response;

import static org.osce.vienna.engine.ProcessConstants.QUESTION_ASSESSMENTS;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_SUBSTANTIVE;
import static org.osce.vienna.engine.ProcessConstants.TASK_ASSESS_RESPONSE;

import org.osce.vienna.engine.Field;
import org.osce.vienna.engine.InputContract;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The inputs of the response phase, for the engine to hold each task and message to (InputContracts). */
@Configuration
class ResponseInputs {

  @Bean
  InputContract registerResponse() {
    return ResponseInput.TASK;
  }

  static final InputContract ASSESSMENT = InputContract.task(TASK_ASSESS_RESPONSE, Field.bool(RESPONSE_SUBSTANTIVE),
      Field.json(QUESTION_ASSESSMENTS));

  @Bean
  InputContract assessResponse() {
    return ASSESSMENT;
  }

  @Bean
  InputContract responseReceived() {
    return ResponseInput.MESSAGE;
  }
}
