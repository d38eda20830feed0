package org.osce.vienna.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.osce.vienna.support.PostgresApplicationTest;
import org.osce.vienna.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application as systems meet it: started on a real, empty PostgreSQL database (profile
 * "postgres", job executor running), called over HTTP like any client. The API tests share this one
 * application context with the other PostgreSQL tests ({@link PostgresApplicationTest}).
 */
@PostgresApplicationTest
abstract class ApiTestSupport {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String PROBLEM_JSON = "application/problem+json";

  @LocalServerPort
  int port;
  @Autowired
  IdentityService identityService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  JdbcTemplate jdbc;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();

  /** An HTTP answer: status, headers, body. */
  record Answer(int status, Map<String, List<String>> headers, String body) {

    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }

    String contentType() {
      return header("Content-Type");
    }

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (JsonProcessingException e) {
        throw new AssertionError("Not JSON (" + status + "): " + body, e);
      }
    }

    @Override
    public String toString() {
      return status + " " + contentType() + " " + (body.length() > 2000 ? body.substring(0, 2000) + "…" : body);
    }
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  /** Any request; {@code user} null for none; {@code password} as given (for wrong passwords). */
  Answer call(String method, String path, String user, String password, String body, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(60));
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new AssertionError(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  Answer get(String user, String path, String... headers) {
    return call("GET", path, user, TestUsers.password(user), null, headers);
  }

  Answer post(String user, String path, Object body) {
    return call("POST", path, user, TestUsers.password(user), body instanceof String s ? s : write(body),
        "Content-Type", "application/json");
  }

  static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  JsonNode view(String user, String reference) {
    Answer answer = get(user, "/api/cases/" + reference);
    assertThat(answer.status()).as("GET case %s: %s", reference, answer).isEqualTo(200);
    return answer.json();
  }

  /** Polls the case as a client would until it shows what the next step needs, or fails after two minutes. */
  JsonNode await(String user, String reference, String what, Predicate<JsonNode> condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    JsonNode view = null;
    while (System.nanoTime() < deadline) {
      view = view(user, reference);
      if (condition.test(view)) {
        return view;
      }
      var instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult();
      if (instance != null) {
        assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).list())
            .as("incidents in %s", reference).isEmpty();
      }
      sleep(250);
    }
    throw new AssertionError(reference + " did not reach: " + what + "; last seen " + view);
  }

  static Predicate<JsonNode> status(String status) {
    return view -> status.equals(view.path("status").asText());
  }

  static Predicate<JsonNode> statusAndTask(String status, String taskKey) {
    return status(status).and(view -> !tasks(view, taskKey).isEmpty());
  }

  static List<JsonNode> tasks(JsonNode view, String taskKey) {
    List<JsonNode> found = new ArrayList<>();
    view.path("openTasks").forEach(task -> {
      if (taskKey.equals(task.path("taskDefinitionKey").asText())) {
        found.add(task);
      }
    });
    return found;
  }

  static String taskId(JsonNode view, String taskKey) {
    List<JsonNode> found = tasks(view, taskKey);
    assertThat(found).as("open %s in %s", taskKey, view.path("openTasks")).hasSize(1);
    return found.get(0).path("id").asText();
  }

  /** Claims and completes a task over /engine-rest, as a system of the task's delegation does. */
  void claimAndComplete(String user, String taskId, Map<String, Object> variables) {
    Answer claim = post(user, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", user));
    assertThat(claim.status()).as("claim as %s: %s", user, claim).isEqualTo(204);
    Answer complete = post(user, "/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables));
    assertThat(complete.status()).as("complete as %s: %s", user, complete).isEqualTo(204);
  }

  /** Engine REST variables: name, type, value, ... */
  static Map<String, Object> variables(Object... nameTypeValue) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (int i = 0; i < nameTypeValue.length; i += 3) {
      Map<String, Object> variable = new LinkedHashMap<>();
      variable.put("type", nameTypeValue[i + 1]);
      variable.put("value", nameTypeValue[i + 2]);
      variables.put((String) nameTypeValue[i], variable);
    }
    return variables;
  }

  /**
   * Needs the users t-officer-gb, t-head-gb, t-head-de. A case with the 2021 letter, DE invited: GB drafts and
   * approves, DE joins or declines; returns the case once its letter waits for the lead's signature.
   */
  JsonNode letterToSign(String reference, boolean germanyJoins) {
    assertThat(post("t-officer-gb", "/api/cases", RefusalsOverRestTest.start(reference, b -> {
      b.putArray("invitedDelegations").add("DE");
      b.set("letter", RefusalsOverRestTest.letter());
      b.put("signOffDueAt", RefusalsOverRestTest.inDays(2));
    })).status()).isEqualTo(201);
    claimAndComplete("t-officer-gb", taskId(view("t-officer-gb", reference), "Task_DraftLetter"), Map.of());
    claimAndComplete("t-head-gb", taskId(view("t-officer-gb", reference), "Task_ApproveDraft"),
        variables("draftApproved", "Boolean", true));
    JsonNode view = await("t-officer-gb", reference, "co-signing", statusAndTask("SIGN_OFF", "Task_DecideCoSigning"));
    claimAndComplete("t-head-de", taskId(view, "Task_DecideCoSigning"), variables("coSigns", "Boolean", germanyJoins));
    return await("t-officer-gb", reference, "the letter to sign", statusAndTask("DELIVERY", "Task_SignAndDeliver"));
  }

  /** Needs the users t-officer-gb, t-head-gb, t-head-de. Starts a case with the 2021 letter, DE invited; GB drafts, approves, DE joins, GB hands the letter over. */
  JsonNode deliver(String reference) {
    JsonNode view = letterToSign(reference, true);
    claimAndComplete("t-head-gb", taskId(view, "Task_SignAndDeliver"), variables("deliveryChannel", "String", "BY_HAND",
        "deliveredAt", "String", OffsetDateTime.now(ZoneOffset.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).toString(),
        "announcements", "Json", "[\"INFORM_PARTICIPATING_STATES\"]"));
    // Settled: the States informed too, so the case no longer changes by itself.
    return await("t-officer-gb", reference, "awaiting the response, the States informed",
        v -> statusAndTask("AWAITING_RESPONSE", "Task_RegisterResponse").test(v)
            && v.path("timeline").findValuesAsText("event").contains("PARTICIPATING_STATES_INFORMED"));
  }

  long processInstances() {
    return runtimeService.createProcessInstanceQuery().count();
  }

  long rows(String table) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
