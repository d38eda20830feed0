package org.osce.vienna.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.osce.vienna.casefile.Groups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's people: an officer and a head of delegation for eight States, and a manager. Only
 * with {@code vienna.demo.enabled=true} (the embedded default profile); production seeds no user.
 * Each password equals the user id, as in Camunda's own demo (demo/demo).
 */
@Component
@ConditionalOnProperty(name = "vienna.demo.enabled", havingValue = "true")
@Order(10) // after IdentitySetup has created the groups
public class DemoUsers extends AbstractCamundaConfiguration {

  /** A demo person; the head of a delegation is also in the delegation's group. */
  record DemoUser(String id, String firstName, String lastName, String email, List<String> groups) {
  }

  static final List<DemoUser> USERS = List.of(
      officer("gb", "Olivia", "Bennett"), head("gb", "Neil", "Holland"),
      officer("de", "Jonas", "Weber"), head("de", "Katrin", "Hoffmann"),
      officer("fr", "Camille", "Martin"), head("fr", "Antoine", "Lefebvre"),
      officer("us", "Grace", "Miller"), head("us", "Michael", "Carpenter"),
      officer("ca", "Chloe", "Tremblay"), head("ca", "Ethan", "MacDonald"),
      officer("se", "Ebba", "Lindqvist"), head("se", "Anders", "Nilsson"),
      officer("by", "Alena", "Kavalchuk"), head("by", "Andrei", "Sidorenko"),
      officer("ru", "Irina", "Volkova"), head("ru", "Pavel", "Sokolov"),
      new DemoUser("manager", "Maria", "Schneider", "manager@example.org", List.of(Groups.MANAGERS)));

  private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    IdentityService identityService = processEngine.getIdentityService();
    int created = 0;
    for (DemoUser demo : USERS) {
      if (identityService.createUserQuery().userId(demo.id()).count() > 0) {
        continue;
      }
      User user = identityService.newUser(demo.id());
      user.setFirstName(demo.firstName());
      user.setLastName(demo.lastName());
      user.setEmail(demo.email());
      user.setPassword(demo.id());
      identityService.saveUser(user);
      demo.groups().forEach(group -> identityService.createMembership(demo.id(), group));
      created++;
    }
    if (created > 0) {
      LOG.info("Demo users created: {} (password = user id)", created);
    }
  }

  private static DemoUser officer(String code, String first, String last) {
    return new DemoUser("officer-" + code, first, last, "officer-" + code + "@example.org",
        List.of(Groups.delegation(code)));
  }

  private static DemoUser head(String code, String first, String last) {
    return new DemoUser("head-" + code, first, last, "head-" + code + "@example.org",
        List.of(Groups.delegation(code), Groups.heads(code)));
  }
}
