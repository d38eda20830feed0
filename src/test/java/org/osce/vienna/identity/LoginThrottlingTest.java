package org.osce.vienna.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osce.vienna.support.LoopbackHttp.basic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osce.vienna.support.H2ApplicationTest;
import org.osce.vienna.support.LoopbackHttp;
import org.osce.vienna.support.LoopbackHttp.Answer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A stranger guessing a diplomat's password locks out only himself: after his source address has
 * spent its budget of failed logins it gets 429 with Retry-After and its passwords are no longer
 * checked, while the diplomat logs in at once from any other address and her account is never locked.
 * The same holds for HTTP Basic and the webapps' login form.
 *
 * <p>The application is shared with other tests ({@link H2ApplicationTest}), whose calls come from
 * 127.0.0.1: the strangers and the officers here are loopback addresses of this class's own
 * (127.0.0.11 to 127.0.0.14), so no other test spends their budgets or finds its own spent, and the
 * users' failed attempts are counted from what they were when the test began.
 */
@H2ApplicationTest
@ExtendWith(OutputCaptureExtension.class)
class LoginThrottlingTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** vienna.login-throttle.max-failures in application.yaml. */
  private static final int BUDGET = 10;

  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void aBurstOfWrongPasswordsIsStoppedAtItsSourceAndTheUserLogsInFromAnotherAtOnce(CapturedOutput output)
      throws Exception {
    LoopbackHttp stranger = new LoopbackHttp("127.0.0.11", port);
    LoopbackHttp officer = new LoopbackHttp("127.0.0.12", port);
    int attemptsBefore = attempts("officer-gb");

    List<Integer> statuses = new ArrayList<>();
    Answer last = null;
    for (int i = 0; i < BUDGET + 5; i++) {
      last = stranger.send("GET", "/engine-rest/task", Map.of("Authorization", basic("officer-gb", "guess-" + i)), null);
      statuses.add(last.status());
    }
    List<Integer> expected = new ArrayList<>(Collections.nCopies(BUDGET, 401));
    expected.addAll(Collections.nCopies(5, 429));
    assertThat(statuses).isEqualTo(expected);
    assertThat(last.header("Content-Type")).startsWith("application/problem+json");
    assertThat(Long.parseLong(last.header("Retry-After"))).isPositive();
    JsonNode problem = JSON.readTree(last.body());
    assertThat(problem.path("status").asInt()).isEqualTo(429);
    assertThat(problem.path("detail").asText()).contains("Try again in " + last.header("Retry-After") + " seconds");
    // The refused attempts never reached the engine: it checked, and counted, ten wrong passwords.
    assertThat(attempts("officer-gb")).isEqualTo(attemptsBefore + BUDGET);
    // From the throttled address even the right password is refused unchecked, on every address that checks one.
    assertThat(stranger.send("GET", "/engine-rest/task", Map.of("Authorization", basic("officer-gb", "officer-gb")),
        null).status()).isEqualTo(429);
    assertThat(stranger.send("GET", "/api/cases", Map.of("Authorization", basic("officer-gb", "officer-gb")),
        null).status()).isEqualTo(429);

    // The officer, from her own address, right away: not locked, not delayed.
    Answer tasks = officer.send("GET", "/engine-rest/task", Map.of("Authorization", basic("officer-gb", "officer-gb")),
        null);
    assertThat(tasks.status()).as(tasks.toString()).isEqualTo(200);
    assertThat(officer.send("GET", "/api/cases", Map.of("Authorization", basic("officer-gb", "officer-gb")), null)
        .status()).isEqualTo(200);
    assertThat(attempts("officer-gb")).isZero();
    assertThat(jdbc.queryForObject("SELECT LOCK_EXP_TIME_ FROM ACT_ID_USER WHERE ID_ = 'officer-gb'", Object.class))
        .isNull();

    // One WARN line per failed login, naming the user tried and the address; no stack trace.
    List<String> warnings = output.getOut().lines()
        .filter(line -> line.contains("Failed login for user 'officer-gb' from 127.0.0.11 ")).toList();
    assertThat(warnings).hasSize(BUDGET).allSatisfy(line -> assertThat(line).contains("WARN"));
    assertThat(output.getOut()).doesNotContain("at org.osce.vienna.identity.LoginThrottle");
  }

  @Test
  void theWebappsLoginFormIsThrottledTheSameWay(CapturedOutput output) throws Exception {
    LoopbackHttp stranger = new LoopbackHttp("127.0.0.13", port);
    Map<String, String> session = webappSession(stranger);
    int attemptsBefore = attempts("officer-de");

    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < BUDGET + 2; i++) {
      statuses.add(login(stranger, session, "officer-de", "guess-" + i).status());
    }
    List<Integer> expected = new ArrayList<>(Collections.nCopies(BUDGET, 401));
    expected.addAll(Collections.nCopies(2, 429));
    assertThat(statuses).isEqualTo(expected);
    Answer refused = login(stranger, session, "officer-de", "officer-de");
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(refused.header("Retry-After")).matches("[1-9][0-9]*");
    assertThat(attempts("officer-de")).isEqualTo(attemptsBefore + BUDGET);
    assertThat(output.getOut().lines().filter(line -> line.contains("WARN")
        && line.contains("Failed login for user 'officer-de' from 127.0.0.13 "))).hasSize(BUDGET);

    LoopbackHttp officer = new LoopbackHttp("127.0.0.14", port);
    Answer loggedIn = login(officer, webappSession(officer), "officer-de", "officer-de");
    assertThat(loggedIn.status()).as(loggedIn.toString()).isEqualTo(200);
    assertThat(loggedIn.body()).contains("\"userId\":\"officer-de\"");
    assertThat(attempts("officer-de")).isZero();
  }

  private int attempts(String userId) {
    Integer attempts = jdbc.queryForObject("SELECT ATTEMPTS_ FROM ACT_ID_USER WHERE ID_ = ?", Integer.class, userId);
    return attempts == null ? 0 : attempts;
  }

  /** Opens Tasklist as a browser does: the session and CSRF cookies, and the token to send back. */
  private static Map<String, String> webappSession(LoopbackHttp browser) {
    Answer page = browser.send("GET", "/camunda/app/tasklist/default/", Map.of(), null);
    assertThat(page.status()).isEqualTo(200);
    Map<String, String> cookies = new LinkedHashMap<>();
    for (String setCookie : page.headers("Set-Cookie")) {
      String pair = setCookie.split(";", 2)[0];
      cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
    }
    assertThat(cookies).containsKey("XSRF-TOKEN");
    return Map.of("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
            .collect(Collectors.joining("; ")),
        "X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"),
        "Content-Type", "application/x-www-form-urlencoded");
  }

  private static Answer login(LoopbackHttp browser, Map<String, String> session, String user, String password) {
    return browser.send("POST", "/camunda/api/admin/auth/user/default/login/tasklist", session,
        "username=" + user + "&password=" + password);
  }
}
