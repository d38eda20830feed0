package org.osce.vienna.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.osce.vienna.support.H2ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The delegations' groups as Tasklist lists them: the State first ("United Kingdom — officers"), so a narrow
 * list does not cut off what tells them apart. A database of an earlier version, whose groups still have the
 * names given then, gets the new names at the next start; a name an administrator chose is kept.
 */
@H2ApplicationTest
class GroupNamesTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  IdentitySetup setup;

  @Test
  void theStateComesFirstAndFormerNamesAreRenamedAtStartup() {
    IdentityService identity = engine.getIdentityService();
    assertThat(name("delegation-gb")).isEqualTo("United Kingdom — officers");
    assertThat(name("heads-gb")).isEqualTo("United Kingdom — heads of delegation");

    rename("delegation-fr", "Delegation of France");
    rename("heads-fr", "Heads of delegation of France");
    rename("delegation-de", "German officers (Vienna)");
    setup.postProcessEngineBuild(engine);

    assertThat(name("delegation-fr")).isEqualTo("France — officers");
    assertThat(name("heads-fr")).isEqualTo("France — heads of delegation");
    assertThat(name("delegation-de")).isEqualTo("German officers (Vienna)");
    rename("delegation-de", "Germany — officers");
    assertThat(identity.createGroupQuery().groupId("delegation-fr").singleResult().getType()).isEqualTo("DELEGATION");
  }

  private String name(String groupId) {
    return engine.getIdentityService().createGroupQuery().groupId(groupId).singleResult().getName();
  }

  private void rename(String groupId, String name) {
    Group group = engine.getIdentityService().createGroupQuery().groupId(groupId).singleResult();
    group.setName(name);
    engine.getIdentityService().saveGroup(group);
  }
}
