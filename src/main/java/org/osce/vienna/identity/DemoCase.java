package org.osce.vienna.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.spin.plugin.variable.SpinValues;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.casefile.Groups;
import org.osce.vienna.engine.ProcessConstants;
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
  static final List<String> INVITED = List.of("AL", "AT", "BE", "BG", "CA", "HR", "CY", "CZ", "DK", "EE", "FI",
      "FR", "DE", "GR", "HU", "IS", "IE", "IT", "LV", "LT", "LU", "MT", "ME", "NL", "MK", "NO", "PT", "RO", "SK",
      "SI", "ES", "CH", "UA", "US");

  private static final Logger LOG = LoggerFactory.getLogger(DemoCase.class);

  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final CaseRecords cases;

  public DemoCase(RuntimeService runtimeService, IdentityService identityService, CaseRecords cases) {
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.cases = cases;
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
          ProcessConstants.SUBJECT, "Human rights situation in Belarus (joint letter of 4 November 2021)",
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
