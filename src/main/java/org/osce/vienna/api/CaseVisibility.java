package org.osce.vienna.api;

import java.util.Optional;
import java.util.Set;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.casefile.CaseRecords.CaseRecord;
import org.osce.vienna.casefile.CaseStatus;
import org.springframework.stereotype.Component;

/**
 * Which cases a caller may see: managers and administrators all of them; a delegation's users the
 * cases their State leads or was invited to co-sign (vm_signatory; before the sign-off round opens,
 * the draft's invitations, vm_invitation). Nobody else learns that a case exists. Each answer is one
 * query over the application's tables ({@link CaseRecords#concerning}).
 */
@Component
public class CaseVisibility {

  private final CaseRecords cases;

  public CaseVisibility(CaseRecords cases) {
    this.cases = cases;
  }

  /** The case, if the caller may see it; otherwise 404, as for a case that does not exist. */
  public CaseRecord require(ApiCaller caller, String reference) {
    return (caller.seesEverything() ? cases.find(reference) : cases.findConcerning(reference, caller.delegations()))
        .orElseThrow(() -> CaseApiException.caseNotFound(reference));
  }

  /**
   * The case a delegation is to join: one the caller may see, or, for a head of a delegation not invited, one
   * that is open for co-signing (sign-off or delivery) and not addressed to a State she heads, so the lead can
   * ask others to join by telling them the reference. The addressee never learns of a case this way.
   */
  public CaseRecord requireForJoining(ApiCaller caller, String reference) {
    Optional<CaseRecord> seen = caller.seesEverything() ? cases.find(reference)
        : cases.findConcerning(reference, caller.delegations());
    return seen.or(() -> cases.find(reference)
            .filter(c -> c.status() == CaseStatus.SIGN_OFF || c.status() == CaseStatus.DELIVERY)
            .filter(c -> !caller.headedStates().isEmpty() && !caller.headedStates().contains(c.addresseeState())))
        .orElseThrow(() -> CaseApiException.caseNotFound(reference));
  }

  /**
   * A page of the cases the caller may see, newest first, optionally of one addressee and one status, with
   * the total: who sees what is part of the same queries, so counts never include a case she may not see.
   */
  public CaseRecords.Page visible(ApiCaller caller, Optional<String> addressee, Optional<CaseStatus> status,
      long offset, int limit) {
    return cases.page(concerning(caller), addressee, status, offset, limit);
  }

  /**
   * For reads across cases (the statistics): empty when the caller sees every case, else the delegations
   * whose cases she sees ({@link CaseRecords#concerning}).
   */
  public Optional<Set<String>> concerning(ApiCaller caller) {
    return caller.seesEverything() ? Optional.empty() : Optional.of(caller.delegations());
  }
}
