package org.osce.vienna.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osce.vienna.support.LoopbackHttp.basic;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.osce.vienna.casefile.Groups;
import org.osce.vienna.support.H2ApplicationTest;
import org.osce.vienna.support.LoopbackHttp;
import org.osce.vienna.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

/**
 * {@code /engine-rest}'s filter finds the engine a call addresses without looking up the engine provider through a
 * ServiceLoader (which, in the packaged jar, opens a nested jar on every call), and answers as before: the default
 * engine by either path, 404 for an engine that does not exist.
 */
@H2ApplicationTest
class EngineRestAuthenticationTest {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  IdentityService identityService;
  @Autowired
  @Qualifier("engineRestAuthenticationFilter")
  FilterRegistrationBean<?> registration;

  @Test
  void theAddressedEngineIsFoundWhereNoServiceFileCanBeSeen() throws Exception {
    EngineRestAuthentication.Filter filter = (EngineRestAuthentication.Filter) registration.getFilter();
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    // A class loader that sees none of the application's jars: a ServiceLoader given it finds no provider.
    try (URLClassLoader nothing = new URLClassLoader(new URL[0], null)) {
      thread.setContextClassLoader(nothing);
      assertThat(filter.getAddressedEngine(engine.getName())).isSameAs(engine);
      assertThat(filter.getAddressedEngine("elsewhere")).isNull();
    } finally {
      thread.setContextClassLoader(before);
    }
  }

  @Test
  void aCallReachesTheDefaultEngineByEitherPathAndNoOther() {
    // A user of this test's own: a demo officer's successful login, remembered, would hide her failed ones from
    // the login throttle's test.
    String user = "t-engine-rest-officer-mt";
    TestUsers.ensure(identityService, user, Groups.delegation("MT"));
    LoopbackHttp http = new LoopbackHttp("127.0.0.1", port);
    Map<String, String> officer = Map.of("Authorization", basic(user, TestUsers.password(user)));
    assertThat(http.send("GET", "/engine-rest/task", officer, null).status()).isEqualTo(200);
    assertThat(http.send("GET", "/engine-rest/engine/" + engine.getName() + "/task", officer, null).status())
        .isEqualTo(200);
    LoopbackHttp.Answer elsewhere = http.send("GET", "/engine-rest/engine/elsewhere/task", officer, null);
    assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(404);
    assertThat(elsewhere.body()).contains("elsewhere");
  }
}
