package org.osce.vienna.meeting;

import static org.osce.vienna.casefile.CaseRecords.instant;
import static org.osce.vienna.casefile.CaseRecords.ts;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Bilateral meetings of a case (vm_meeting): several per case, each with its own one-week target. */
@Repository
public class Meetings {

  private final JdbcTemplate jdbc;

  public Meetings(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public record Meeting(long id, String requestedBy, Instant requestedAt, Instant targetAt, Instant targetMissedAt,
      Instant scheduledFor, Boolean held, String outcome) {
  }

  public long requested(String reference, String requestedBy, Instant requestedAt, Instant targetAt) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var statement = connection.prepareStatement("INSERT INTO vm_meeting (case_reference, requested_by,"
          + " requested_at, target_at) VALUES (?, ?, ?, ?)", new String[] {"id"});
      statement.setString(1, reference);
      statement.setString(2, requestedBy);
      statement.setObject(3, ts(requestedAt));
      statement.setObject(4, ts(targetAt));
      return statement;
    }, key);
    return key.getKey().longValue();
  }

  public void scheduled(long id, Instant scheduledFor) {
    jdbc.update("UPDATE vm_meeting SET scheduled_for = ? WHERE id = ?", ts(scheduledFor), id);
  }

  public void targetMissed(long id, Instant at) {
    jdbc.update("UPDATE vm_meeting SET target_missed_at = ? WHERE id = ?", ts(at), id);
  }

  public void outcome(long id, boolean held, String outcome, Instant at) {
    jdbc.update("UPDATE vm_meeting SET held = ?, outcome = ?, recorded_at = ? WHERE id = ?", held, outcome, ts(at), id);
  }

  public List<Meeting> of(String reference) {
    return jdbc.query("SELECT * FROM vm_meeting WHERE case_reference = ? ORDER BY id",
        (rs, i) -> new Meeting(rs.getLong("id"), rs.getString("requested_by"), instant(rs, "requested_at"),
            instant(rs, "target_at"), instant(rs, "target_missed_at"), instant(rs, "scheduled_for"),
            (Boolean) rs.getObject("held"), rs.getString("outcome")), reference);
  }
}
