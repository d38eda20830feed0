package org.osce.vienna.bench.baseline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * The bare engine the application is measured against: the same Spring Boot and Camunda starters,
 * history level and authorizations (every {@code /engine-rest} call authenticated, so that they apply), running the application's own model reduced to its shape
 * ({@link SameShape}). Whatever it costs beyond this is the application's.
 */
@SpringBootApplication
public class BaselineApplication {

  static final String MODEL = "/same-shape/vienna-mechanism.bpmn";

  public static void main(String[] args) {
    SpringApplication.run(BaselineApplication.class, args);
  }

  /**
   * Every call of {@code /engine-rest} authenticated, as the application's are, with the engine's own filter: the
   * authorizations the engine checks (and their cost) apply only to an authenticated user.
   */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    return registration;
  }

  /** Deploys the reduced model once the engine runs (the starter's own deployment is off: it would take the model as it is). */
  @Bean
  ApplicationRunner deploySameShape(RepositoryService repository) {
    return args -> {
      BpmnModelInstance model;
      try (InputStream in = BaselineApplication.class.getResourceAsStream(MODEL)) {
        model = SameShape.of(Bpmn.readModelFromStream(in));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      repository.createDeployment().name("baseline").enableDuplicateFiltering(true)
          .addModelInstance("vienna-mechanism.bpmn", model).deploy();
    };
  }
}
