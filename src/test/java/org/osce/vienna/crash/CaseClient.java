package org.osce.vienna.crash;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A ministry's system calling the application over HTTP (Basic, Camunda users). A call that fails
 * because the application died throws {@link ApplicationDown}; the caller waits for the restart and
 * reads the case again before it does anything, so a step done just before the crash is not repeated.
 */
final class CaseClient {

  static final ObjectMapper JSON = new ObjectMapper();

  /** The application did not answer: it was killed, or is starting again. */
  static final class ApplicationDown extends RuntimeException {
    ApplicationDown(String call, IOException cause) {
      super(call + ": " + cause, cause);
    }
  }

  record Answer(int status, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("Not JSON (" + status + "): " + body, e);
      }
    }

    boolean ok() {
      return status >= 200 && status < 300;
    }

    @Override
    public String toString() {
      return status + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
    }
  }

  private final ChildApplication application;
  private final Instant deadline;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  /** Calls that failed because the application was down, and were retried after it came back. */
  final AtomicInteger failedCalls = new AtomicInteger();
  /** Successful steps of the procedure (start, task completed, response reported): the run's progress. */
  final AtomicInteger steps = new AtomicInteger();
  /**
   * How many steps the clients may have done before the next kill. They wait there, so that each kill
   * finds cases in flight however fast the machine is (on a quiet machine the cases outran the kills).
   */
  final AtomicInteger allowedSteps = new AtomicInteger(Integer.MAX_VALUE);
  /** Answers no step expects: reported in the figures. */
  final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());

  /** Waits until the clients may take another step (see {@link #allowedSteps}). */
  void awaitTurn() {
    while (steps.get() >= allowedSteps.get()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("The clients waited past the deadline for the next kill");
      }
      ChildApplication.pause(Duration.ofMillis(100));
    }
  }

  CaseClient(ChildApplication application, Instant deadline) {
    this.application = application;
    this.deadline = deadline;
  }

  static String password(String user) {
    return user + "-crash-pw";
  }

  Answer get(String user, String path) {
    return call("GET", path, user, null);
  }

  Answer post(String user, String path, Object body) {
    return call("POST", path, user, body);
  }

  Answer put(String user, String path) {
    return call("PUT", path, user, null);
  }

  Answer call(String method, String path, String user, Object body) {
    String baseUrl = application.awaitUp(deadline);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (user + ":" + password(user)).getBytes(StandardCharsets.UTF_8)));
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8));
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      failedCalls.incrementAndGet();
      throw new ApplicationDown(method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** After a failed call: wait until the application is back (or was never away: a stale connection). */
  void awaitRestart() {
    ChildApplication.pause(Duration.ofMillis(500));
    application.awaitUp(deadline);
  }

  void unexpected(String reference, String what, Answer answer) {
    unexpected.add(reference + " " + what + ": " + answer);
  }

  static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
