package org.osce.vienna;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.osce.vienna.support.PostgresTestDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Production: profile "postgres" on a real, empty PostgreSQL database. */
@ActiveProfiles("postgres")
class PostgresDeploymentTest extends DeploymentContractTest {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.register(registry, "deployment");
  }

  @Override
  protected String[] admin() {
    return new String[] {"admin", "admin-secret"};
  }

  @Test
  void productionSeedsGroupsButNoDemoUser() {
    assertThat(identityService.createGroupQuery().groupIdIn("delegation-gb", "heads-gb", "delegation-va",
        "heads-uz", "managers").count()).isEqualTo(5);
    assertThat(identityService.createGroupQuery().groupType("DELEGATION").count()).isEqualTo(2 * 57);
    assertThat(identityService.createUserQuery().userId("demo").count()).isZero();
    assertThat(identityService.createUserQuery().userId("officer-gb").count()).isZero();
    assertThat(identityService.createUserQuery().memberOfGroup("camunda-admin").list())
        .extracting(u -> u.getId()).containsExactly("admin");
  }
}
