package org.osce.vienna.followup;

import static org.osce.vienna.casefile.CaseRecords.ts;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The follow-up actions decided for a case (vm_follow_up_action), each with when. */
@Repository
public class FollowUps {

  private final JdbcTemplate jdbc;

  public FollowUps(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Who decided is in the case's timeline, recorded when the heads completed the decision. */
  /** {@code moscowSupporters}: the States supporting the lead, kept with the MOSCOW_MECHANISM action. */
  public void decided(String reference, List<FollowUpAction> actions, List<String> moscowSupporters, Instant at) {
    for (FollowUpAction action : actions) {
      jdbc.update("INSERT INTO vm_follow_up_action (case_reference, action, decided_at, supporters) VALUES (?, ?, ?, ?)",
          reference, action.name(), ts(at),
          action == FollowUpAction.MOSCOW_MECHANISM ? String.join(",", moscowSupporters) : null);
    }
  }

  /** The States that supported the lead when the Moscow Mechanism was last chosen; empty when it never was. */
  public List<String> moscowSupporters(String reference) {
    List<String> last = jdbc.queryForList("SELECT supporters FROM vm_follow_up_action WHERE case_reference = ?"
        + " AND action = ? ORDER BY id DESC", String.class, reference, FollowUpAction.MOSCOW_MECHANISM.name());
    return last.isEmpty() || last.get(0) == null || last.get(0).isEmpty() ? List.of()
        : List.of(last.get(0).split(","));
  }

  /** Every action decided in the case, in the order decided, each once. */
  public List<FollowUpAction> of(String reference) {
    return jdbc.queryForList("SELECT action FROM vm_follow_up_action WHERE case_reference = ? ORDER BY id",
        String.class, reference).stream().distinct().map(FollowUpAction::valueOf).toList();
  }
}
