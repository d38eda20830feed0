package org.osce.vienna.api;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.osce.vienna.casefile.Groups;

/** Who calls the case API: a Camunda user, checked by {@link ApiAuthentication}, with her groups. */
public record ApiCaller(String userId, List<String> groupIds) {

  public boolean isAdmin() {
    return groupIds.contains(Groups.ADMINS);
  }

  /** Managers and administrators read every case. */
  public boolean seesEverything() {
    return isAdmin() || groupIds.contains(Groups.MANAGERS);
  }

  /** The States whose delegation (officers or heads) the caller belongs to, as upper-case codes. */
  public Set<String> delegations() {
    Set<String> codes = new LinkedHashSet<>();
    for (String group : groupIds) {
      for (String prefix : List.of(Groups.DELEGATION_PREFIX, Groups.HEADS_PREFIX)) {
        if (group.startsWith(prefix)) {
          codes.add(group.substring(prefix.length()).toUpperCase(Locale.ROOT));
        }
      }
    }
    return codes;
  }

  /** Whether the caller acts for this State's delegation: its officers and heads, and the administrators. */
  public boolean actsFor(String stateCode) {
    return isAdmin() || groupIds.contains(Groups.delegation(stateCode));
  }

  /** The States whose head of delegation the caller is, as upper-case codes. */
  public Set<String> headedStates() {
    Set<String> codes = new LinkedHashSet<>();
    for (String group : groupIds) {
      Groups.stateOfHeads(group).ifPresent(codes::add);
    }
    return codes;
  }

  /** Whether the caller is one of this State's heads of delegation, or an administrator. */
  public boolean headsFor(String stateCode) {
    return isAdmin() || groupIds.contains(Groups.heads(stateCode));
  }
}
