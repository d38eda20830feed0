package org.osce.vienna.casefile;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The domain's plain-Java services, configured from {@code vienna.*}. */
@Configuration
public class CaseConfiguration {

  public CaseConfiguration(ViennaProperties properties) {
    // Times are read (a form sends the time the user typed, without an offset) and shown in the case's zone.
    DateTimes.readLocalTimesIn(properties.timeZone());
  }

  @Bean
  public Deadlines deadlines(ViennaProperties properties) {
    return new Deadlines(properties.timeZone());
  }
}
