package org.osce.vienna.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osce.vienna.engine.ProcessConstants.MEETING_REQUESTED_AT;
import static org.osce.vienna.engine.ProcessConstants.MEETING_REQUESTED_BY;
import static org.osce.vienna.engine.ProcessConstants.MESSAGE_BILATERAL_MEETING_REQUESTED;
import static org.osce.vienna.registry.DatedCases.clockAt;
import static org.osce.vienna.support.CaseDriver.vars;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osce.vienna.casefile.Groups;
import org.osce.vienna.engine.EngineClock;
import org.osce.vienna.engine.RecentReading;
import org.osce.vienna.notification.NotificationOutbox;
import org.osce.vienna.support.CaseDriver;
import org.osce.vienna.support.H2ApplicationTest;
import org.osce.vienna.support.LoopbackHttp;
import org.osce.vienna.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code /actuator/prometheus} as Prometheus scrapes it, for managers and administrators only: the
 * gauges move as one case to Turkmenistan, played in March 2023 (dates no other test of the shared
 * context uses), is delivered, asked for a meeting, left without a reply past its deadline and the
 * meeting's target, and one of its notices fails. Counted as differences, since the other test classes'
 * cases share the database; the job backlog as the engine's own job query counts it.
 */
@H2ApplicationTest
class OperatorMetricsTest {

  private static final Pattern SAMPLE = Pattern.compile("^(\\w+)(?:\\{([^}]*)\\})?\\s+(\\S+)");
  private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  NotificationOutbox outbox;

  /**
   * Scrapes as a manager of its own: a user whose password someone got wrong (the demo's manager, in
   * ActuatorAccessTest) is locked, for the engine, until the time of that failure, which is in the future
   * once the test sets the clock back.
   */
  static final String SCRAPER = "t-metrics-scraper";

