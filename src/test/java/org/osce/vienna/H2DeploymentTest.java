package org.osce.vienna;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.osce.vienna.support.TestUsers;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;

/**
 * The embedded first run (profile "demo"), on H2 in memory so tests leave ./data alone. A context of its
 * own, not the shared H2 one: this is the application as shipped, its job executor and outbox running
 * ({@link org.osce.vienna.support.H2ApplicationTest} switches both off for the tests that share it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:deployment;DB_CLOSE_DELAY=-1")
class H2DeploymentTest extends DeploymentContractTest {

  /** The demo logins README.md lists (password = user id). */
  static final List<String> README_DEMO_USERS = List.of("demo", "manager",
      "officer-gb", "head-gb", "officer-de", "head-de", "officer-fr", "head-fr",
      "officer-us", "head-us", "officer-ca", "head-ca", "officer-se", "head-se",
      "officer-by", "head-by", "officer-ru", "head-ru");

  @Override
  protected String[] admin() {
    return new String[] {"demo", "demo"};
  }

  @Test
  void everyDemoUserOfTheReadmeLogsIn() {
    for (String user : README_DEMO_USERS) {
      assertThat(rest.withBasicAuth(user, user).getForEntity("/engine-rest/task", String.class).getStatusCode())
          .as("login of %s", user).isEqualTo(HttpStatus.OK);
    }
  }

  @Test
  void theDemoCaseOf2021WaitsForTheGbOfficersCheckOfTheDraft() {
    var tasks = taskService.createTaskQuery().processInstanceBusinessKey("VM-2021-BY-01").list();
    assertThat(tasks).singleElement().satisfies(task -> {
      assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_DraftLetter");
      assertThat(task.getName()).isEqualTo("Draft the letter — VM-2021-BY-01 (Belarus)");
    });
    assertThat(visibleTaskIds(TestUsers.officer(identityService, "GB")))
        .contains(tasks.get(0).getId());
  }

  @Test
  void demoHeadsAreInTheirDelegationAndHeadsGroups() {
    assertThat(identityService.createGroupQuery().groupMember("head-gb").list())
        .extracting(g -> g.getId()).containsExactlyInAnyOrder("delegation-gb", "heads-gb");
    assertThat(identityService.createGroupQuery().groupMember("officer-de").list())
        .extracting(g -> g.getId()).containsExactly("delegation-de");
    assertThat(identityService.createGroupQuery().groupMember("demo").list())
        .extracting(g -> g.getId()).containsExactly("camunda-admin");
  }
}
