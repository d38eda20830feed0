package org.osce.vienna.support;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.osce.vienna.casefile.Groups;

/** Creates users the way an administrator would in Camunda Admin; password = id + "-pw". */
public final class TestUsers {

  private TestUsers() {
  }

  public static String password(String userId) {
    return userId + "-pw";
  }

  public static void ensure(IdentityService identityService, String userId, String... groups) {
    if (identityService.createUserQuery().userId(userId).count() > 0) {
      return;
    }
    User user = identityService.newUser(userId);
    user.setFirstName(userId);
    user.setLastName("Test");
    user.setPassword(password(userId));
    identityService.saveUser(user);
    for (String group : groups) {
      identityService.createMembership(userId, group);
    }
  }

  /** An officer of a delegation. */
  public static String officer(IdentityService identityService, String stateCode) {
    String id = "t-officer-" + stateCode.toLowerCase();
    ensure(identityService, id, Groups.delegation(stateCode));
    return id;
  }

  /** A head of delegation (also in the delegation's group). */
  public static String head(IdentityService identityService, String stateCode) {
    String id = "t-head-" + stateCode.toLowerCase();
    ensure(identityService, id, Groups.delegation(stateCode), Groups.heads(stateCode));
    return id;
  }

  public static String manager(IdentityService identityService) {
    ensure(identityService, "t-manager", Groups.MANAGERS);
    return "t-manager";
  }
}
