package org.osce.vienna;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.osce.vienna.web.RequiredSettings;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Production refuses to start without its database and admin, and says which setting is missing. */
class RequiredSettingsTest {

  @Test
  void productionWithoutDatasourceStopsNamingEachMissingSetting() {
    assertThatThrownBy(() -> new SpringApplicationBuilder(ViennaMechanismApplication.class)
        .profiles("postgres")
        .properties("camunda.bpm.admin-user.id=admin", "server.port=0")
        .run())
        .isInstanceOf(RequiredSettings.MissingSettingsException.class)
        .hasMessageContaining("spring.datasource.url")
        .hasMessageContaining("SPRING_DATASOURCE_URL")
        .hasMessageContaining("spring.datasource.username")
        .hasMessageContaining("camunda.bpm.admin-user.password")
        .hasMessageNotContaining("camunda.bpm.admin-user.id ");
  }
}
