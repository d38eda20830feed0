package org.osce.vienna.signoff;

import org.osce.vienna.engine.InputContract;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The inputs of the sign-off round, for the engine to hold each task to (InputContracts). */
@Configuration
class SignOffInputs {

  @Bean
  InputContract decideCoSigning() {
    return CoSigningDecision.TASK;
  }
}
