package org.osce.vienna.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osce.vienna.registry.DatedCases.clockAt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osce.vienna.casefile.Groups;
import org.osce.vienna.response.ReplyMessages;
import org.osce.vienna.response.ResponseInput;
import org.osce.vienna.support.CaseDriver;
import org.osce.vienna.support.H2ApplicationTest;
import org.osce.vienna.support.LoopbackHttp;
import org.osce.vienna.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code GET /api/statistics} over HTTP, on cases played to different ends on the dates they name (the
 * letters to Mongolia of 2021 and 2022, an addressee and years no other test of the shared context uses):
 * the numbers, the same as CSV read back by a CSV parser, who sees which cases, and the refusals.
 */
@H2ApplicationTest
class StatisticsOverRestTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  IdentityService identityService;
  @Autowired
  ReplyMessages replyMessages;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void repliesOnTimeLateNoneAndAwaitedCountedPerAddresseeAndYearOfDeliveryInVienna() throws Exception {
    DatedCases cases = new DatedCases(new CaseDriver(engine));
    String manager = TestUsers.manager(identityService);

    // 2021: delivered 4 November, replied 12 November (8 days, on time), substantive, a PC statement.
    ProcessInstance onTime = cases.delivered("VM-STATS-MN-1", "GB", List.of("DE"), "MN", "2021-11-04T10:00:00+01:00");
    cases.replied(onTime, "GB", "2021-11-12T15:00:00+01:00");
    cases.assessed(onTime, "GB", true);
    cases.followUp(onTime, "GB", "PERMANENT_COUNCIL_STATEMENT");
    // Delivered 2 December, due by the end of 12 December, replied 20 December (18 days, late), not substantive.
    ProcessInstance late = cases.delivered("VM-STATS-MN-2", "GB", List.of("US"), "MN", "2021-12-02T10:00:00+01:00");
    cases.replied(late, "GB", "2021-12-20T11:00:00+01:00");
    cases.assessed(late, "GB", false);
    cases.followUp(late, "GB", "PERMANENT_COUNCIL_STATEMENT", "HUMAN_DIMENSION_MEETING");
    // Handed over on New Year's Eve at 23:30 UTC, already 1 January 2022 in Vienna: a case of 2022. No reply.
    ProcessInstance none = cases.delivered("VM-STATS-MN-3", "FR", List.of("SE"), "MN", "2021-12-31T23:30:00Z");
    cases.noReply(none, "FR", "2022-01-12T12:00:00+01:00");
    // 2022: delivered 3 February, due by the end of 13 February; asked two days later, the reply is awaited.
    cases.delivered("VM-STATS-MN-4", "GB", List.of("DE"), "MN", "2022-02-03T10:00:00+01:00");
    clockAt("2022-02-05T12:00:00+01:00");

    JsonNode answer = json(get("/api/statistics?addresseeState=MN", manager));
    assertThat(answer.path("rows")).hasSize(2);
    JsonNode y2021 = answer.path("rows").get(0);
    assertThat(y2021.path("addresseeState").asText()).isEqualTo("MN");
    assertThat(y2021.path("addresseeName").asText()).isEqualTo("Mongolia");
    assertThat(y2021.path("year").asInt()).isEqualTo(2021);
    assertThat(counts(y2021)).containsExactly(2, 1, 1, 0, 0);
    assertThat(y2021.path("medianDaysToReply").decimalValue()).isEqualByComparingTo("13"); // (8 + 18) / 2
    assertThat(y2021.path("assessed").asInt()).isEqualTo(2);
    assertThat(y2021.path("judgedSubstantive").asInt()).isEqualTo(1);
    assertThat(y2021.path("shareSubstantive").decimalValue()).isEqualByComparingTo("0.5");
    assertThat(y2021.path("followUps")).isEqualTo(JSON.readTree("""
        {"PERMANENT_COUNCIL_STATEMENT":2,"HUMAN_DIMENSION_MEETING":1,"MOSCOW_MECHANISM":0,"BILATERAL_MEETING":0}"""));
    JsonNode y2022 = answer.path("rows").get(1);
    assertThat(y2022.path("year").asInt()).isEqualTo(2022);
    assertThat(counts(y2022)).containsExactly(2, 0, 0, 1, 1);
    assertThat(y2022.path("medianDaysToReply").isNull()).isTrue();
    assertThat(y2022.path("shareSubstantive").isNull()).isTrue();
    assertThat(answer.path("asOf").asText()).isEqualTo("2022-02-05T12:00:00+01:00");

    // The first case alone reads as the issue has it: 4 to 12 November is 8 days.
    String officerDe = TestUsers.officer(identityService, "DE");
    JsonNode seenByGermany = json(get("/api/statistics?addresseeState=Mongolia&year=2021", officerDe));
    assertThat(seenByGermany.path("rows")).hasSize(1);
    assertThat(counts(seenByGermany.path("rows").get(0))).containsExactly(1, 1, 0, 0, 0);
    assertThat(seenByGermany.path("rows").get(0).path("medianDaysToReply").decimalValue()).isEqualByComparingTo("8");

    // Once the deadline of 13 February has passed without a reply, the awaited one counts as none.
    clockAt("2022-02-14T00:00:00+01:00");
    JsonNode later = json(get("/api/statistics?addresseeState=MN&year=2022", manager));
    assertThat(counts(later.path("rows").get(0))).containsExactly(2, 0, 0, 2, 0);
  }

  @Test
  void aReplyAfterNoResponseCountsAsLateAndSupplementaryRepliesApartNeverAsInvocations() throws Exception {
    DatedCases cases = new DatedCases(new CaseDriver(engine));
    // Delivered 7 March 2022, due by the end of 17 March, closed as "no response" on 18 March.
    ProcessInstance pi = cases.delivered("VM-STATS-TJ-1", "GB", List.of("DE"), "TJ", "2022-03-07T10:00:00+01:00");
    cases.noReply(pi, "GB", "2022-03-18T12:00:00+01:00");
    String manager = TestUsers.manager(identityService);
    assertThat(counts(json(get("/api/statistics?addresseeState=TJ", manager)).path("rows").get(0)))
        .containsExactly(1, 0, 0, 1, 0);

    // The reply of 20 March comes after all (registered the next day), then a supplementary one on 25 March.
    clockAt("2022-03-21T10:00:00+01:00");
    reply(pi, "2022-03-20T10:00:00+01:00", "No. 1");
    clockAt("2022-03-25T12:00:00+01:00");
    reply(pi, "2022-03-25T10:00:00+01:00", "No. 2");

    JsonNode row = json(get("/api/statistics?addresseeState=TJ", manager)).path("rows").get(0);
    assertThat(counts(row)).as("one invocation, answered late; no longer none").containsExactly(1, 0, 1, 0, 0);
    assertThat(row.path("supplementaryReplies").asInt()).isEqualTo(1);
    assertThat(row.path("medianDaysToReply").decimalValue()).as("7 to 20 March, the first reply")
        .isEqualByComparingTo("13");
    Map<String, String> csv = readCsv(get("/api/statistics?addresseeState=TJ", manager, "Accept", "text/csv").body())
        .get(0);
    assertThat(csv.get("supplementaryReplies")).isEqualTo("1");
    assertThat(csv.get("repliesLate")).isEqualTo("1");
  }

  /** A reply passed to the case as the case API and Tasklist pass it, on the engine clock's day. */
  private void reply(ProcessInstance pi, String receivedAt, String replyReference) {
    assertThat(replyMessages.pass(pi.getBusinessKey(), pi.getId(), new ResponseInput(
        OffsetDateTime.parse(receivedAt).toInstant(), replyReference, "A reply."))).isTrue();
    new CaseDriver(engine).runJobs(pi);
  }

  @Test
  void theCsvHasAHeaderRowAndTheSameNumbersAsTheJson() throws Exception {
    String manager = TestUsers.manager(identityService);
    DatedCases cases = new DatedCases(new CaseDriver(engine));
    // A subject and name with no comma would not test the quoting: the State's name has none, so the
    // test case is Bosnia and Herzegovina, the CSV's text fields quoted only where they must be.
    ProcessInstance pi = cases.delivered("VM-STATS-BA-1", "GB", List.of("DE"), "BA", "2020-03-02T10:00:00+01:00");
    cases.replied(pi, "GB", "2020-03-05T10:00:00+01:00");
    clockAt("2020-03-06T10:00:00+01:00");

    LoopbackHttp.Answer csv = get("/api/statistics?addresseeState=BA", manager, "Accept", "text/csv");
    assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
    assertThat(csv.header("Content-Type")).startsWith("text/csv");
    assertThat(csv.body()).as("RFC 4180 line breaks").contains("\r\n").doesNotContain("\n\n");
    List<Map<String, String>> records = readCsv(csv.body());
    JsonNode rows = json(get("/api/statistics?addresseeState=BA", manager)).path("rows");
    assertThat(records).hasSize(rows.size()).hasSize(1);
    Map<String, String> record = records.get(0);
    JsonNode row = rows.get(0);
    List<String> header = new ArrayList<>(record.keySet());
    assertThat(header).startsWith("addresseeState", "addresseeName", "year", "invocations", "repliesOnTime")
        .contains("medianDaysToReply", "shareSubstantive", "followUps.MOSCOW_MECHANISM");
    row.fields().forEachRemaining(field -> {
      if (field.getValue().isObject()) {
        field.getValue().fields().forEachRemaining(action -> assertThat(record.get("followUps." + action.getKey()))
            .isEqualTo(action.getValue().asText()));
      } else {
        assertThat(record.get(field.getKey())).as(field.getKey())
            .isEqualTo(field.getValue().isNull() ? "" : field.getValue().asText());
      }
    });
    assertThat(record.get("addresseeName")).isEqualTo("Bosnia and Herzegovina");
    assertThat(record.get("medianDaysToReply")).isEqualTo("3");
    assertThat(record.get("shareSubstantive")).as("not assessed yet").isEmpty();
  }

  @Test
  void aDelegationCountsOnlyTheCasesItLeadsOrWasInvitedToAndAnonymousCallersNone() throws Exception {
    DatedCases cases = new DatedCases(new CaseDriver(engine));
    cases.delivered("VM-STATS-ME-1", "GB", List.of("DE"), "ME", "2020-05-04T10:00:00+02:00");
    cases.delivered("VM-STATS-ME-2", "FR", List.of("SE"), "ME", "2020-06-01T10:00:00+02:00");
    clockAt("2020-06-02T10:00:00+02:00");
    String path = "/api/statistics?addresseeState=ME";

    assertThat(invocations(path, TestUsers.manager(identityService))).isEqualTo(2);
    TestUsers.ensure(identityService, "t-admin", Groups.ADMINS);
    assertThat(invocations(path, "t-admin")).as("an administrator").isEqualTo(2);
    assertThat(invocations(path, TestUsers.officer(identityService, "GB"))).as("lead").isEqualTo(1);
    assertThat(invocations(path, TestUsers.head(identityService, "DE"))).as("co-signatory").isEqualTo(1);
    assertThat(invocations(path, TestUsers.officer(identityService, "SE"))).as("co-signatory").isEqualTo(1);
    assertThat(invocations(path, TestUsers.officer(identityService, "FR"))).as("lead").isEqualTo(1);
    assertThat(json(get(path, TestUsers.officer(identityService, "AT"))).path("rows")).as("uninvited").isEmpty();
    // The addressee is not told of the invocations against it here: the case API shows it no case either.
    assertThat(json(get(path, TestUsers.officer(identityService, "ME"))).path("rows")).as("addressee").isEmpty();

    LoopbackHttp.Answer anonymous = http().send("GET", path, Map.of(), null);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");
    assertThat(anonymous.body()).doesNotContain("invocations");
  }

  @Test
  void badQueryParametersAreRefusedNamingEach() throws Exception {
    String manager = TestUsers.manager(identityService);
    LoopbackHttp.Answer refused = get("/api/statistics?addresseeState=XX&year=twenty&adressee=MN", manager);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    JsonNode errors = JSON.readTree(refused.body()).path("fieldErrors");
    assertThat(errors.path("addresseeState").asText()).contains("'XX'");
    assertThat(errors.path("year").asText()).contains("'twenty' is not a year");
    assertThat(errors.path("adressee").asText()).contains("is not a parameter of this call (addresseeState, year)");

    JsonNode tooEarly = JSON.readTree(get("/api/statistics?year=1970", manager).body());
    assertThat(tooEarly.path("status").asInt()).isEqualTo(400);
    assertThat(tooEarly.path("fieldErrors").path("year").asText()).contains("1975");

    LoopbackHttp.Answer xml = get("/api/statistics", manager, "Accept", "application/xml");
    assertThat(xml.status()).isEqualTo(406);
  }

  /** invocations, on time, late, none, awaited. */
  private static List<Integer> counts(JsonNode row) {
    return List.of(row.path("invocations").asInt(), row.path("repliesOnTime").asInt(), row.path("repliesLate").asInt(),
        row.path("noReply").asInt(), row.path("awaitingReply").asInt());
  }

  private int invocations(String path, String user) throws Exception {
    JsonNode rows = json(get(path, user)).path("rows");
    int n = 0;
    for (JsonNode row : rows) {
      n += row.path("invocations").asInt();
    }
    return n;
  }

  private static List<Map<String, String>> readCsv(String text) throws Exception {
    CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.FAIL_ON_MISSING_HEADER_COLUMNS);
    try (MappingIterator<Map<String, String>> records = mapper.readerForMapOf(String.class)
        .with(CsvSchema.emptySchema().withHeader().withStrictHeaders(true)).readValues(text)) {
      return records.readAll();
    }
  }

  private LoopbackHttp http() {
    return new LoopbackHttp("127.0.0.1", port);
  }

  /**
   * As a test user of this class's own: the engine would refuse a demo user whose password another test
   * got wrong, until the time of that failure, which is in the future while the clock is set back.
   */
  private LoopbackHttp.Answer get(String path, String user, String... headers) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("Authorization", LoopbackHttp.basic(user, TestUsers.password(user)));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      all.put(headers[i], headers[i + 1]);
    }
    return http().send("GET", path, all, null);
  }

  private static JsonNode json(LoopbackHttp.Answer answer) throws Exception {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(answer.header("Content-Type")).startsWith("application/json");
    return JSON.readTree(answer.body());
  }
}
