package org.osce.vienna.bench.driver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The calls a ministry's system makes to {@code /engine-rest} (docs/api.md), the same for the application
 * and the baseline: start a case, find a task of the case, complete it with the contract's variables.
 */
final class EngineRest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration POLL = Duration.ofMillis(25);
  private static final Duration PATIENCE = Duration.ofMinutes(3);
  /** How many times a target answered 503 (temporarily unavailable) to the driver. */
  static final AtomicInteger UNAVAILABLE = new AtomicInteger();
  /**
   * How many calls the driver has made (reads of the case API aside). A client waits for the engine's asynchronous
   * steps by asking again every {@link #POLL}, so a target that takes longer is asked more often, and charged for it.
   */
  static final AtomicLong CALLS = new AtomicLong();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String authorization;

  EngineRest(String baseUrl, String user, String password) {
    this.base = baseUrl;
    this.authorization = "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** Starts a case with its business key and start variables; returns the process instance id. */
  String start(String reference, Map<String, Map<String, Object>> variables) {
    Map<String, Object> body = Map.of("businessKey", reference, "variables", variables);
    return send("POST", "/engine-rest/process-definition/key/vienna-mechanism/start", body, 200).get("id").asText();
  }

  /** The ids of {@code count} open tasks of the instance at {@code taskKey}, waiting for the engine to create them. */
  List<String> tasks(String processInstanceId, String taskKey, int count) {
    String query = "/engine-rest/task?processInstanceId=" + processInstanceId + "&taskDefinitionKey="
        + URLEncoder.encode(taskKey, StandardCharsets.UTF_8) + "&maxResults=" + (count + 1);
    long until = System.nanoTime() + PATIENCE.toNanos();
    while (true) {
      JsonNode found = send("GET", query, null, 200);
      if (found.size() >= count) {
        List<String> ids = new ArrayList<>();
        found.forEach(task -> ids.add(task.get("id").asText()));
        return ids;
      }
      waitOrFail(until, processInstanceId + " has no " + count + " open " + taskKey + " (has " + found.size() + ")");
    }
  }

  String task(String processInstanceId, String taskKey) {
    return tasks(processInstanceId, taskKey, 1).get(0);
  }

  void complete(String taskId, Map<String, Map<String, Object>> variables) {
    send("POST", "/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables), 204);
  }

  /** Waits until the instance has ended (its asynchronous last steps included). */
  void awaitEnd(String processInstanceId) {
    long until = System.nanoTime() + PATIENCE.toNanos();
    while (status("/engine-rest/process-instance/" + processInstanceId) != 404) {
      waitOrFail(until, processInstanceId + " did not end");
    }
  }

  /** The status of a GET, without reading the body: the readiness checks. */
  int status(String path) {
    CALLS.incrementAndGet();
    try {
      return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A GET that must answer 200; returns the length of the body. */
  long read(String path) {
    // A blocking connection on the client's own thread: the HTTP client above hands each call between its threads,
    // and on this machine its eight clients' CPU took the cores the application answers with (side by side on one
    // registry: p99 80 ms against 30 ms for a 50-case page, docs/performance.md, twelfth round).
    try {
      HttpURLConnection connection = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
      connection.setRequestProperty("Authorization", authorization);
      int status = connection.getResponseCode();
      // Read to the end and closed, the connection is kept for the client's next call.
      try (InputStream body = status == 200 ? connection.getInputStream() : connection.getErrorStream()) {
        long bytes = body == null ? 0 : body.transferTo(OutputStream.nullOutputStream());
        if (status != 200) {
          throw new IllegalStateException("GET " + path + " answered " + status);
        }
        return bytes;
      }
    } catch (IOException e) {
      throw new IllegalStateException("GET " + path + " failed: " + e.getMessage(), e);
    }
  }

  JsonNode get(String path) {
    return send("GET", path, null, 200);
  }

  static Map<String, Object> typed(String type, Object value) {
    Map<String, Object> typed = new LinkedHashMap<>();
    typed.put("type", type);
    typed.put("value", value);
    return typed;
  }

  private JsonNode send(String method, String path, Object body, int expected) {
    try {
      HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
      HttpRequest request = request(path).header("Content-Type", "application/json").method(method, publisher).build();
      CALLS.incrementAndGet();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      // A system told "503, try again" (the application's answer while its connections are all in use) waits
      // as told and asks again, as the ministries' systems are asked to; each such answer is counted.
      while (response.statusCode() == 503) {
        UNAVAILABLE.incrementAndGet();
        Thread.sleep(1000L * response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L));
        CALLS.incrementAndGet();
        response = http.send(request, HttpResponse.BodyHandlers.ofString());
      }
      if (response.statusCode() != expected) {
        throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
            + response.body());
      }
      return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", authorization);
  }

  private static void waitOrFail(long until, String failure) {
    if (System.nanoTime() > until) {
      throw new IllegalStateException(failure);
    }
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
