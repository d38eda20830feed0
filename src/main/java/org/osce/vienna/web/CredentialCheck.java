package org.osce.vienna.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.stereotype.Component;

/**
 * Checks HTTP Basic credentials of {@code /engine-rest}, the case API and the actuator against the engine's users: is
 * the password the user's, and what are her groups and tenants.
 *
 * <p>The check is three engine commands (the password, the groups, the tenants), each a transaction: a third of the
 * CPU of a {@code GET /api/cases/{reference}}, a fifth of a read over {@code /engine-rest}, and half the transactions
 * of a case played over {@code /engine-rest} (docs/performance.md). A system makes many calls in a row with the same
 * credentials, so a check that succeeded is remembered for {@link #REMEMBERED}, under a keyed hash of the user and
 * password (the password itself is not kept). A refused check is never remembered, so guessing is still throttled
 * and refused on every try. What this means, and is written in docs/access.md: a password
 * changed, a user deleted or a membership removed applies within {@link #REMEMBERED}; the engine checks every call's
 * authorizations against the grants as they are.
 */
@Component
public class CredentialCheck {

  public static final Duration REMEMBERED = Duration.ofSeconds(10);

  private final IdentityService identityService;
  /** A user whose password was checked: her groups and tenants, as the engine's authorization checks take them. */
  public record Verified(List<String> groups, List<String> tenants) {
  }

  private final Cache<String, Verified> verified = Caffeine.newBuilder().expireAfterWrite(REMEMBERED)
      .maximumSize(10_000).build();
  /** The key of the hashes, new with each start: nothing remembered means anything outside this process. */
  private final SecretKeySpec key;

  public CredentialCheck(IdentityService identityService) {
    this.identityService = identityService;
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  /** The user's groups and tenants when the password is hers; empty for an unknown user or a wrong password. */
  public Optional<Verified> verify(BasicCredentials credentials) {
    String fingerprint = fingerprint(credentials);
    Verified remembered = verified.getIfPresent(fingerprint);
    if (remembered != null) {
      return Optional.of(remembered);
    }
    if (!identityService.checkPassword(credentials.userId(), credentials.password())) {
      return Optional.empty();
    }
    String userId = credentials.userId();
    Verified checked = new Verified(
        identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList(),
        identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
            .map(Tenant::getId).toList());
    verified.put(fingerprint, checked);
    return Optional.of(checked);
  }

  /** The user's groups when the password is hers; empty for an unknown user or a wrong password. */
  public Optional<List<String>> groupsIfValid(BasicCredentials credentials) {
    return verify(credentials).map(Verified::groups);
  }

  private String fingerprint(BasicCredentials credentials) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      // The NUL cannot occur in a user id, so "ab" + "c" and "a" + "bc" differ.
      byte[] hash = mac.doFinal((credentials.userId() + '\0' + credentials.password()).getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(hash);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
