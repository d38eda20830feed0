package org.osce.vienna.signoff;

import static org.osce.vienna.engine.ProcessConstants.CO_SIGNS;
import static org.osce.vienna.engine.ProcessConstants.CO_SIGN_COMMENT;
import static org.osce.vienna.engine.ProcessConstants.TASK_DECIDE_CO_SIGNING;

import org.osce.vienna.engine.Field;
import org.osce.vienna.engine.InputContract;
import org.osce.vienna.engine.InputReader;
import org.osce.vienna.engine.InputValues;

/**
 * An invited delegation's decision, as "Decide on co-signing" takes it: whether it joins, and a comment.
 *
 * @param comment without the white space around it; null when none
 */
public record CoSigningDecision(boolean joins, String comment) {

  /** As long as the signatory's record keeps (vm_signatory.decision_comment). */
  public static final int MAX_COMMENT = 4_000;

  public static final Field JOINS = Field.bool(CO_SIGNS).required("is required (true or false)")
      .labelled("the decision to join or decline");
  public static final Field COMMENT = Field.text(CO_SIGN_COMMENT, MAX_COMMENT)
      .labelled("the comment");

  public static final InputContract TASK = InputContract.task(TASK_DECIDE_CO_SIGNING, JOINS, COMMENT);

  public static final String REFUSED = "The decision cannot be recorded";

  /** Reads and checks a decision, throwing once with every problem. */
  public static CoSigningDecision read(InputValues values) {
    InputReader in = new InputReader(values);
    Boolean joins = in.bool(JOINS);
    String comment = in.text(COMMENT);
    in.throwIfAny(REFUSED);
    return new CoSigningDecision(joins, comment);
  }
}
