package org.osce.vienna.drafting;

import org.osce.vienna.engine.InputContract;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The inputs of drafting, for the engine to hold each start and task to (InputContracts); each contract
 * is its input type's.
 */
@Configuration
class DraftingInputs {

  @Bean
  InputContract startCase() {
    return StartInput.CONTRACT;
  }

  @Bean
  InputContract draftLetter() {
    return DraftInput.TASK;
  }

  @Bean
  InputContract approveDraft() {
    return DraftReview.TASK;
  }
}
