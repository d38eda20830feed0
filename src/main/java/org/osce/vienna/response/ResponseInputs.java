package org.osce.vienna.response;

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

  @Bean
  InputContract assessResponse() {
    return AssessmentInput.TASK;
  }

  @Bean
  InputContract assessFurtherReply() {
    return AssessmentInput.FURTHER_TASK;
  }

  @Bean
  InputContract registerReply() {
    return ResponseInput.TASKLIST_START;
  }

  @Bean
  InputContract responseReceived() {
    return ResponseInput.MESSAGE;
  }
}
