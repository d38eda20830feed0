package org.osce.vienna.bench.driver;

import static org.osce.vienna.bench.driver.EngineRest.typed;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One case from start to close over {@code /engine-rest}, as the delegations' systems would drive it: the
 * 2021 letter drafted and approved, every invited delegation joining, delivered by hand, the reply
 * registered and assessed question by question, no follow-up. The same calls for the application and the
 * baseline.
 */
final class FullCase {

  /** The 2021 letter's co-signatories besides the lead (GB), in the letter's order. */
  static final List<String> CO_SIGNATORIES_2021 = List.of(
      "AL", "AT", "BE", "BG", "CA", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IS", "IE", "IT",
      "LV", "LT", "LU", "MT", "ME", "NL", "MK", "NO", "PT", "RO", "SK", "SI", "ES", "CH", "UA", "US");

  private static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LETTER = read("/driver/letter-2021-11-04-belarus.json");
  private static final int QUESTIONS;

  static {
    try {
      QUESTIONS = JSON.readTree(LETTER).get("questions").size();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private FullCase() {
  }

  /** Plays one case with {@code coSigners} invited delegations; returns when the engine has closed it. */
  static void play(EngineRest rest, String reference, int coSigners) throws IOException {
    String instance = deliver(rest, reference, coSigners, true);
    rest.complete(rest.task(instance, "Task_RegisterResponse"), Map.of(
        "responseReceived", typed("Boolean", true),
        "responseReceivedAt", typed("String", now().toString()),
        "responseReference", typed("String", "No. 03-12/" + reference),
        "responseSummary", typed("String", "The addressee rejects the questions.")));
    List<Map<String, Object>> assessments = new ArrayList<>();
    for (int question = 1; question <= QUESTIONS; question++) {
      assessments.add(Map.of("question", question, "assessment", "NOT_ANSWERED"));
    }
    rest.complete(rest.task(instance, "Task_AssessResponse"), Map.of(
        "responseSubstantive", typed("Boolean", false),
        "questionAssessments", typed("Json", JSON.writeValueAsString(assessments))));
    rest.complete(rest.task(instance, "Task_DecideFollowUp"), Map.of("followUpActions", typed("Json", "[]")));
    rest.awaitEnd(instance);
  }

  /** Opens a case and leaves it at its first task (the letter to draft): one of many open cases in the registry. */
  static void open(EngineRest rest, String reference, int coSigners) throws IOException {
    rest.start(reference, Map.of(
        "leadDelegation", typed("String", "GB"),
        "addresseeState", typed("String", "BY"),
        "subject", typed("String", "Benchmark case " + reference)));
  }

  /**
   * Plays a case up to the wait for the reply: started, drafted, approved, every invited delegation
   * joining, delivered by hand, the participating States told or (the lead's choice) not; returns the
   * process instance once its reply deadline is set.
   */
  static String deliver(EngineRest rest, String reference, int coSigners, boolean informParticipatingStates)
      throws IOException {
    List<String> invited = CO_SIGNATORIES_2021.subList(0, coSigners);
    String instance = rest.start(reference, Map.of(
        "leadDelegation", typed("String", "GB"),
        "addresseeState", typed("String", "BY"),
        "subject", typed("String", "Benchmark case " + reference)));
    rest.complete(rest.task(instance, "Task_DraftLetter"), Map.of(
        "letter", typed("Json", LETTER),
        "invitedDelegations", typed("Json", JSON.writeValueAsString(invited)),
        "signOffDueAt", typed("String", now().plusDays(7).toString())));
    rest.complete(rest.task(instance, "Task_ApproveDraft"), Map.of("draftApproved", typed("Boolean", true)));
    for (String task : rest.tasks(instance, "Task_DecideCoSigning", coSigners)) {
      rest.complete(task, Map.of("coSigns", typed("Boolean", true)));
    }
    rest.complete(rest.task(instance, "Task_SignAndDeliver"), Map.of(
        "deliveryChannel", typed("String", "BY_HAND"),
        "deliveredAt", typed("String", now().toString()),
        // As the first edition did for every case: the 57 delegations told.
        "announcements", typed("Json", informParticipatingStates ? "[\"INFORM_PARTICIPATING_STATES\"]" : "[]")));
    rest.task(instance, "Task_RegisterResponse");
    return instance;
  }

  /** Now in Vienna, to the second, as a form would send it ({@code 2026-11-29T17:05:12+01:00}). */
  private static OffsetDateTime now() {
    return OffsetDateTime.now(VIENNA).truncatedTo(ChronoUnit.SECONDS);
  }

  private static String read(String resource) {
    try (InputStream in = FullCase.class.getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
