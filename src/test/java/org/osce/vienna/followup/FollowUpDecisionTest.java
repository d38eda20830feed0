package org.osce.vienna.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osce.vienna.casefile.InvalidInputException;
import org.osce.vienna.engine.InputValues;

/** "Decide on follow-up", without an engine. */
class FollowUpDecisionTest {

  static FollowUpDecision read(Object actions, int signing) {
    return FollowUpDecision.read(InputValues.of(Map.of("followUpActions", actions)), signing);
  }

  @Test
  void eachActionOnceInTheOrderGiven() {
    assertThat(read("[\"BILATERAL_MEETING\", \"PERMANENT_COUNCIL_STATEMENT\", \"BILATERAL_MEETING\"]", 2).names())
        .containsExactly("BILATERAL_MEETING", "PERMANENT_COUNCIL_STATEMENT");
    assertThat(FollowUpDecision.read(InputValues.of(Map.of()), 2).actions()).isEmpty();
  }

  @Test
  void theMoscowMechanismNeedsTenStatesAndAnUnknownActionIsNamed() {
    assertThat(read(List.of("MOSCOW_MECHANISM"), 10).actions()).containsExactly(FollowUpAction.MOSCOW_MECHANISM);
    assertThatThrownBy(() -> read(List.of("MOSCOW_MECHANISM"), 9)).isInstanceOf(InvalidInputException.class)
        .hasMessage("The follow-up cannot be decided: followUpActions MOSCOW_MECHANISM needs at least 10 States in"
            + " all among the signatories (Moscow Document 1991, para 12); this case has 9");
    assertThatThrownBy(() -> read(List.of("moscow_mechanism"), 35)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'moscow_mechanism' is not a follow-up action; choose from [PERMANENT_COUNCIL_STATEMENT,");
  }

  @Test
  void theActionsAreAList() {
    assertThatThrownBy(() -> read("BILATERAL_MEETING", 2)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("followUpActions is not valid JSON");
    assertThatThrownBy(() -> read("{\"a\": 1}", 2)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("followUpActions must be a list");
  }
}
