package org.osce.vienna.casefile;

import static org.osce.vienna.casefile.CaseRecords.instant;
import static org.osce.vienna.casefile.CaseRecords.ts;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** What happened in a case, when and by whom (vm_timeline): the case's history without the engine's. */
@Repository
public class Timeline {

  private final JdbcTemplate jdbc;

  public Timeline(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public record Entry(Instant at, String event, String by, String detail) {
  }

  /** Stored under the event's name, the string the case API shows (TimelineEvent). */
  public void record(String reference, Instant at, TimelineEvent event, String by, String detail) {
    jdbc.update("INSERT INTO vm_timeline (case_reference, at, event, by_user, detail) VALUES (?, ?, ?, ?, ?)",
        reference, ts(at), event.name(), by,
        detail == null || detail.length() <= 4000 ? detail : detail.substring(0, 3997) + "...");
  }

  public List<Entry> of(String reference) {
    return jdbc.query("SELECT * FROM vm_timeline WHERE case_reference = ? ORDER BY id",
        (rs, i) -> new Entry(instant(rs, "at"), rs.getString("event"), rs.getString("by_user"), rs.getString("detail")),
        reference);
  }
}
