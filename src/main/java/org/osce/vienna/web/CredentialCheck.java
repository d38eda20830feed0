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
import org.springframework.stereotype.Component;

/**
 * Checks HTTP Basic credentials of the case API and the actuator against the engine's users: is the password the
 * user's, and what are her groups.
 *
 * <p>The check is two engine commands (the password, then the groups), and cost more than the read it guards: a
 * third of the CPU of a {@code GET /api/cases/{reference}} (docs/performance.md). A system reads many cases in a row
 * with the same credentials, so a check that succeeded is remembered for {@link #REMEMBERED}, under a keyed hash of
 * the user and password (the password itself is not kept). A refused check is never remembered, so guessing is
 * still throttled and refused on every try. What this means, and is written in docs/security.md: a password
 * changed, a user deleted or a membership removed applies to the case API within {@link #REMEMBERED};
 * {@code /engine-rest} checks every call.
 */
@Component
public class CredentialCheck {

  public static final Duration REMEMBERED = Duration.ofSeconds(10);

  private final IdentityService identityService;
  private final Cache<String, List<String>> verified = Caffeine.newBuilder().expireAfterWrite(REMEMBERED)
      .maximumSize(10_000).build();
  /** The key of the hashes, new with each start: nothing remembered means anything outside this process. */
  private final SecretKeySpec key;

  public CredentialCheck(IdentityService identityService) {
    this.identityService = identityService;
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  /** The user's groups when the password is hers; empty for an unknown user or a wrong password. */
  public Optional<List<String>> groupsIfValid(BasicCredentials credentials) {
    String fingerprint = fingerprint(credentials);
    List<String> groups = verified.getIfPresent(fingerprint);
    if (groups != null) {
      return Optional.of(groups);
    }
    Optional<List<String>> checked = credentials.groupsIfValid(identityService);
    checked.ifPresent(valid -> verified.put(fingerprint, valid));
    return checked;
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
