package org.osce.vienna.delivery;

import static org.osce.vienna.casefile.CaseRecords.instant;
import static org.osce.vienna.casefile.CaseRecords.ts;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The final letter kept with the case (vm_letter, the latest), and the list of States each letter composed for
 * the case was composed on behalf of (vm_composed_letter): the list changes when a delegation joins late or
 * withdraws its signature, and which letter named whom stays readable.
 */
@Repository
public class Letters {

  private final JdbcTemplate jdbc;

  public Letters(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @param composedAt when it was composed for the date it bears, which is this instant's day in the procedure's
   *     zone: once signed, the time it was signed (by e-mail) or handed over (by hand)
   */
  public record FinalLetter(String html, String onBehalfOf, Instant composedAt) {
  }

  /** One letter as composed: when, and the States it names, the lead first, in the letter's order. */
  public record Composition(Instant composedAt, List<String> signatories, String onBehalfOf) {
  }

  /**
   * Keeps the letter as the case's final letter, replacing the one composed before, and notes whom it names. A
   * retried job's transaction is rolled back with what it wrote, so each composition is noted once.
   */
  public void save(String reference, FinalLetter letter, List<String> signatories) {
    jdbc.update("DELETE FROM vm_letter WHERE case_reference = ?", reference);
    jdbc.update("INSERT INTO vm_letter (case_reference, html, on_behalf_of, composed_at) VALUES (?, ?, ?, ?)",
        reference, letter.html(), letter.onBehalfOf(), ts(letter.composedAt()));
    jdbc.update("INSERT INTO vm_composed_letter (case_reference, composed_at, signatories, on_behalf_of)"
            + " VALUES (?, ?, ?, ?)",
        reference, ts(letter.composedAt()), String.join(",", signatories), letter.onBehalfOf());
  }

  public Optional<FinalLetter> find(String reference) {
    return jdbc.query("SELECT * FROM vm_letter WHERE case_reference = ?",
        (rs, i) -> new FinalLetter(rs.getString("html"), rs.getString("on_behalf_of"), instant(rs, "composed_at")),
        reference).stream().findFirst();
  }

  /** Every letter composed for the case, oldest first. */
  public List<Composition> compositions(String reference) {
    return jdbc.query("SELECT * FROM vm_composed_letter WHERE case_reference = ? ORDER BY id",
        (rs, i) -> new Composition(instant(rs, "composed_at"),
            Arrays.stream(rs.getString("signatories").split(",")).filter(code -> !code.isBlank()).toList(),
            rs.getString("on_behalf_of")),
        reference);
  }
}
