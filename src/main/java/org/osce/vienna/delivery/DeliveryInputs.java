package org.osce.vienna.delivery;

import org.osce.vienna.engine.InputContract;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The inputs of delivery, for the engine to hold each task to (InputContracts). */
@Configuration
class DeliveryInputs {

  @Bean
  InputContract signAndDeliver() {
    return DeliveryInput.TASK;
  }
}
