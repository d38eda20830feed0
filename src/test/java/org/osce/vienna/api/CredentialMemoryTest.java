package org.osce.vienna.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.osce.vienna.casefile.Groups;
import org.osce.vienna.support.CountedStatements;
import org.osce.vienna.support.CountedStatements.Statement;
import org.osce.vienna.support.TestUsers;
import org.osce.vienna.web.CredentialCheck;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What docs/access.md promises of HTTP Basic on the case API and {@code /engine-rest}: a successful check is
 * remembered for ten seconds, so a system's calls in a row do not check the password and read the user's groups and
 * tenants each time, and a user deleted in Admin is refused within ten seconds (and not before the next check); a
 * wrong password is checked, and refused, on every try, right after a success too.
 */
class CredentialMemoryTest extends ApiTestSupport {

  @Autowired
  CountedStatements statements;

  // A password refused counts against the login throttle of the tests' one address (ten): this test spends four.
  @Test
  void aUserDeletedIsRefusedWithinTenSecondsAndAWrongPasswordAlways() {
    String user = "t-memory-officer-lt";
    TestUsers.ensure(identityService, user, Groups.delegation("LT"));
    for (String path : List.of("/api/cases", "/engine-rest/task")) {
      assertThat(get(user, path).status()).as(path).isEqualTo(200);

      statements.start();
      Answer again = get(user, path);
      List<Statement> remembered = identityStatements(statements.stopOnRequests());
      statements.start();
      Answer wrongPassword = call("GET", path, user, "not-the-password", null);
      List<Statement> checked = identityStatements(statements.stopOnRequests());

      assertThat(again.status()).as(path).isEqualTo(200);
      assertThat(remembered).as("%s: the user, her groups and tenants, read again for a second call", path).isEmpty();
      assertThat(wrongPassword.status()).as("%s: a wrong password, right after the right one", path).isEqualTo(401);
      assertThat(checked).as("%s: the wrong password's check", path).isNotEmpty();
    }

    identityService.deleteUser(user);
    Awaitility.await().atMost(CredentialCheck.REMEMBERED.plusSeconds(5)).pollInterval(Duration.ofMillis(250))
        .until(() -> get(user, "/api/cases").status() == 401);
    assertThat(get(user, "/engine-rest/task").status()).as("/engine-rest, refused as well").isEqualTo(401);
  }

  private static List<Statement> identityStatements(List<Statement> sent) {
    return sent.stream().filter(statement -> statement.sql().toUpperCase(Locale.ROOT).contains("ACT_ID_")).toList();
  }
}
