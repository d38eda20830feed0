package org.osce.vienna.drafting;

import static org.osce.vienna.engine.ProcessConstants.DRAFT_APPROVED;
import static org.osce.vienna.engine.ProcessConstants.REVIEW_COMMENTS;
import static org.osce.vienna.engine.ProcessConstants.SIGN_OFF_DUE_AT;
import static org.osce.vienna.engine.ProcessConstants.TASK_APPROVE_DRAFT;

import java.time.Instant;
import org.osce.vienna.engine.Field;
import org.osce.vienna.engine.InputContract;
import org.osce.vienna.engine.InputReader;
import org.osce.vienna.engine.InputValues;

/**
 * A head's review of the draft, as "Approve the draft" takes it: approved, or returned with comments for
 * the drafter.
 *
 * @param comments without the white space around them; null when none
 */
public record DraftReview(boolean approved, String comments) {

  public static final int MAX_COMMENTS = 10_000;

  public static final Field APPROVED = Field.bool(DRAFT_APPROVED).required("is required (true or false)")
      .labelled("the decision on the draft");
  public static final Field COMMENTS = Field.text(REVIEW_COMMENTS, MAX_COMMENTS)
      .labelled("the comments on the draft");

  public static final InputContract TASK = InputContract.task(TASK_APPROVE_DRAFT, APPROVED, COMMENTS);

  public static final String REFUSED = "The review cannot be completed";

  /**
   * Reads and checks a review, throwing once with every problem: a return needs comments; an approval
   * needs the draft's sign-off deadline ({@code signOffDueAt}, null if none) still ahead when it invites
   * anyone ({@code anyoneInvited}), or the round would close before it opens.
   */
  public static DraftReview read(InputValues values, Instant signOffDueAt, boolean anyoneInvited, Instant now) {
    InputReader in = new InputReader(values);
    Boolean approved = in.bool(APPROVED);
    String comments = in.text(COMMENTS);
    if (Boolean.FALSE.equals(approved) && comments == null && !in.isWrong(REVIEW_COMMENTS)) {
      in.refuse(REVIEW_COMMENTS, "are needed when the draft is returned: tell the drafter what to change");
    }
    if (Boolean.TRUE.equals(approved) && anyoneInvited && signOffDueAt != null && !signOffDueAt.isAfter(now)) {
      in.refuse(SIGN_OFF_DUE_AT, "has passed: return the draft so that a new sign-off deadline is set");
    }
    in.throwIfAny(REFUSED);
    return new DraftReview(approved, comments);
  }
}
