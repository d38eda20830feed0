package org.osce.vienna.casefile;

import java.util.Locale;
import java.util.Optional;

/** The group ids of the deployment: one pair per participating State, and the managers. */
public final class Groups {

  public static final String MANAGERS = "managers";
  public static final String DELEGATION_PREFIX = "delegation-";
  public static final String HEADS_PREFIX = "heads-";
  /** Camunda's built-in administrators group (created with the admin user). */
  public static final String ADMINS = org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN;

  private Groups() {
  }

  public static String delegation(String stateCode) {
    return DELEGATION_PREFIX + stateCode.toLowerCase(Locale.ROOT);
  }

  public static String heads(String stateCode) {
    return HEADS_PREFIX + stateCode.toLowerCase(Locale.ROOT);
  }

  /** The State (its code, "GB") whose delegation {@code groupId} is ({@code delegation-gb}); none for another group. */
  public static Optional<String> stateOfDelegation(String groupId) {
    return stateAfter(DELEGATION_PREFIX, groupId);
  }

  /** The State (its code, "GB") whose heads {@code groupId} is ({@code heads-gb}); none for another group. */
  public static Optional<String> stateOfHeads(String groupId) {
    return stateAfter(HEADS_PREFIX, groupId);
  }

  private static Optional<String> stateAfter(String prefix, String groupId) {
    return groupId != null && groupId.startsWith(prefix)
        ? Optional.of(groupId.substring(prefix.length()).toUpperCase(Locale.ROOT)) : Optional.empty();
  }
}
