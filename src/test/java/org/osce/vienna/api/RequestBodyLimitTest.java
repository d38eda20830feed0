package org.osce.vienna.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osce.vienna.support.LoopbackHttp.basic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osce.vienna.support.LoopbackHttp;
import org.osce.vienna.support.TestUsers;

/**
 * The body limit holds however a body is sent: several megabytes sent in chunks, with no
 * Content-Length to refuse them by, are answered 413 as problem+json by the case API and by
 * {@code /engine-rest}, and a declared length over the limit is refused before a byte of the body is
 * sent. The application answers normally afterwards. (The test streams its bodies; it never holds one.)
 */
class RequestBodyLimitTest extends ApiTestSupport {

  /** vienna.request-body.max-size in application.yaml: 1 MB. */
  static final long LIMIT = 1024 * 1024;
  static final long SENT = 5 * 1024 * 1024;

  @Test
  void aChunkedBodyOverTheLimitIsRefused413ByTheCaseApiAndByEngineRest() throws Exception {
    String officer = TestUsers.officer(identityService, "GB");
    LoopbackHttp client = new LoopbackHttp("127.0.0.1", port);
    Map<String, String> headers = Map.of("Authorization", basic(officer, TestUsers.password(officer)),
        "Content-Type", "application/json");
    long instances = processInstances();

    LoopbackHttp.Streamed caseApi = client.sendChunked("POST", "/api/cases", headers,
        "{\"reference\":\"VM-BIG-1\",\"leadDelegation\":\"GB\",\"addresseeState\":\"BY\",\"subject\":\"", SENT,
        "\"}");
    assertTooLarge(caseApi.answer(), "/api/cases");

    LoopbackHttp.Streamed engineRest = client.sendChunked("POST",
        "/engine-rest/process-definition/key/vienna-mechanism/start", headers,
        "{\"businessKey\":\"VM-BIG-2\",\"variables\":{\"leadDelegation\":{\"type\":\"String\",\"value\":\"GB\"},"
            + "\"addresseeState\":{\"type\":\"String\",\"value\":\"BY\"},\"subject\":{\"type\":\"String\",\"value\":\"",
        SENT, "\"}}}");
    assertTooLarge(engineRest.answer(), "/engine-rest/process-definition/key/vienna-mechanism/start");
    assertThat(processInstances()).isEqualTo(instances);

    // The application goes on answering as before.
    assertThat(get(officer, "/api/cases").status()).isEqualTo(200);
    Answer started = post(officer, "/api/cases", Map.of("reference", "VM-AFTER-BIG", "leadDelegation", "GB",
        "addresseeState", "BY", "subject", "After the large bodies"));
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
  }

  @Test
  void aDeclaredLengthOverTheLimitIsRefusedUnread() throws Exception {
    String officer = TestUsers.officer(identityService, "GB");
    LoopbackHttp client = new LoopbackHttp("127.0.0.1", port);
    Map<String, String> headers = Map.of("Authorization", basic(officer, TestUsers.password(officer)),
        "Content-Type", "application/json");
    // Only the head is sent: an answer can come only from a refusal that does not wait for the body.
    for (String path : new String[] {"/api/cases", "/engine-rest/process-definition/key/vienna-mechanism/start",
        "/camunda/api/engine/engine/default/process-definition/key/vienna-mechanism/start"}) {
      LoopbackHttp.Answer answer = client.sendHeadOnly("POST", path, headers, 300L * 1024 * 1024);
      assertTooLarge(answer, path);
      assertThat(JSON.readTree(answer.body()).path("detail").asText()).contains(Long.toString(300L * 1024 * 1024));
    }
  }

  private static void assertTooLarge(LoopbackHttp.Answer answer, String path) throws Exception {
    assertThat(answer.status()).as("%s: %s", path, answer).isEqualTo(413);
    assertThat(answer.header("Content-Type")).startsWith(PROBLEM_JSON);
    JsonNode problem = JSON.readTree(answer.body());
    assertThat(problem.path("status").asInt()).isEqualTo(413);
    assertThat(problem.path("title").asText()).isEqualTo("Request body too large");
    assertThat(problem.path("detail").asText()).contains("at most " + LIMIT + " bytes");
    assertThat(problem.path("instance").asText()).isEqualTo(path);
  }
}
