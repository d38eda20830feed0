package org.osce.vienna.signoff;

import static org.osce.vienna.engine.ProcessConstants.CO_SIGNATORY_STATE;
import static org.osce.vienna.engine.ProcessConstants.CO_SIGNS;
import static org.osce.vienna.engine.ProcessConstants.MESSAGE_SIGNATORIES_CHANGED;
import static org.osce.vienna.engine.ProcessConstants.TASK_DECIDE_CO_SIGNING;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.casefile.CaseRecords.CaseRecord;
import org.osce.vienna.casefile.CaseStageConflict;
import org.osce.vienna.casefile.CaseStatus;
import org.osce.vienna.casefile.DateTimes;
import org.osce.vienna.casefile.Groups;
import org.osce.vienna.casefile.ParticipatingState;
import org.osce.vienna.casefile.ParticipatingStates;
import org.osce.vienna.casefile.Timeline;
import org.osce.vienna.casefile.TimelineEvent;
import org.osce.vienna.engine.CurrentUser;
import org.osce.vienna.engine.EngineClock;
import org.osce.vienna.engine.Field;
import org.osce.vienna.engine.InputReader;
import org.osce.vienna.engine.InputValues;
import org.osce.vienna.engine.OpenTasks;
import org.osce.vienna.engine.TrustedCorrelation;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The coalition until the letter is signed: a delegation joins late (after declining, after the deadline, or
 * without an invitation) or withdraws its signature, for itself, never the addressee and never the lead. Who may
 * act in a State's name is the caller's business (its heads, or an administrator); this class says when and what
 * happens:
 * <ul>
 *   <li>while the round is open, a delegation whose "Decide on co-signing" is still open answers it: the task is
 *       completed with the answer (joining: {@code coSigns} true; withdrawing: false), as if its head had
 *       answered it in Tasklist, so no task is left asking a question already answered;</li>
 *   <li>otherwise the signatories' record changes; if the composed letter is waiting for the lead's signature,
 *       the case is told ({@code SignatoriesChanged}, Event_SignatoriesChanged) and composes it again;</li>
 *   <li>before the round opens, and once the letter is signed, nothing changes (a conflict, with the reason).</li>
 * </ul>
 * One transaction, the case's record locked for it, so a change and the letter it leads to are never half done
 * and never race the closing of the round.
 */
@Component
public class Coalition {

  public static final Field STATE = Field.state(CO_SIGNATORY_STATE)
      .required("is required (the code of the State that joins or withdraws its signature, e.g. FR)")
      .labelled("the State");

  public static final String JOIN_REFUSED = "The State cannot join the letter";
  public static final String WITHDRAWAL_REFUSED = "The signature cannot be withdrawn";

  /** What a request changed. */
  public enum Change {
    /** The delegation now signs, or its open task was answered "decline". */
    CHANGED,
    /** It already signed (join) or did not sign (withdraw): nothing to do. */
    UNCHANGED
  }

  private final CaseRecords cases;
  private final Signatories signatories;
  private final OpenTasks openTasks;
  private final Timeline timeline;
  private final TaskService taskService;
  private final TrustedCorrelation correlation;
  private final CurrentUser currentUser;

  public Coalition(CaseRecords cases, Signatories signatories, OpenTasks openTasks, Timeline timeline,
      TaskService taskService, TrustedCorrelation correlation, CurrentUser currentUser) {
    this.cases = cases;
    this.signatories = signatories;
    this.openTasks = openTasks;
    this.timeline = timeline;
    this.taskService = taskService;
    this.correlation = correlation;
    this.currentUser = currentUser;
  }

  /** The State of a request, read and checked as a participating State (code or name). */
  public static String state(InputValues values, String what) {
    InputReader in = new InputReader(values);
    String state = in.state(STATE);
    in.throwIfAny(what);
    return state;
  }

  /** {@code state} joins the letter of the case, as the acting user. */
  @Transactional
  public Change join(String reference, String state) {
    return change(reference, state, true);
  }

