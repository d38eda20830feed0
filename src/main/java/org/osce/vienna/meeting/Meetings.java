package org.osce.vienna.meeting;

import static org.osce.vienna.casefile.CaseRecords.instant;
import static org.osce.vienna.casefile.CaseRecords.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
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

  /**
   * @param afterTargetFlaggedAt when it was flagged as set after its target (null when it was not)
   */
  public record Meeting(long id, String requestedBy, Instant requestedAt, Instant targetAt, Instant targetMissedAt,
      Instant scheduledFor, String place, Instant afterTargetFlaggedAt, Boolean held, String outcome) {

    /** The one-week target is missed: passed without an outcome, or the meeting set after it. */
    public boolean targetMissed() {
      return targetMissedAt != null || afterTargetFlaggedAt != null;
    }
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

  public void scheduled(long id, Instant scheduledFor, String place) {
    jdbc.update("UPDATE vm_meeting SET scheduled_for = ?, place = ? WHERE id = ?", ts(scheduledFor), place, id);
  }

  public void flaggedAfterTarget(long id, Instant at) {
    jdbc.update("UPDATE vm_meeting SET after_target_flagged_at = ? WHERE id = ?", ts(at), id);
  }

  public Meeting get(long id) {
    return jdbc.queryForObject("SELECT * FROM vm_meeting WHERE id = ?", Meetings::meeting, id);
  }

  public void targetMissed(long id, Instant at) {
    jdbc.update("UPDATE vm_meeting SET target_missed_at = ? WHERE id = ?", ts(at), id);
  }

  public void outcome(long id, boolean held, String outcome, Instant at) {
    jdbc.update("UPDATE vm_meeting SET held = ?, outcome = ?, recorded_at = ? WHERE id = ?", held, outcome, ts(at), id);
  }

  public List<Meeting> of(String reference) {
    return jdbc.query("SELECT * FROM vm_meeting WHERE case_reference = ? ORDER BY id", Meetings::meeting, reference);
  }

  private static Meeting meeting(ResultSet rs, int row) throws SQLException {
    return new Meeting(rs.getLong("id"), rs.getString("requested_by"), instant(rs, "requested_at"),
        instant(rs, "target_at"), instant(rs, "target_missed_at"), instant(rs, "scheduled_for"),
        rs.getString("place"), instant(rs, "after_target_flagged_at"), (Boolean) rs.getObject("held"),
        rs.getString("outcome"));
  }
}
