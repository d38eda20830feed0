package org.osce.vienna.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GroupsTest {

  @Test
  void aDelegationsGroupsNameItsState() {
    assertThat(Groups.stateOfDelegation(Groups.delegation("GB"))).contains("GB");
    assertThat(Groups.stateOfHeads(Groups.heads("de"))).contains("DE");
  }

  @Test
  void otherGroupsNameNoState() {
    assertThat(Groups.stateOfDelegation(Groups.heads("GB"))).isEmpty();
    assertThat(Groups.stateOfHeads(Groups.delegation("GB"))).isEmpty();
    assertThat(Groups.stateOfDelegation(Groups.MANAGERS)).isEmpty();
    assertThat(Groups.stateOfHeads(null)).isEmpty();
  }
}
