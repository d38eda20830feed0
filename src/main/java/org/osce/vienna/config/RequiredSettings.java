package org.osce.vienna.config;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Stops a production start early, with the name of each missing setting. Without this, a missing
 * {@code spring.datasource.url} would quietly fall back to an embedded database, and a missing
 * admin would leave a deployment nobody can administer.
 */
public class RequiredSettings implements EnvironmentPostProcessor {

  static final String PRODUCTION_PROFILE = "postgres";
  static final List<Setting> REQUIRED = List.of(
      new Setting("spring.datasource.url", "SPRING_DATASOURCE_URL"),
      new Setting("spring.datasource.username", "SPRING_DATASOURCE_USERNAME"),
      new Setting("camunda.bpm.admin-user.id", "CAMUNDA_BPM_ADMINUSER_ID"),
      new Setting("camunda.bpm.admin-user.password", "CAMUNDA_BPM_ADMINUSER_PASSWORD"));

  record Setting(String property, String environmentVariable) {
  }

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
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

  /** Thrown before the application context exists, so the message is the first thing logged. */
  public static class MissingSettingsException extends IllegalStateException {
    public MissingSettingsException(String message) {
      super(message);
    }
  }
}
