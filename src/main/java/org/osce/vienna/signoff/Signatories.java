package org.osce.vienna.signoff;

import static org.osce.vienna.casefile.CaseRecords.instant;
import static org.osce.vienna.casefile.CaseRecords.ts;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.osce.vienna.casefile.ParticipatingState;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The delegations of a case (vm_signatory): the lead, each invited delegation's decision with who and when, and
 * the delegations that joined without an invitation.
 */
@Repository
public class Signatories {

  public static final String LEAD = "LEAD";
  public static final String INVITED = "INVITED";
  /** A delegation that joined without being invited (a late join, POST .../co-signatories). */
  public static final String UNINVITED = "UNINVITED";

  private final JdbcTemplate jdbc;

  public Signatories(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public record Signatory(String stateCode, String role, SignOffDecision decision, String comment, String decidedBy,
      Instant decidedAt) {

    public boolean signs() {
      return LEAD.equals(role) || decision == SignOffDecision.JOINED;
    }
  }

  /** Opens a sign-off round: the lead signs; each invited delegation is pending. Replaces an earlier round. */
  public void openRound(String reference, String lead, List<String> invited, Instant at) {
    jdbc.update("DELETE FROM vm_signatory WHERE case_reference = ?", reference);
    jdbc.update("INSERT INTO vm_signatory (case_reference, state_code, role, decision, decided_at) VALUES (?, ?, ?, ?, ?)",
        reference, lead, LEAD, SignOffDecision.JOINED.name(), ts(at));
    // The invited together, in one round trip (34 in the 2021 letter).
    jdbc.batchUpdate("INSERT INTO vm_signatory (case_reference, state_code, role, decision) VALUES (?, ?, ?, ?)",
        invited.stream().map(code -> new Object[] {reference, code, INVITED, SignOffDecision.PENDING.name()}).toList());
  }

  /** Records one delegation's decision; false when it had already decided or was not invited. */
  public boolean decide(String reference, String code, boolean joins, String comment, String by, Instant at) {
    return jdbc.update("UPDATE vm_signatory SET decision = ?, decision_comment = ?, decided_by = ?, decided_at = ?"
            + " WHERE case_reference = ? AND state_code = ? AND role = ? AND decision = ?",
        (joins ? SignOffDecision.JOINED : SignOffDecision.DECLINED).name(), comment, by, ts(at),
        reference, code, INVITED, SignOffDecision.PENDING.name()) == 1;
  }

  /**
   * A delegation joins late: one that declined, did not decide by the deadline or withdrew its signature, or one
   * that was not invited. False when it signs already.
   */
  public boolean joinLate(String reference, String code, String by, Instant at) {
    if (jdbc.update("UPDATE vm_signatory SET decision = ?, decision_comment = NULL, decided_by = ?, decided_at = ?"
            + " WHERE case_reference = ? AND state_code = ? AND role <> ? AND decision <> ?",
        SignOffDecision.JOINED.name(), by, ts(at), reference, code, LEAD, SignOffDecision.JOINED.name()) == 1) {
      return true;
    }
    if (of(reference).stream().anyMatch(s -> s.stateCode().equals(code))) {
      return false;
    }
    jdbc.update("INSERT INTO vm_signatory (case_reference, state_code, role, decision, decided_by, decided_at)"
        + " VALUES (?, ?, ?, ?, ?, ?)", reference, code, UNINVITED, SignOffDecision.JOINED.name(), by, ts(at));
    return true;
  }

  /** A co-signatory (never the lead) withdraws its signature: recorded as declined. False when it did not sign. */
  public boolean withdraw(String reference, String code, String by, Instant at) {
    return jdbc.update("UPDATE vm_signatory SET decision = ?, decision_comment = NULL, decided_by = ?, decided_at = ?"
            + " WHERE case_reference = ? AND state_code = ? AND role <> ? AND decision = ?",
        SignOffDecision.DECLINED.name(), by, ts(at), reference, code, LEAD, SignOffDecision.JOINED.name()) == 1;
  }

  /** Closes the round: whoever has not decided is recorded as not joined. Returns their codes. */
  public List<String> closeRound(String reference, Instant at) {
    List<String> undecided = jdbc.queryForList("SELECT state_code FROM vm_signatory WHERE case_reference = ?"
        + " AND decision = ? ORDER BY state_code", String.class, reference, SignOffDecision.PENDING.name());
    jdbc.update("UPDATE vm_signatory SET decision = ?, decided_at = ? WHERE case_reference = ? AND decision = ?",
        SignOffDecision.NO_DECISION.name(), ts(at), reference, SignOffDecision.PENDING.name());
    return undecided;
  }

  public List<Signatory> of(String reference) {
    return jdbc.query("SELECT * FROM vm_signatory WHERE case_reference = ? ORDER BY CASE WHEN role = 'LEAD' THEN 0 ELSE 1 END,"
        + " state_code",
        (rs, i) -> new Signatory(rs.getString("state_code"), rs.getString("role"),
            SignOffDecision.valueOf(rs.getString("decision")), rs.getString("decision_comment"),
            rs.getString("decided_by"), instant(rs, "decided_at")), reference);
  }

  /** The States the letter is signed by: the lead first, then those that joined, in the letter's order. */
  public List<String> signing(String reference) {
    return signing(of(reference));
  }

  /** {@link #signing(String)} from the case's signatories as read ({@link #of}). */
  public static List<String> signing(List<Signatory> all) {
    List<String> lead = all.stream().filter(s -> LEAD.equals(s.role())).map(Signatory::stateCode).toList();
    List<String> joined = all.stream().filter(s -> !LEAD.equals(s.role()) && s.signs()).map(Signatory::stateCode)
        .toList();
    List<String> ordered = OnBehalfOf.ordered(joined).stream().map(ParticipatingState::code).toList();
    return Stream.concat(lead.stream(), ordered.stream()).toList();
  }

  public List<String> declined(String reference) {
    return declined(of(reference));
  }

  /** {@link #declined(String)} from the case's signatories as read ({@link #of}). */
  public static List<String> declined(List<Signatory> all) {
    return all.stream().filter(s -> s.decision() == SignOffDecision.DECLINED).map(Signatory::stateCode).toList();
  }
}
