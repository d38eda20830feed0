package org.osce.vienna.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.osce.vienna.support.H2ApplicationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the actuator tells whom: anybody learns UP or DOWN from {@code /actuator/health} and nothing
 * else; the components, their details, the outbox (with the mail server and its last error) and the
 * index only managers and administrators. Demo users (password = user id).
 */
@H2ApplicationTest
class ActuatorAccessTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @LocalServerPort
  int port;

  @Test
  void anonymousCallersLearnTheStatusAndNothingElse() throws Exception {
    HttpResponse<String> health = get("/actuator/health", null);
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");

    for (String path : new String[] {"/actuator", "/actuator/health/outbox", "/actuator/health/db",
        "/actuator/health/notifications", "/actuator/info"}) {
      HttpResponse<String> refused = get(path, null);
      assertThat(refused.statusCode()).as(path).isEqualTo(401);
      assertThat(refused.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(
          type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(refused.headers().firstValue("WWW-Authenticate")).as(path).isPresent();
      assertThat(refused.body()).as(path).doesNotContain("smtp", "pending", "processEngine");
    }
  }

  @Test
  void aManagerAndTheAdministratorReadTheComponentsTheOutboxAndTheIndex() throws Exception {
    for (String operator : new String[] {"manager", "demo"}) {
      JsonNode health = JSON.readTree(get("/actuator/health", operator).body());
      assertThat(health.path("status").asText()).isEqualTo("UP");
      assertThat(health.path("components").fieldNames()).toIterable()
          .contains("db", "processEngine", "notifications");
      assertThat(health.path("components").path("db").path("details").path("database").asText()).isNotBlank();
      assertThat(health.path("components").path("notifications").path("details").has("pending")).isTrue();

      HttpResponse<String> outbox = get("/actuator/health/outbox", operator);
      assertThat(outbox.statusCode()).as(operator).isEqualTo(200);
      assertThat(JSON.readTree(outbox.body()).path("components").path("notifications").path("details")
          .has("failed")).isTrue();

      HttpResponse<String> index = get("/actuator", operator);
      assertThat(index.statusCode()).as(operator).isEqualTo(200);
      assertThat(JSON.readTree(index.body()).path("_links").has("health")).isTrue();
    }
  }

  @Test
  void anOfficerLearnsTheStatusOnly() throws Exception {
    HttpResponse<String> health = get("/actuator/health", "officer-gb");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
    for (String path : new String[] {"/actuator", "/actuator/health/outbox", "/actuator/info"}) {
      HttpResponse<String> refused = get(path, "officer-gb");
      assertThat(refused.statusCode()).as(path).isEqualTo(403);
      assertThat(JSON.readTree(refused.body()).path("detail").asText()).as(path)
          .contains("Only managers and administrators");
    }
  }

  @Test
  void aWrongPasswordIsRefusedEvenForTheStatus() throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
        .header("Authorization", basic("manager", "not-the-password")).build();
    HttpResponse<String> refused = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.body()).doesNotContain("UP");
  }

  private HttpResponse<String> get(String path, String user) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(30));
    if (user != null) {
      request.header("Authorization", basic(user, user));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
