package org.osce.vienna.signoff;

import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.casefile.CaseStatus;
import org.osce.vienna.casefile.Timeline;
import org.osce.vienna.casefile.TimelineEvent;
import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.engine.EngineClock;
import org.springframework.stereotype.Component;

/**
 * Ends the sign-off round (all decided, or the deadline passed): the undecided are recorded as not joined. The
 * signatories the later steps read are set with the letter that names them (ComposeFinalLetter).
 */
@Component
public class CloseSignOffRound implements JavaDelegate {

  private final Signatories signatories;
  private final CaseRecords cases;
  private final Timeline timeline;

  public CloseSignOffRound(Signatories signatories, CaseRecords cases, Timeline timeline) {
    this.signatories = signatories;
    this.cases = cases;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = CaseVariables.reference(execution);
    // A late join (Coalition) locks the case too: it lands before the round closes or after, never half-way.
    cases.lock(reference);
    Instant now = EngineClock.now();
    List<String> undecided = signatories.closeRound(reference, now);
    List<String> signing = signatories.signing(reference);
    cases.status(reference, CaseStatus.DELIVERY);
    List<String> declined = signatories.declined(reference);
    timeline.record(reference, now, TimelineEvent.SIGN_OFF_CLOSED, null, signing.size() + " States sign"
        + (declined.isEmpty() ? "" : "; declined: " + String.join(", ", declined))
        + (undecided.isEmpty() ? "" : "; no decision by the deadline: " + String.join(", ", undecided)));
  }
}
