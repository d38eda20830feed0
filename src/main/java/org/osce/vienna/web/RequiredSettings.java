package org.osce.vienna.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Stops a production start before any bean is created, with the name of each missing setting.
 * Without this, a missing {@code spring.datasource.url} would quietly fall back to an embedded
 * database, and a missing admin would leave a deployment nobody can administer.
 */
@Component
public class RequiredSettings implements BeanFactoryPostProcessor, EnvironmentAware {

  static final String PRODUCTION_PROFILE = "postgres";
  static final List<Setting> REQUIRED = List.of(
      new Setting("spring.datasource.url", "SPRING_DATASOURCE_URL"),
      new Setting("spring.datasource.username", "SPRING_DATASOURCE_USERNAME"),
      new Setting("camunda.bpm.admin-user.id", "CAMUNDA_BPM_ADMINUSER_ID"),
      new Setting("camunda.bpm.admin-user.password", "CAMUNDA_BPM_ADMINUSER_PASSWORD"));

  record Setting(String property, String environmentVariable) {
  }

  private Environment environment;

  @Override
  public void setEnvironment(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    if (!environment.acceptsProfiles(Profiles.of(PRODUCTION_PROFILE))) {
      return;
    }
    List<String> missing = new ArrayList<>();
    for (Setting setting : REQUIRED) {
      String value = environment.getProperty(setting.property());
      if (value == null || value.isBlank()) {
        missing.add(setting.property() + " (environment variable " + setting.environmentVariable() + ")");
      }
    }
    if (!missing.isEmpty()) {
      throw new MissingSettingsException("Profile '" + PRODUCTION_PROFILE
          + "' needs these settings, which are missing: " + String.join(", ", missing));
    }
  }

  /** Names every missing setting at once, so an operator fixes them in one go. */
  public static class MissingSettingsException extends IllegalStateException {
    public MissingSettingsException(String message) {
      super(message);
    }
  }
}
