package org.osce.vienna.api;

import org.osce.vienna.casefile.StrictJson;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.stereotype.Component;

/**
 * The case API reads its request bodies as every JSON input is read ({@link StrictJson}): 12 is not
 * the text "12", a key is given once. This is Spring MVC's mapper; Camunda's REST API and Spin keep
 * their own, untouched.
 */
@Component
class StrictRequestBodies implements Jackson2ObjectMapperBuilderCustomizer {

  @Override
  public void customize(Jackson2ObjectMapperBuilder builder) {
    builder.postConfigurer(StrictJson::configure);
  }
}
