package org.osce.vienna.drafting;

import java.util.Collection;
import org.osce.vienna.casefile.CaseRecords;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The draft's invitations to co-sign as last set (vm_invitation): at the start of a case that comes with
 * them, and on each submission of the draft. Until the sign-off round opens they say which delegations,
 * besides the lead, may see the case ({@link CaseRecords#concerning}).
 */
@Repository
public class DraftInvitations {

  private final JdbcTemplate jdbc;
  private final CaseRecords cases;

  public DraftInvitations(JdbcTemplate jdbc, CaseRecords cases) {
    this.jdbc = jdbc;
    this.cases = cases;
  }

  /** Replaces the case's invitations with these State codes. */
  public void replace(String reference, Collection<String> codes) {
    // Holds the case's row: a submission and the copy of an older case's invitations take turns.
    cases.lock(reference);
    jdbc.update("DELETE FROM vm_invitation WHERE case_reference = ?", reference);
    jdbc.batchUpdate("INSERT INTO vm_invitation (case_reference, state_code) VALUES (?, ?)",
        codes.stream().map(code -> new Object[] {reference, code}).toList());
  }

  boolean any(String reference) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM vm_invitation WHERE case_reference = ?", Integer.class,
        reference);
    return n != null && n > 0;
  }
}
