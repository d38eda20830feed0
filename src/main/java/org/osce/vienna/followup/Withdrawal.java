package org.osce.vienna.followup;

import static org.osce.vienna.engine.ProcessConstants.MESSAGE_INVOCATION_WITHDRAWN;
import static org.osce.vienna.engine.ProcessConstants.REASON;
import static org.osce.vienna.engine.ProcessConstants.REFERENCE;
import static org.osce.vienna.engine.ProcessConstants.WITHDRAWAL_PROCESS_KEY;
import static org.osce.vienna.engine.ProcessConstants.WITHDRAWAL_REASON;
import static org.osce.vienna.engine.ProcessConstants.WITHDRAWN_BY;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.casefile.CaseRecords.CaseRecord;
import org.osce.vienna.casefile.CaseStageConflict;
import org.osce.vienna.casefile.CaseStatus;
import org.osce.vienna.engine.Field;
import org.osce.vienna.engine.InputContract;
import org.osce.vienna.engine.InputReader;
import org.osce.vienna.engine.InputValues;
import org.osce.vienna.engine.TrustedCorrelation;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lead withdraws its invocation (procedure.md, second edition, "Withdrawal"): at any stage before the case
 * is closed, with a reason. Who may is the caller's business (the lead's heads, or an administrator: the case API,
 * {@link CheckWithdrawal}); this class holds what a withdrawal takes and sends it to the case as
 * {@code InvocationWithdrawn}, whose event subprocess ends every task and timer of the case and records it
 * ({@link RecordWithdrawal}).
 */
@Component
public class Withdrawal {

  /** As long as a timeline entry's detail keeps. */
  public static final int MAX_REASON = 4_000;

  public static final Field REASON_FIELD = Field.text(REASON, MAX_REASON)
      .required("is required: say why the invocation is withdrawn (the signatories read it)")
      .labelled("the reason for the withdrawal");
  public static final Field CASE_REFERENCE = Field.text(REFERENCE, 64).required("is required (the case's reference)")
      .labelled("the case reference");

  /** In Tasklist the head names the case and the reason. */
  public static final InputContract TASKLIST_START =
      InputContract.start(WITHDRAWAL_PROCESS_KEY, "a withdrawal", CASE_REFERENCE, REASON_FIELD);

  public static final String REFUSED = "The invocation cannot be withdrawn";

  private final CaseRecords cases;
  private final TrustedCorrelation correlation;

  public Withdrawal(CaseRecords cases, TrustedCorrelation correlation) {
    this.cases = cases;
    this.correlation = correlation;
  }

  /** The reason, read and checked, without the white space around it. */
  public static String reason(InputValues values) {
    InputReader in = new InputReader(values);
    String reason = in.text(REASON_FIELD);
    in.throwIfAny(REFUSED);
    return reason;
  }

  /** Refuses a case that has ended, naming {@code field} (the one that names the case). */
  public static void checkNotEnded(CaseRecord c, String field) {
    if (c.status().isEnded()) {
      throw new CaseStageConflict(REFUSED, c.status() == CaseStatus.CLOSED ? "Case closed" : "Case already withdrawn",
          field, "names case " + c.reference() + ", which " + (c.status() == CaseStatus.CLOSED
              ? "is closed: a closed case cannot be withdrawn" : "was already withdrawn"), c.status());
    }
  }

  /** Withdraws the case's invocation for {@code reason}, recorded as {@code by}'s; refused once it has ended. */
  @Transactional
  public void withdraw(String reference, String reason, String by) {
    cases.lock(reference);
    CaseRecord c = cases.get(reference);
    checkNotEnded(c, REFERENCE);
    Map<String, Object> variables = new HashMap<>();
    variables.put(WITHDRAWAL_REASON, reason);
    variables.put(WITHDRAWN_BY, by);
    try {
      correlation.correlate(MESSAGE_INVOCATION_WITHDRAWN, reference, variables);
    } catch (MismatchingMessageCorrelationException e) {
      // The record says open, but the process has ended (closing as this came): as ended.
      checkNotEnded(cases.get(reference), REFERENCE);
      throw e;
    }
  }
}
