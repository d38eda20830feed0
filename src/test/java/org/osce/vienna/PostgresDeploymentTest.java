package org.osce.vienna;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.osce.vienna.support.PostgresApplicationTest;

/** Production: profile "postgres" on a real PostgreSQL database, created empty for the tests that share it. */
@PostgresApplicationTest
class PostgresDeploymentTest extends DeploymentContractTest {

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
    // Not by id: the tests that share this database create users such as officer-gb (docs/api.md logs in
    // with them). The demo's own GB officer is Olivia Bennett.
    assertThat(identityService.createUserQuery().userFirstName("Olivia").userLastName("Bennett").count()).isZero();
    // The administrator given by the settings; tests sharing the database may add administrators of their own.
    assertThat(identityService.createUserQuery().memberOfGroup("camunda-admin").list())
        .extracting(u -> u.getId()).contains("admin").doesNotContain("demo");
  }
}
