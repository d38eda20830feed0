package org.osce.vienna.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.osce.vienna.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The database goes away while the application runs, and comes back: meanwhile every caller is told
 * so at once (503 problem+json with Retry-After within 5 s; the health DOWN within 2 s), and when it is
 * back everything works again without a restart. A PostgreSQL server of this test's own, on a fixed
 * data directory and port, so that it can be stopped and started again under the running application;
 * so a context of its own too (not {@link org.osce.vienna.support.PostgresApplicationTest}'s).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "vienna.mail.dispatch.enabled=false"})
@ActiveProfiles("postgres")
class DatabaseOutageTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static Path dataDirectory;
  private static int databasePort;
  private static EmbeddedPostgres postgres;

  @LocalServerPort
  int port;
  @Autowired
  IdentityService identityService;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws Exception {
    dataDirectory = Files.createTempDirectory("vienna-outage-pg");
    try (ServerSocket free = new ServerSocket(0)) {
      databasePort = free.getLocalPort();
    }
    startDatabase();
    SpringApplication.getShutdownHandlers().add(DatabaseOutageTest::removeDatabase);
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE outage");
    }
    String url = postgres.getJdbcUrl("postgres", "outage");
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
    registry.add("camunda.bpm.admin-user.id", () -> "admin");
    registry.add("camunda.bpm.admin-user.password", () -> "admin-secret");
  }

  private static void startDatabase() throws IOException {
    postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).setDataDirectory(dataDirectory)
        .setCleanDataDirectory(false).setPort(databasePort).start();
  }

  /**
   * The database goes when the JVM ends, after the application (Spring Boot's shutdown handlers run once
   * the contexts are closed), so that the application stops at once instead of waiting on connections.
   * The context is not closed after the test (@DirtiesContext): a closing context takes Camunda's webapps
   * away from every other context in the JVM (their runtime is held in static fields).
   */
  private static void removeDatabase() {
    try {
      if (postgres != null) {
        postgres.close();
      }
      try (Stream<Path> files = Files.walk(dataDirectory)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    } catch (IOException ignored) {
      // the JVM is going away; the directory is a temporary one
    }
  }

  @Test
  void whileTheDatabaseIsAwayCallersAreToldSoAtOnceAndAllWorksAgainWhenItIsBack() throws Exception {
    String officer = TestUsers.officer(identityService, "GB");
    assertThat(startCase(officer, "VM-OUTAGE-1").statusCode()).isEqualTo(201);
    assertThat(call("GET", "/engine-rest/task", officer, null).statusCode()).isEqualTo(200);

    postgres.close();

    for (String path : new String[] {"/api/cases", "/engine-rest/task"}) {
      long start = System.nanoTime();
      HttpResponse<String> answer = call("GET", path, officer, null);
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertThat(answer.statusCode()).as("%s: %s", path, answer.body()).isEqualTo(503);
      assertThat(took).as(path).isLessThan(Duration.ofSeconds(5));
      assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(answer.headers().firstValue("Retry-After")).hasValueSatisfying(
          seconds -> assertThat(Long.parseLong(seconds)).isPositive());
      JsonNode problem = JSON.readTree(answer.body());
      assertThat(problem.path("status").asInt()).isEqualTo(503);
      assertThat(problem.path("detail").asText()).contains("database cannot be reached");
    }

    long start = System.nanoTime();
    HttpResponse<String> health = call("GET", "/actuator/health", null, null);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(health.body()).isEqualTo("{\"status\":\"DOWN\"}");
    assertThat(took).isLessThan(Duration.ofSeconds(2));

    startDatabase();

    // Nobody restarts the application: it finds the database again by itself.
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!call("GET", "/actuator/health", null, null).body().equals("{\"status\":\"UP\"}")) {
      assertThat(System.nanoTime()).as("health UP again within a minute").isLessThan(deadline);
      Thread.sleep(500);
    }
    HttpResponse<String> started = startCase(officer, "VM-OUTAGE-2");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    HttpResponse<String> read = call("GET", "/api/cases/VM-OUTAGE-2", officer, null);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(read.body()).path("reference").asText()).isEqualTo("VM-OUTAGE-2");
    assertThat(call("GET", "/engine-rest/task", officer, null).statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> startCase(String officer, String reference) throws Exception {
    return call("POST", "/api/cases", officer, "{\"reference\":\"" + reference + "\",\"leadDelegation\":\"GB\","
        + "\"addresseeState\":\"BY\",\"subject\":\"Outage\"}");
  }

  private HttpResponse<String> call(String method, String path, String user, String json) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(60))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + TestUsers.password(user)).getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
