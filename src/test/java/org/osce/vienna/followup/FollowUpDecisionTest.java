package org.osce.vienna.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osce.vienna.casefile.InvalidInputException;
import org.osce.vienna.engine.InputValues;

/** "Decide on follow-up", without an engine: a GB case to Belarus. */
class FollowUpDecisionTest {

  /** The lead and nine others: enough for the Moscow Mechanism by default. */
  static final List<String> TEN = List.of("GB", "DE", "FR", "US", "CA", "SE", "NL", "PL", "IT", "ES");
  static final List<String> THREE = List.of("GB", "DE", "FR");

  static FollowUpDecision read(Object actions, List<String> signing) {
    return FollowUpDecision.read(InputValues.of(Map.of("followUpActions", actions)), signing, "GB", "BY", null);
  }

  static FollowUpDecision moscow(Object supporters, List<String> signing) {
    Map<String, Object> values = new HashMap<>();
    values.put("followUpActions", List.of("MOSCOW_MECHANISM"));
    values.put("moscowSupporters", supporters);
    return FollowUpDecision.read(InputValues.of(values), signing, "GB", "BY", null);
  }

  static Map<String, String> refusal(Runnable reading) {
    try {
      reading.run();
    } catch (InvalidInputException e) {
      assertThat(e.getMessage()).startsWith("The follow-up cannot be decided: ");
      return e.fieldErrors();
    }
    throw new AssertionError("accepted");
  }

  @Test
  void eachActionOnceInTheOrderGiven() {
    assertThat(read("[\"BILATERAL_MEETING\", \"PERMANENT_COUNCIL_STATEMENT\", \"BILATERAL_MEETING\"]", THREE).names())
        .containsExactly("BILATERAL_MEETING", "PERMANENT_COUNCIL_STATEMENT");
    assertThat(FollowUpDecision.read(InputValues.of(Map.of()), THREE, "GB", "BY", null).actions()).isEmpty();
    assertThatThrownBy(() -> read(List.of("moscow_mechanism"), TEN)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'moscow_mechanism' is not a follow-up action; choose from [PERMANENT_COUNCIL_STATEMENT,");
  }

  @Test
  void theMoscowMechanismIsSupportedByDefaultByTheOtherSignatoriesWhenTheyAreNine() {
    FollowUpDecision decision = read(List.of("MOSCOW_MECHANISM"), TEN);
    assertThat(decision.actions()).containsExactly(FollowUpAction.MOSCOW_MECHANISM);
    assertThat(decision.moscowSupporters()).containsExactly("DE", "FR", "US", "CA", "SE", "NL", "PL", "IT", "ES");
    assertThat(decision.inWords()).isEqualTo("the Moscow Mechanism (supported by DE, FR, US, CA, SE, NL, PL, IT, ES)");
    assertThat(moscow("[]", TEN).moscowSupporters()).hasSize(9);

    assertThat(refusal(() -> read(List.of("MOSCOW_MECHANISM"), THREE))).containsExactly(Map.entry("moscowSupporters",
        "are needed: the Moscow Mechanism needs the lead supported by at least 9 others, 10 States in all (Moscow"
            + " Document 1991, para 12), and the letter has 3 signatories: name the States that support it"));
  }

  @Test
  void namedSupportersNeedNotBeSignatoriesButMustBeNineParticipatingStates() {
    // 2018: the supporters were not all signatories of the Vienna letter.
    List<String> nine = List.of("DE", "FR", "US", "CA", "Sweden", "NL", "PL", "IT", "Czech Republic");
    assertThat(moscow(nine, THREE).moscowSupporters())
        .containsExactly("DE", "FR", "US", "CA", "SE", "NL", "PL", "IT", "CZ");
    assertThat(refusal(() -> moscow(nine.subList(0, 8), TEN))).containsExactly(Map.entry("moscowSupporters",
        "name 8 States: the Moscow Mechanism needs the lead supported by at least 9 others, 10 States in all (Moscow"
            + " Document 1991, para 12)"));
  }

  @Test
  void everyWrongSupporterIsNamedByItsIndex() {
    Map<String, String> errors = refusal(() -> moscow(List.of("DE", "BY", "GB", "de", "EU", " ", "FR", "US", "CA",
        "SE", "NL"), TEN));
    assertThat(errors).containsExactly(
        Map.entry("moscowSupporters[1]", "is the addressee BY, which never supports the Moscow Mechanism against itself"),
        Map.entry("moscowSupporters[2]", "is the lead delegation GB, which invokes the Moscow Mechanism: name the States"
            + " that support it"),
        Map.entry("moscowSupporters[3]", "names DE again (moscowSupporters[0] already does): name each State once"),
        Map.entry("moscowSupporters[4]", "'EU' is not one of the 57 OSCE participating States (a code such as GB)"),
        Map.entry("moscowSupporters[5]", "is empty: give a participating State's code, e.g. DE"));
    assertThat(refusal(() -> moscow("DE", TEN)).get("moscowSupporters")).contains("is not valid JSON");
  }

  @Test
  void supportersAreTakenOnlyWithTheMoscowMechanism() {
    Map<String, Object> values = Map.of("followUpActions", List.of("PERMANENT_COUNCIL_STATEMENT"),
        "moscowSupporters", List.of("DE"));
    assertThat(refusal(() -> FollowUpDecision.read(InputValues.of(values), TEN, "GB", "BY", null)))
        .containsExactly(Map.entry("moscowSupporters", "are taken only with MOSCOW_MECHANISM among the follow-up actions"));
    assertThat(read(List.of("PERMANENT_COUNCIL_STATEMENT"), TEN).moscowSupporters()).isEmpty();
    assertThat(FollowUpDecision.TASK.names()).containsExactlyInAnyOrder("followUpActions", "moscowSupporters", "announcements",
        "permanentCouncilDate", "permanentCouncilDocument");
  }

  @Test
  void theActionsAreAList() {
    assertThatThrownBy(() -> read("BILATERAL_MEETING", THREE)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("followUpActions is not valid JSON");
    assertThatThrownBy(() -> read("{\"a\": 1}", THREE)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("followUpActions must be a list");
  }
}
