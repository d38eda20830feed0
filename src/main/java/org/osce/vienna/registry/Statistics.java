package org.osce.vienna.registry;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.casefile.CaseStatus;
import org.osce.vienna.casefile.Deadlines;
import org.osce.vienna.casefile.ParticipatingState;
import org.osce.vienna.casefile.ParticipatingStates;
import org.osce.vienna.casefile.ResponseStatus;
import org.osce.vienna.followup.FollowUpAction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The registry's numbers per addressee State and year, from the application's own tables (vm_case,
 * vm_follow_up_action), never from the engine's history: a case counts the same whether it was played
 * here or recorded afterwards, as long as its row says when it was delivered and answered.
 *
 * <p>An invocation is a case whose letter was delivered; its year is the calendar year of delivery in
 * the procedure's zone (Vienna). Its reply is on time or late as registered (received by the end of
 * {@code responseDueAt} or after it, {@link Deadlines#isOnTime}); "no reply" when "no response received"
 * was registered or the deadline has passed without a reply; else it is still awaited. Days to reply
 * are calendar days in Vienna from the day of delivery to the day the (first) reply was received. The
 * share substantive is of the replies assessed. A follow-up counts once per case however often it was
 * chosen. A withdrawn invocation that had no reply when it was withdrawn is not counted: no reply was
 * awaited any more, and it was not left unanswered.
 * chosen. A case counts by its first reply (vm_case): one that came after "no response" makes it late, not
 * a second invocation; the supplementary replies after it (vm_reply) are counted apart.
 */
@Component
public class Statistics {

  private final JdbcTemplate jdbc;
  private final Deadlines deadlines;

  public Statistics(JdbcTemplate jdbc, Deadlines deadlines) {
    this.jdbc = jdbc;
    this.deadlines = deadlines;
  }

  /** The numbers of one addressee State in one year. */
  public record Row(String addresseeState, String addresseeName, int year, int invocations, int repliesOnTime,
      int repliesLate, int noReply, int awaitingReply, int supplementaryReplies, BigDecimal medianDaysToReply,
      int assessed,
      int judgedSubstantive, BigDecimal shareSubstantive, Map<FollowUpAction, Integer> followUps) {
  }

  /**
   * The rows, by addressee code and year; only pairs with at least one invocation.
   *
   * @param delegations empty: every case; else only the cases that concern one of these delegations
   *     ({@link CaseRecords#concerning})
   * @param now when a reply deadline counts as passed
   */
  public List<Row> rows(Optional<? extends Collection<String>> delegations, Optional<String> addressee,
      Optional<Integer> year, Instant now) {
    // A withdrawn invocation awaits no reply: unanswered when withdrawn, it counts nowhere (neither as
    // unanswered nor as awaiting); answered before it was withdrawn, it counts with its reply.
    List<String> conditions = new ArrayList<>(List.of("c.delivered_at IS NOT NULL",
        "NOT (c.status = ? AND c.response_status = ?)"));
    List<Object> args = new ArrayList<>(List.of(CaseStatus.WITHDRAWN.name(), ResponseStatus.PENDING.name()));
    addressee.ifPresent(code -> {
      conditions.add("c.addressee_state = ?");
      args.add(code);
    });
    year.ifPresent(y -> {
      conditions.add("c.delivered_at >= ? AND c.delivered_at < ?");
      args.add(CaseRecords.ts(deadlines.startOfYear(y)));
      args.add(CaseRecords.ts(deadlines.startOfYear(y + 1)));
    });
    if (delegations.isPresent()) {
      if (delegations.get().isEmpty()) {
        return List.of();
      }
      conditions.add(CaseRecords.concerning(delegations.get(), args));
    }
    // One row per case and follow-up action chosen (none: one row with a null action).
    Map<String, Invocation> invocations = new LinkedHashMap<>();
    jdbc.query("SELECT c.reference, c.addressee_state, c.delivered_at, c.response_due_at, c.response_status,"
            + " c.response_received_at, c.response_substantive, f.action,"
            + " (SELECT COUNT(*) FROM vm_reply r WHERE r.case_reference = c.reference AND r.seq > 1) AS supplementary"
            + " FROM vm_case c"
            + " LEFT JOIN vm_follow_up_action f ON f.case_reference = c.reference"
            + " WHERE " + String.join(" AND ", conditions) + " ORDER BY c.reference",
        (ResultSet rs) -> {
          Invocation invocation = invocations.computeIfAbsent(rs.getString("reference"), r -> read(rs));
          FollowUpAction action = FollowUpAction.find(rs.getString("action"));
          if (action != null) {
            invocation.followUps().add(action);
          }
        }, args.toArray());

    Map<String, List<Invocation>> byStateAndYear = new LinkedHashMap<>();
    for (Invocation invocation : invocations.values()) {
      byStateAndYear.computeIfAbsent(invocation.addresseeState() + "/" + deadlines.year(invocation.deliveredAt()),
          key -> new ArrayList<>()).add(invocation);
    }
    return byStateAndYear.values().stream().map(group -> row(group, now))
        .sorted(Comparator.comparing(Row::addresseeState).thenComparing(Row::year)).toList();
  }

  /** What one delivered case contributes. */
  private record Invocation(String addresseeState, Instant deliveredAt, Instant responseDueAt,
      ResponseStatus responseStatus, Instant responseReceivedAt, Boolean substantive, int supplementaryReplies,
      Set<FollowUpAction> followUps) {
  }

  private static Invocation read(ResultSet rs) {
    try {
      return new Invocation(rs.getString("addressee_state"), CaseRecords.instant(rs, "delivered_at"),
          CaseRecords.instant(rs, "response_due_at"), ResponseStatus.valueOf(rs.getString("response_status")),
          CaseRecords.instant(rs, "response_received_at"), (Boolean) rs.getObject("response_substantive"),
          rs.getInt("supplementary"), EnumSet.noneOf(FollowUpAction.class));
    } catch (SQLException e) {
      throw new IllegalStateException("Unreadable case row", e);
    }
  }

  private Row row(List<Invocation> group, Instant now) {
    Invocation first = group.get(0);
    int onTime = 0;
    int late = 0;
    int none = 0;
    int awaiting = 0;
    int supplementary = 0;
    int assessed = 0;
    int substantive = 0;
    List<Integer> daysToReply = new ArrayList<>();
    Map<FollowUpAction, Integer> followUps = new EnumMap<>(FollowUpAction.class);
    for (FollowUpAction action : FollowUpAction.values()) {
      followUps.put(action, 0);
    }
    for (Invocation invocation : group) {
      switch (invocation.responseStatus()) {
        case ON_TIME -> onTime++;
        case LATE -> late++;
        case NONE -> none++;
        case PENDING -> {
          boolean deadlinePassed = invocation.responseDueAt() != null && now.isAfter(invocation.responseDueAt());
          if (deadlinePassed) {
            none++;
          } else {
            awaiting++;
          }
        }
      }
      supplementary += invocation.supplementaryReplies();
      if (invocation.responseReceivedAt() != null) {
        daysToReply.add(deadlines.calendarDaysBetween(invocation.deliveredAt(), invocation.responseReceivedAt()));
      }
      if (invocation.substantive() != null) {
        assessed++;
        substantive += invocation.substantive() ? 1 : 0;
      }
      invocation.followUps().forEach(action -> followUps.merge(action, 1, Integer::sum));
    }
    String name = ParticipatingStates.all().byCode(first.addresseeState()).map(ParticipatingState::name)
        .orElse(first.addresseeState());
    return new Row(first.addresseeState(), name, deadlines.year(first.deliveredAt()), group.size(), onTime, late,
        none, awaiting, supplementary, median(daysToReply), assessed, substantive,
        assessed == 0 ? null : BigDecimal.valueOf(substantive).divide(BigDecimal.valueOf(assessed), 2,
            RoundingMode.HALF_UP), followUps);
  }

  /** The middle value, or the mean of the two middle ones (then possibly .5); null when there is none. */
  static BigDecimal median(List<Integer> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Integer> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    if (sorted.size() % 2 == 1) {
      return BigDecimal.valueOf(sorted.get(middle));
    }
    return BigDecimal.valueOf(sorted.get(middle - 1) + sorted.get(middle)).divide(BigDecimal.valueOf(2));
  }
}
