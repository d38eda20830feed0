package org.osce.vienna.casefile;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The domain's plain-Java services, configured from {@code vienna.*}. */
@Configuration
public class CaseConfiguration {

  @Bean
  public Deadlines deadlines(ViennaProperties properties) {
    DateTimes.useZone(properties.timeZone());
    return new Deadlines(properties.timeZone());
  }
}
