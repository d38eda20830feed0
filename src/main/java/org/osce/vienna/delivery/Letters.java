package org.osce.vienna.delivery;

import static org.osce.vienna.casefile.CaseRecords.instant;
import static org.osce.vienna.casefile.CaseRecords.ts;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The final letter kept with the case (vm_letter). */
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

  /** Keeps the letter; composing again (a retried job) replaces it rather than adding a second one. */
  public void save(String reference, FinalLetter letter) {
    jdbc.update("DELETE FROM vm_letter WHERE case_reference = ?", reference);
    jdbc.update("INSERT INTO vm_letter (case_reference, html, on_behalf_of, composed_at) VALUES (?, ?, ?, ?)",
        reference, letter.html(), letter.onBehalfOf(), ts(letter.composedAt()));
  }

  public Optional<FinalLetter> find(String reference) {
    return jdbc.query("SELECT * FROM vm_letter WHERE case_reference = ?",
        (rs, i) -> new FinalLetter(rs.getString("html"), rs.getString("on_behalf_of"), instant(rs, "composed_at")),
        reference).stream().findFirst();
  }
}
