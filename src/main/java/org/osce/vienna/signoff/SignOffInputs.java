package org.osce.vienna.signoff;

import static org.osce.vienna.engine.ProcessConstants.*;

import org.osce.vienna.engine.Field;
import org.osce.vienna.engine.InputContract;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The inputs of the sign-off round, for the engine to hold each task to (InputContracts). */
@Configuration
class SignOffInputs {

  static final InputContract CO_SIGNING = InputContract.task(TASK_DECIDE_CO_SIGNING, Field.bool(CO_SIGNS),
      Field.text(CO_SIGN_COMMENT, 4_000));

  @Bean
  InputContract decideCoSigning() {
    return CO_SIGNING;
  }
}
