package org.osce.vienna.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osce.vienna.support.TestUsers;

/**
 * The registry's SQL on PostgreSQL (the statistics with a year, an addressee and a delegation's cases; the
 * gauges' queries, the engine's job table among them), with a case delivered over the case API while the
 * job executor runs. The numbers themselves are checked on H2 (registry/StatisticsOverRestTest,
 * registry/OperatorMetricsTest), where no job executor moves them.
 */
class RegistryOnPostgresTest extends ApiTestSupport {

  @Test
  void theStatisticsAndTheGaugesAnswerOnPostgres() {
    TestUsers.officer(identityService, "GB");
    TestUsers.head(identityService, "GB");
    TestUsers.head(identityService, "DE");
    String manager = TestUsers.manager(identityService);
    deliver("VM-REGISTRY-PG-1");
    int year = Year.now(ZoneId.of("Europe/Vienna")).getValue();
    String path = "/api/statistics?addresseeState=BY&year=" + year;

    JsonNode all = statistics(manager, path);
    assertThat(all.path("rows")).hasSize(1);
    JsonNode row = all.path("rows").get(0);
    assertThat(row.path("year").asInt()).isEqualTo(year);
    assertThat(row.path("awaitingReply").asInt()).isPositive();
    assertThat(row.path("invocations").asInt()).isEqualTo(row.path("repliesOnTime").asInt()
        + row.path("repliesLate").asInt() + row.path("noReply").asInt() + row.path("awaitingReply").asInt());

    JsonNode germany = statistics("t-head-de", path);
    assertThat(germany.path("rows")).hasSize(1);
    assertThat(germany.path("rows").get(0).path("invocations").asInt())
        .isPositive().isLessThanOrEqualTo(row.path("invocations").asInt());
    // Belarus's delegation, the addressee, is told of none of the invocations against it.
    assertThat(statistics(TestUsers.officer(identityService, "BY"), path).path("rows")).as("the addressee").isEmpty();

    Answer csv = get(manager, path, "Accept", "text/csv");
    assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
    assertThat(csv.body().split("\r\n")).hasSize(2);

    Answer metrics = get(manager, "/actuator/prometheus");
    assertThat(metrics.status()).as(metrics.toString()).isEqualTo(200);
    List<String> gauges = new ArrayList<>();
    for (String line : metrics.body().split("\n")) {
      if (line.startsWith("vienna_")) {
        gauges.add(line.substring(0, line.indexOf(' ')));
        double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        assertThat(value).as(line).isNotNaN().isGreaterThanOrEqualTo(0);
      }
    }
    assertThat(gauges).contains("vienna_cases_open{status=\"AWAITING_RESPONSE\"}", "vienna_replies_overdue",
        "vienna_meetings_past_target", "vienna_outbox_messages{state=\"waiting\"}",
        "vienna_outbox_messages{state=\"failed\"}", "vienna_jobs_due");
  }

  private JsonNode statistics(String user, String path) {
    Answer answer = get(user, path);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.json();
  }
}
