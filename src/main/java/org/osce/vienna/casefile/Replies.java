package org.osce.vienna.casefile;

import static org.osce.vienna.casefile.CaseRecords.instant;
import static org.osce.vienna.casefile.CaseRecords.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Every reply of a case (vm_reply), in the order registered: the first (1), and after it the supplementary
 * ones. A reply is registered in the transaction that takes it (so the same reply sent again finds it), and
 * recorded (on time or late) and assessed by the steps after. The case row (vm_case) keeps the first reply too.
 */
@Repository
public class Replies {

  private final JdbcTemplate jdbc;

  public Replies(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A reply as registered. {@code status} and {@code daysLate} are null until it is recorded, {@code substantive}
   * until it is assessed.
   */
  public record Reply(String caseReference, int seq, Instant receivedAt, String reference, String summary,
      ResponseStatus status, Integer daysLate, Boolean substantive, Instant registeredAt) {

    /** A reply after the first one registered. */
    public boolean supplementary() {
      return seq > 1;
    }

    /** Whether this is the reply with these particulars (the same reply sent again); blanks count as none. */
    public boolean isTheSameAs(Instant otherReceivedAt, String otherReference, String otherSummary) {
      return receivedAt.equals(otherReceivedAt) && Objects.equals(blankToNull(reference), blankToNull(otherReference))
          && Objects.equals(blankToNull(summary), blankToNull(otherSummary));
    }
  }

  /** Registers a reply as the case's next one; its number (1 for the first). */
  public int register(String caseReference, Instant receivedAt, String reference, String summary, Instant at) {
    Integer last = jdbc.queryForObject("SELECT MAX(seq) FROM vm_reply WHERE case_reference = ?", Integer.class,
        caseReference);
    int seq = last == null ? 1 : last + 1;
    jdbc.update("INSERT INTO vm_reply (case_reference, seq, received_at, reference, summary, registered_at)"
        + " VALUES (?, ?, ?, ?, ?, ?)", caseReference, seq, ts(receivedAt), reference, summary, ts(at));
    return seq;
  }

  /** The reply recorded as on time or late; a reply recorded that was never registered (a past one) is added. */
  public void recorded(String caseReference, int seq, Instant receivedAt, String reference, String summary,
      ResponseStatus status, int daysLate) {
    int rows = jdbc.update("UPDATE vm_reply SET status = ?, days_late = ? WHERE case_reference = ? AND seq = ?",
        status.name(), daysLate, caseReference, seq);
    if (rows == 0) {
      jdbc.update("INSERT INTO vm_reply (case_reference, seq, received_at, reference, summary, status, days_late,"
              + " registered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", caseReference, seq, ts(receivedAt), reference,
          summary, status.name(), daysLate, ts(receivedAt));
    }
  }

  public void assessed(String caseReference, int seq, boolean substantive) {
    jdbc.update("UPDATE vm_reply SET substantive = ? WHERE case_reference = ? AND seq = ?", substantive,
        caseReference, seq);
  }

  public Optional<Reply> find(String caseReference, int seq) {
    return jdbc.query("SELECT * FROM vm_reply WHERE case_reference = ? AND seq = ?", Replies::map, caseReference, seq)
        .stream().findFirst();
  }

  /** The case's replies, the oldest first (by the time received; those received at once in the order registered). */
  public List<Reply> of(String caseReference) {
    return jdbc.query("SELECT * FROM vm_reply WHERE case_reference = ? ORDER BY received_at, seq", Replies::map,
        caseReference);
  }

  /** The registered reply with these particulars, if there is one (the same reply sent again). */
  public Optional<Reply> same(String caseReference, Instant receivedAt, String reference, String summary) {
    return of(caseReference).stream().filter(r -> r.isTheSameAs(receivedAt, reference, summary)).findFirst();
  }

  private static Reply map(ResultSet rs, int row) throws SQLException {
    String status = rs.getString("status");
    return new Reply(rs.getString("case_reference"), rs.getInt("seq"), instant(rs, "received_at"),
        rs.getString("reference"), rs.getString("summary"), status == null ? null : ResponseStatus.valueOf(status),
        (Integer) rs.getObject("days_late"), (Boolean) rs.getObject("substantive"), instant(rs, "registered_at"));
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