  /** {@code state} withdraws its signature from the letter of the case, as the acting user. */
  @Transactional
  public Change withdraw(String reference, String state) {
    return change(reference, state, false);
  }

  private Change change(String reference, String state, boolean joins) {
    String what = joins ? JOIN_REFUSED : WITHDRAWAL_REFUSED;
    cases.lock(reference);
    CaseRecord c = cases.get(reference);
    if (state.equals(c.addresseeState())) {
      throw STATE.refusal(what, "is " + nameInText(state) + ", the State the letter is addressed to: it never"
          + " co-signs it");
    }
    if (state.equals(c.leadDelegation())) {
      throw STATE.refusal(what, "is " + nameInText(state) + ", the lead delegation, which always signs its letter"
          + (joins ? "" : ": to take the letter back, withdraw the invocation"));
    }
    boolean letterAwaitsSignature = checkStage(c, what);

    Optional<OpenTasks.OpenTask> undecided = openTasks.of(c.processInstanceId(), TASK_DECIDE_CO_SIGNING).stream()
        .filter(task -> Groups.heads(state).equals(task.candidateGroup())).findFirst();
    if (undecided.isPresent()) {
      // Its answer to the open question: recorded by the task's own listener (RecordCoSigningDecision).
      taskService.complete(undecided.get().id(), Map.of(CO_SIGNS, joins));
      return Change.CHANGED;
    }
    Instant now = EngineClock.now();
    boolean changed = joins ? signatories.joinLate(reference, state, currentUser.id(), now)
        : signatories.withdraw(reference, state, currentUser.id(), now);
    if (!changed) {
      return Change.UNCHANGED;
    }
    timeline.record(reference, now, joins ? TimelineEvent.CO_SIGNATORY_JOINED : TimelineEvent.CO_SIGNATURE_WITHDRAWN,
        currentUser.id(), state);
    if (letterAwaitsSignature) {
      correlation.correlate(MESSAGE_SIGNATORIES_CHANGED, reference, Map.of());
    }
    return Change.CHANGED;
  }

  /**
   * Whether the case takes a change of signatories now; refuses with the reason when it does not.
   *
   * @return whether the composed letter waits for the lead's signature (and must be composed again)
   */
  private boolean checkStage(CaseRecord c, String what) {
    String reference = c.reference();
    return switch (c.status()) {
      case DRAFTING -> throw conflict(what, "Sign-off round not open", c, "cannot change the signatories of case "
          + reference + " yet: its draft is still being written or approved, and the sign-off round opens once it is");
      case SIGN_OFF -> false;
      case DELIVERY -> {
        if (!correlation.waitsFor(c.processInstanceId(), MESSAGE_SIGNATORIES_CHANGED)) {
          throw conflict(what, "Letter being composed or signed", c, "cannot change the signatories of case "
              + reference + " now: its final letter is being composed (try again in a few seconds) or has been"
              + " signed, after which its signatories no longer change");
        }
        yield true;
      }
      case CLOSED, WITHDRAWN -> throw conflict(what, "Case ended", c, "cannot change the signatories of case "
          + reference + ": it was " + (c.status() == CaseStatus.CLOSED ? "closed" : "withdrawn"));
      default -> throw conflict(what, "Letter already delivered", c, "cannot change the signatories of case "
          + reference + ": its letter was signed and delivered"
          + (c.deliveredAt() == null ? "" : " on " + DateTimes.shown(c.deliveredAt()))
          + ", on behalf of the States that signed it then");
    };
  }

  private static CaseStageConflict conflict(String what, String title, CaseRecord c, String message) {
    return new CaseStageConflict(what, title, CO_SIGNATORY_STATE, message, c.status());
  }

  private static String nameInText(String code) {
    return ParticipatingStates.all().byCode(code).map(ParticipatingState::nameInText).orElse(code);
  }
}
