package org.osce.vienna.drafting;

import static org.osce.vienna.engine.ProcessConstants.INVITED_DELEGATIONS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.casefile.CaseStatus;
import org.osce.vienna.casefile.ParticipatingState;
import org.osce.vienna.casefile.ParticipatingStates;
import org.osce.vienna.engine.UpgradeMarks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Once on a database, at a start before the application takes requests: copies into vm_invitation the draft's invitations
 * of the cases being drafted that have none recorded, from their process variable {@code invitedDelegations}
 * (cases started before vm_invitation existed). In Java, not in the migration: the variable is Spin JSON in
 * the engine's tables, which SQL cannot read portably. Idempotent: a case with rows is left as it is.
 */
@Component
public class DraftInvitationsBackfill implements SmartInitializingSingleton {

  static final String UPGRADE = "draft-invitations";
  /** The version of the rows it writes. */
  static final String VERSION = "1";

  private static final Logger LOG = LoggerFactory.getLogger(DraftInvitationsBackfill.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcTemplate jdbc;
  private final CaseRecords cases;
  private final DraftInvitations invitations;
  private final RuntimeService runtimeService;
  private final ManagementService management;
  private final TransactionTemplate transactions;

  public DraftInvitationsBackfill(JdbcTemplate jdbc, CaseRecords cases, DraftInvitations invitations,
      RuntimeService runtimeService, ManagementService management, TransactionTemplate transactions) {
    this.management = management;
    this.jdbc = jdbc;
    this.cases = cases;
    this.invitations = invitations;
    this.runtimeService = runtimeService;
    this.transactions = transactions;
  }

  /** Once on a database (the rows are kept from then on where they change): not at every start. */
  @Override
  public void afterSingletonsInstantiated() {
    if (!UpgradeMarks.done(management, UPGRADE, VERSION)) {
      backfill();
      UpgradeMarks.markDone(management, UPGRADE, VERSION);
    }
  }

  public void backfill() {
    // Only before the round: from then on vm_signatory says who is invited.
    var drafting = jdbc.query("SELECT reference, process_instance_id FROM vm_case c WHERE c.status = ?"
            + " AND c.process_instance_id IS NOT NULL"
            + " AND NOT EXISTS (SELECT 1 FROM vm_invitation i WHERE i.case_reference = c.reference)"
            + " AND NOT EXISTS (SELECT 1 FROM vm_signatory s WHERE s.case_reference = c.reference)",
        (rs, i) -> new String[] {rs.getString(1), rs.getString(2)}, CaseStatus.DRAFTING.name());
    int copied = 0;
    for (String[] c : drafting) {
      copied += transactions.execute(status -> copy(c[0], c[1]));
    }
    if (copied > 0) {
      LOG.info("Draft invitations copied from the engine for {} cases", copied);
    }
  }

  private int copy(String reference, String processInstanceId) {
    // Holds the case's row first (as a submission of the draft does), then reads: the copy cannot overwrite
    // the invitations of a submission made meanwhile.
    cases.lock(reference);
    if (invitations.any(reference)) {
      return 0;
    }
    Set<String> codes = new TreeSet<>();
    for (VariableInstance variable : runtimeService.createVariableInstanceQuery()
        .processInstanceIdIn(processInstanceId).variableName(INVITED_DELEGATIONS).list()) {
      codes.addAll(codes(variable.getValue()));
    }
    if (codes.isEmpty()) {
      return 0;
    }
    invitations.replace(reference, codes);
    return 1;
  }

  /** The codes in an {@code invitedDelegations} value: Spin JSON, a JSON string or a list. */
  static Set<String> codes(Object value) {
    Set<String> codes = new TreeSet<>();
    if (value == null) {
      return codes;
    }
    try {
      JsonNode node = value instanceof Collection<?> list ? JSON.valueToTree(list) : JSON.readTree(value.toString());
      if (node != null && node.isArray()) {
        node.forEach(item -> ParticipatingStates.all().find(item.asText()).map(ParticipatingState::code)
            .ifPresent(codes::add));
      }
    } catch (JsonProcessingException e) {
      // An unreadable list invites nobody, as before: the draft is refused when submitted.
    }
    return codes;
  }
}
