package org.osce.vienna.drafting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osce.vienna.casefile.InvalidInputException;
import org.osce.vienna.engine.InputValues;

/** A head's review of the draft, without an engine. */
class DraftReviewTest {

  static final Instant NOW = Instant.parse("2021-11-01T10:00:00Z");
  static final Instant DUE = Instant.parse("2021-11-03T17:00:00Z");

  static Map<String, Object> review(Object approved, Object comments) {
    Map<String, Object> values = new HashMap<>();
    values.put("draftApproved", approved);
    values.put("reviewComments", comments);
    return values;
  }

  static Map<String, String> refusal(Map<String, Object> values, Instant dueAt, boolean anyoneInvited) {
    try {
      DraftReview.read(InputValues.of(values), dueAt, anyoneInvited, NOW);
    } catch (InvalidInputException e) {
      assertThat(e.getMessage()).startsWith("The review cannot be completed: ");
      return e.fieldErrors();
    }
    throw new AssertionError("accepted " + values);
  }

  @Test
  void anApprovalAndAReturnAreRead() {
    assertThat(DraftReview.read(InputValues.of(review(true, null)), DUE, true, NOW))
        .isEqualTo(new DraftReview(true, null));
    assertThat(DraftReview.read(InputValues.of(review("false", " Add the 2020 election. ")), DUE, true, NOW))
        .isEqualTo(new DraftReview(false, "Add the 2020 election."));
  }

  @Test
  void theDecisionIsRequiredAndABoolean() {
    assertThat(refusal(review(null, null), DUE, true))
        .containsExactly(entry("draftApproved", "is required (true or false)"));
    assertThat(refusal(review("yes", null), DUE, true))
        .containsExactly(entry("draftApproved", "must be true or false"));
  }

  @Test
  void aReturnNeedsCommentsForTheDrafter() {
    assertThat(refusal(review(false, "  "), DUE, true)).containsExactly(
        entry("reviewComments", "are needed when the draft is returned: tell the drafter what to change"));
  }

  @Test
  void theCommentsHaveTheirLimitAndAreText() {
    assertThat(DraftReview.read(InputValues.of(review(false, "c".repeat(DraftReview.MAX_COMMENTS))), DUE, true, NOW)
        .comments()).hasSize(10_000);
    assertThat(refusal(review(false, "c".repeat(DraftReview.MAX_COMMENTS + 1)), DUE, true))
        .containsExactly(entry("reviewComments", "is longer than 10000 characters"));
    assertThat(refusal(review(true, 42), DUE, true)).containsExactly(entry("reviewComments", "must be text"));
  }

  @Test
  void anApprovalNeedsTheSignOffDeadlineAheadWhenAnyoneIsInvited() {
    assertThat(refusal(review(true, null), NOW, true)).containsExactly(
        entry("signOffDueAt", "has passed: return the draft so that a new sign-off deadline is set"));
    // Nobody invited: the round closes at once, whatever its deadline; a return needs no deadline.
    assertThat(DraftReview.read(InputValues.of(review(true, null)), NOW, false, NOW).approved()).isTrue();
    assertThat(DraftReview.read(InputValues.of(review(false, "Redo")), NOW, true, NOW).approved()).isFalse();
  }

  @Test
  void theTaskTakesTheDecisionAndTheComments() {
    assertThat(DraftReview.TASK.names()).containsExactly("draftApproved", "reviewComments");
    assertThat(DraftReview.TASK.field("reviewComments").maxLength()).isEqualTo(DraftReview.MAX_COMMENTS);
  }
}