  @BeforeEach
  void scraper() {
    TestUsers.ensure(engine.getIdentityService(), SCRAPER, Groups.MANAGERS);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theGaugesFollowACaseThroughItsDeadlinesAndAFailedNotice() throws Exception {
    clockAt("2023-03-01T09:00:00Z");
    // Fresh: an earlier test's scrape (the authorization matrix's) may have read the gauges at today's clock.
    Map<String, Double> before = freshScrape();
    assertThat(before).containsKeys("vienna_cases_open{status=DRAFTING}", "vienna_cases_open{status=AWAITING_RESPONSE}",
        "vienna_replies_overdue", "vienna_meetings_past_target", "vienna_outbox_messages{state=waiting}",
        "vienna_outbox_messages{state=failed}", "vienna_jobs_due");
    assertThat(before).doesNotContainKey("vienna_cases_open{status=CLOSED}");

    // Delivered on 3 March (reply due by the end of 13 March); Turkmenistan asks for a meeting the next day
    // (to be held by the end of 11 March).
    String reference = "VM-METRICS-TM-1";
    CaseDriver driver = new CaseDriver(engine);
    ProcessInstance pi = new DatedCases(driver).delivered(reference, "GB", List.of("DE"), "TM",
        "2023-03-03T10:00:00+01:00");
    clockAt("2023-03-04T10:00:00+01:00");
    driver.correlate(MESSAGE_BILATERAL_MEETING_REQUESTED, reference,
        vars(MEETING_REQUESTED_BY, "TM", MEETING_REQUESTED_AT, "2023-03-04T10:00:00+01:00"));
    driver.runJobs(pi);

    Map<String, Double> delivered = freshScrape();
    assertThat(delta(before, delivered, "vienna_cases_open{status=AWAITING_RESPONSE}")).isEqualTo(1);
    assertThat(delta(before, delivered, "vienna_replies_overdue")).isZero();
    assertThat(delta(before, delivered, "vienna_meetings_past_target")).isZero();
    // Nothing is sent in this context: each notice of the case waits in the outbox.
    assertThat(delta(before, delivered, "vienna_outbox_messages{state=waiting}")).isEqualTo(outbox.of(reference).size())
        .isPositive();
    assertThat(delivered.get("vienna_jobs_due")).isEqualTo(jobsTheEngineCouldRunNow());

    // 14 March: the reply deadline and the meeting target have passed, their timers are due.
    clockAt("2023-03-14T12:00:00+01:00");
    Map<String, Double> late = freshScrape();
    assertThat(delta(before, late, "vienna_replies_overdue")).isEqualTo(1);
    assertThat(delta(before, late, "vienna_meetings_past_target")).isEqualTo(1);
    assertThat(late.get("vienna_jobs_due")).isEqualTo(jobsTheEngineCouldRunNow())
        .isGreaterThanOrEqualTo(delivered.get("vienna_jobs_due") + 2);

    // One of its notices fails to go out: it is retried, and counts as failed, no longer as waiting.
    Instant now = EngineClock.now();
    long noticeId = outbox.of(reference).get(0).id();
    NotificationOutbox.Due due = outbox.due(now, Duration.ofMinutes(5), Integer.MAX_VALUE).stream()
        .filter(d -> d.id() == noticeId).findFirst().orElseThrow();
    assertThat(outbox.claim(due, now)).isTrue();
    outbox.failed(noticeId, "Connection refused (the test's mail server is away)", now.plus(Duration.ofMinutes(1)));
    Map<String, Double> failed = freshScrape();
    assertThat(delta(late, failed, "vienna_outbox_messages{state=failed}")).isEqualTo(1);
    assertThat(delta(late, failed, "vienna_outbox_messages{state=waiting}")).isEqualTo(-1);
  }

  @Test
  void onlyManagersAndAdministratorsReadTheMetrics() throws Exception {
    LoopbackHttp.Answer anonymous = http().send("GET", "/actuator/prometheus", Map.of(), null);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");
    assertThat(anonymous.body()).doesNotContain("vienna_");

    LoopbackHttp.Answer officer = http().send("GET", "/actuator/prometheus",
        Map.of("Authorization", LoopbackHttp.basic("officer-gb", "officer-gb")), null);
    assertThat(officer.status()).isEqualTo(403);
    assertThat(new ObjectMapper().readTree(officer.body()).path("detail").asText())
        .contains("Only managers and administrators");

    LoopbackHttp.Answer admin = http().send("GET", "/actuator/prometheus",
        Map.of("Authorization", LoopbackHttp.basic("demo", "demo")), null);
    assertThat(admin.status()).isEqualTo(200);
    assertThat(admin.body()).contains("vienna_jobs_due");
  }

  private long jobsTheEngineCouldRunNow() {
    // The job executor is off in this context: no job is locked, so "due and not locked" is "executable".
    return engine.getManagementService().createJobQuery().executable().active().count();
  }

  private static double delta(Map<String, Double> from, Map<String, Double> to, String sample) {
    return to.get(sample) - from.get(sample);
  }

  /** A scrape after the gauges' last reading has expired, so that it reads the database again. */
  private Map<String, Double> freshScrape() throws Exception {
    Thread.sleep(RecentReading.FRESH_FOR.toMillis() + 200);
    return scrape();
  }

  /** The vienna_* samples of a scrape as a manager, each by name and its labels ({@code name{label=value}}). */
  private Map<String, Double> scrape() {
    LoopbackHttp.Answer answer = http().send("GET", "/actuator/prometheus",
        Map.of("Authorization", LoopbackHttp.basic(SCRAPER, TestUsers.password(SCRAPER))), null);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(answer.header("Content-Type")).startsWith("text/plain");
    Map<String, Double> samples = new HashMap<>();
    for (String line : answer.body().split("\n")) {
      Matcher sample = SAMPLE.matcher(line);
      if (line.startsWith("vienna_") && sample.find()) {
        StringBuilder key = new StringBuilder(sample.group(1));
        if (sample.group(2) != null && !sample.group(2).isBlank()) {
          Matcher label = LABEL.matcher(sample.group(2));
          StringBuilder labels = new StringBuilder();
          while (label.find()) {
            labels.append(labels.isEmpty() ? "" : ",").append(label.group(1)).append('=').append(label.group(2));
          }
          key.append('{').append(labels).append('}');
        }
        samples.put(key.toString(), Double.parseDouble(sample.group(3)));
      }
    }
    return samples;
  }

  private LoopbackHttp http() {
    return new LoopbackHttp("127.0.0.1", port);
  }
}
