package org.osce.vienna.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.osce.vienna.casefile.Groups;
import org.osce.vienna.support.TestUsers;
import org.osce.vienna.web.CredentialCheck;

/**
 * What docs/access.md promises of HTTP Basic on the case API: a successful check is remembered for ten seconds, so a
 * user deleted in Admin is refused within ten seconds (and not before the next check); a wrong password is refused on
 * every try, right after a success too.
 */
class CredentialMemoryTest extends ApiTestSupport {

  @Test
  void aUserDeletedIsRefusedWithinTenSecondsAndAWrongPasswordAlways() {
    String user = "t-memory-officer-lt";
    TestUsers.ensure(identityService, user, Groups.delegation("LT"));
    assertThat(get(user, "/api/cases").status()).isEqualTo(200);
    assertThat(call("GET", "/api/cases", user, "not-the-password", null).status())
        .as("a wrong password, right after the right one").isEqualTo(401);

    identityService.deleteUser(user);
    Awaitility.await().atMost(CredentialCheck.REMEMBERED.plusSeconds(5)).pollInterval(Duration.ofMillis(250))
        .until(() -> get(user, "/api/cases").status() == 401);
    assertThat(get(user, "/api/cases").status()).as("refused from then on").isEqualTo(401);
  }
}
