package org.osce.vienna.delivery;

import static org.osce.vienna.engine.ProcessConstants.*;

import org.osce.vienna.engine.Field;
import org.osce.vienna.engine.InputContract;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The inputs of delivery, for the engine to hold each task to (InputContracts). */
@Configuration
class DeliveryInputs {

  static final InputContract DELIVERY = InputContract.task(TASK_SIGN_AND_DELIVER, Field.text(DELIVERY_CHANNEL, 20),
      Field.dateTime(DELIVERED_AT));

  @Bean
  InputContract signAndDeliver() {
    return DELIVERY;
  }
}
