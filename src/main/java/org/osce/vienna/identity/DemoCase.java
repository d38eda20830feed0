package org.osce.vienna.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.spin.plugin.variable.SpinValues;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.casefile.Groups;
import org.osce.vienna.engine.EngineClock;
import org.osce.vienna.engine.ProcessConstants;
import org.osce.vienna.registry.PastInvocation;
import org.osce.vienna.registry.PastInvocations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo's case: the published joint letter of 4 November 2021 to Belarus, lead GB, the 34 other
 * delegations that signed it invited, started once as a ministry's system would start it (with
 * the complete letter), so that the GB officer finds the draft pre-filled in Tasklist.
 */
@Component
@ConditionalOnProperty(name = "vienna.demo.enabled", havingValue = "true")
public class DemoCase {

  public static final String REFERENCE = "VM-2021-BY-01";
  /** The same letter as it went in 2021, recorded as a past case so that the demo's registry is not empty. */
  public static final String PAST_REFERENCE = "VM-2021-BY-PAST";
  static final String SUBJECT = "Human rights situation in Belarus (joint letter of 4 November 2021)";
  static final List<String> INVITED = List.of("AL", "AT", "BE", "BG", "CA", "HR", "CY", "CZ", "DK", "EE", "FI",
      "FR", "DE", "GR", "HU", "IS", "IE", "IT", "LV", "LT", "LU", "MT", "ME", "NL", "MK", "NO", "PT", "RO", "SK",
      "SI", "ES", "CH", "UA", "US");

  private static final Logger LOG = LoggerFactory.getLogger(DemoCase.class);

  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final CaseRecords cases;
  private final PastInvocations pastInvocations;

  public DemoCase(RuntimeService runtimeService, IdentityService identityService, CaseRecords cases,
      PastInvocations pastInvocations) {
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.cases = cases;
    this.pastInvocations = pastInvocations;
  }

  /**
   * The 2021 invocation as it happened: delivered on 4 November 2021, answered by Belarus on 12 November
   * rejecting the invocation, which the invoking States judged no answer to any question. The record says
   * nothing of a follow-up, so the case waits there, as a recorded case that has not reached its end does.
   */
  @EventListener(ApplicationReadyEvent.class)
  public void recordThePastOnce() {
    if (cases.exists(PAST_REFERENCE)) {
      return;
    }
    Map<String, Object> values = new HashMap<>();
    values.put(ProcessConstants.REFERENCE, PAST_REFERENCE);
    values.put(ProcessConstants.LEAD_DELEGATION, "GB");
    values.put(ProcessConstants.ADDRESSEE_STATE, "BY");
    values.put(ProcessConstants.SUBJECT, SUBJECT);
    values.put(ProcessConstants.LETTER, letter());
    values.put(PastInvocation.SIGNATORIES, Stream.concat(Stream.of("GB"), INVITED.stream()).toList());
    values.put(PastInvocation.DELIVERED_AT, "2021-11-04T12:00:00+01:00");
    List<Map<String, Object>> questions = IntStream.rangeClosed(1, 8)
        .mapToObj(n -> Map.<String, Object>of("question", n, "assessment", "NOT_ANSWERED")).toList();
    Map<String, Object> reply = new HashMap<>();
    reply.put("receivedAt", "2021-11-12T12:00:00+01:00");
    reply.put("summary", "Belarus rejects the invocation of the Vienna Mechanism and answers none of the questions.");
    reply.put("substantive", false);
    reply.put(ProcessConstants.QUESTION_ASSESSMENTS, questions);
    Instant now = EngineClock.now();
    pastInvocations.record(PastInvocation.read(values, List.of(reply), now), "head-gb", now);
    LOG.info("Demo past case {} recorded: the 2021 letter, answered on 12 November 2021", PAST_REFERENCE);
  }

  @EventListener(ApplicationReadyEvent.class)
  public void startOnce() {
    if (cases.exists(REFERENCE)) {
      return;
    }
    identityService.setAuthentication("officer-gb", List.of(Groups.delegation("GB")));
    try {
      runtimeService.startProcessInstanceByKey(ProcessConstants.PROCESS_KEY, REFERENCE, Map.of(
          ProcessConstants.LEAD_DELEGATION, "GB",
          ProcessConstants.ADDRESSEE_STATE, "BY",
          ProcessConstants.SUBJECT, SUBJECT,
          ProcessConstants.LETTER, SpinValues.jsonValue(letter()).create(),
          ProcessConstants.INVITED_DELEGATIONS, SpinValues.jsonValue(jsonList(INVITED)).create(),
          // Short enough to see the round close in a demo; the drafter may move it.
          ProcessConstants.SIGN_OFF_DUE_AT, OffsetDateTime.now(ZoneId.of("Europe/Vienna")).plusHours(2)
              .withNano(0).toString()));
      LOG.info("Demo case {} started: log in as officer-gb to check the draft", REFERENCE);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private static String jsonList(List<String> codes) {
    return "[\"" + String.join("\",\"", codes) + "\"]";
  }

  private static String letter() {
    try (InputStream in = DemoCase.class.getResourceAsStream("/demo/letter-2021-11-04-belarus.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
