package org.osce.vienna.casefile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The case row (vm_case): what stands of a case at each step. */
@Repository
public class CaseRecords {

  private final JdbcTemplate jdbc;
  private final Replies replies;

  public CaseRecords(JdbcTemplate jdbc, Replies replies) {
    this.jdbc = jdbc;
    this.replies = replies;
  }

  /** A case as recorded. Instants are null until the step that sets them. */
  public record CaseRecord(String reference, String processInstanceId, String subject, String leadDelegation,
      String addresseeState, CaseStatus status, String startedBy, Instant startedAt, DeliveryChannel deliveryChannel,
      Instant deliveredAt, Instant responseDueAt, Instant deadlineMissedAt, ResponseStatus responseStatus,
      Instant responseReceivedAt, Integer responseDaysLate, String responseReference, String responseSummary,
      Boolean responseSubstantive, Instant closedAt, boolean recorded) {
  }

  public boolean exists(String reference) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM vm_case WHERE reference = ?", Integer.class, reference);
    return n != null && n > 0;
  }

  public void create(String reference, String subject, String leadDelegation, String addresseeState,
      String processInstanceId, String startedBy, Instant startedAt) {
    jdbc.update("INSERT INTO vm_case (reference, process_instance_id, subject, lead_delegation, addressee_state,"
            + " status, started_by, started_at, response_status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        reference, processInstanceId, subject, leadDelegation, addresseeState,
        CaseStatus.DRAFTING.name(), startedBy, ts(startedAt), ResponseStatus.PENDING.name());
  }

  /**
   * A past invocation, recorded afterwards as it stood: started and delivered at its real dates, in the
   * status it reached; its response, assessment and closing are then set by the same updates as a live
   * case's. How the letter went is not recorded (the channel stays empty). {@code processInstanceId} is null
   * for a case that has ended.
   */
  public void createRecorded(String reference, String subject, String leadDelegation, String addresseeState,
      String processInstanceId, String recordedBy, Instant deliveredAt, Instant responseDueAt) {
    jdbc.update("INSERT INTO vm_case (reference, process_instance_id, subject, lead_delegation, addressee_state,"
            + " status, started_by, started_at, delivered_at, response_due_at, response_status, recorded)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE)",
        reference, processInstanceId, subject, leadDelegation, addresseeState, CaseStatus.AWAITING_RESPONSE.name(),
        recordedBy, ts(deliveredAt), ts(deliveredAt), ts(responseDueAt),
        ResponseStatus.PENDING.name());
  }

  public Optional<CaseRecord> find(String reference) {
    return jdbc.query("SELECT * FROM vm_case WHERE reference = ?", CaseRecords::map, reference).stream().findFirst();
  }

  public CaseRecord get(String reference) {
    return find(reference).orElseThrow(() -> new IllegalStateException("No case record for " + reference));
  }

  /** Holds the case's row until the current transaction ends, so that changes to one case take turns. */
  public void lock(String reference) {
    jdbc.query("SELECT reference FROM vm_case WHERE reference = ? FOR UPDATE", (row, n) -> row.getString(1),
        reference);
  }

  /** One page of a list of cases, and how many cases the list has in all. */
  public record Page(List<CaseRecord> cases, long total) {
  }

  /**
   * A page of the cases, newest first (then by reference, so that pages never overlap nor skip a case);
   * of one addressee and in one status when given; with {@code delegations}, only the cases that concern
   * one of them: the one that leads it and those invited to co-sign, its signatories (vm_signatory) once
   * the sign-off round has opened, before that the draft's invitations (vm_invitation). Two queries (the
   * page and its total), filtered, ordered and cut in SQL.
   */
  public Page page(Optional<? extends Collection<String>> delegations, Optional<String> addressee,
      Optional<CaseStatus> status, long offset, int limit) {
    if (delegations.isPresent() && delegations.get().isEmpty()) {
      return new Page(List.of(), 0);
    }
    List<Object> args = new ArrayList<>();
    String where = where(Optional.empty(), addressee, status, delegations, args);
    Long total = jdbc.queryForObject("SELECT COUNT(*) FROM vm_case c" + where, Long.class, args.toArray());
    args.add(limit);
    args.add(offset);
    List<CaseRecord> cases = jdbc.query("SELECT c.* FROM vm_case c" + where
        + " ORDER BY c.started_at DESC, c.reference LIMIT ? OFFSET ?", CaseRecords::map, args.toArray());
    return new Page(cases, total == null ? 0 : total);
  }

  /** The case, if it concerns one of these delegations (as {@link #page}). One query. */
  public Optional<CaseRecord> findConcerning(String reference, Collection<String> delegations) {
    if (delegations.isEmpty()) {
      return Optional.empty();
    }
    List<Object> args = new ArrayList<>();
    String where = where(Optional.of(reference), Optional.empty(), Optional.empty(), Optional.of(delegations), args);
    return jdbc.query("SELECT c.* FROM vm_case c" + where, CaseRecords::map, args.toArray()).stream().findFirst();
  }

  /** The WHERE clause (or nothing) of the reads above, its arguments added to {@code args}. */
  private static String where(Optional<String> reference, Optional<String> addressee, Optional<CaseStatus> status,
      Optional<? extends Collection<String>> delegations, List<Object> args) {
    List<String> conditions = new ArrayList<>();
    reference.ifPresent(r -> {
      conditions.add("c.reference = ?");
      args.add(r);
    });
    addressee.ifPresent(a -> {
      conditions.add("c.addressee_state = ?");
      args.add(a);
    });
    status.ifPresent(s -> {
      conditions.add("c.status = ?");
      args.add(s.name());
    });
    delegations.ifPresent(d -> conditions.add(concerning(d, args)));
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  /**
   * The SQL condition "the case {@code c} (an alias of vm_case) concerns one of these delegations" (as
   * {@link #page}), its arguments added to {@code args}; for the other reads across cases (the
   * statistics), so that who sees which case is written once. {@code delegations} must not be empty.
   */
  public static String concerning(Collection<String> delegations, List<Object> args) {
    String in = "IN (" + String.join(", ", Collections.nCopies(delegations.size(), "?")) + ")";
    args.addAll(delegations);
    args.addAll(delegations);
    args.add(CaseStatus.DRAFTING.name());
    args.addAll(delegations);
    return "(c.lead_delegation " + in
        + " OR EXISTS (SELECT 1 FROM vm_signatory s WHERE s.case_reference = c.reference AND s.state_code " + in + ")"
        + " OR (c.status = ? AND NOT EXISTS (SELECT 1 FROM vm_signatory s WHERE s.case_reference = c.reference)"
        + " AND EXISTS (SELECT 1 FROM vm_invitation i WHERE i.case_reference = c.reference AND i.state_code " + in
        + ")))";
  }

  public void status(String reference, CaseStatus status) {
    update(reference, "status = ?", status.name());
  }

  public void delivered(String reference, DeliveryChannel channel, Instant deliveredAt, Instant responseDueAt) {
    update(reference, "delivery_channel = ?, delivered_at = ?, response_due_at = ?, status = ?",
        channel.name(), ts(deliveredAt), ts(responseDueAt), CaseStatus.AWAITING_RESPONSE.name());
  }

  /** The process instance a recorded case goes on in. */
  public void processInstance(String reference, String processInstanceId) {
    update(reference, "process_instance_id = ?", processInstanceId);
  }

  public void deadlineMissed(String reference, Instant at) {
    update(reference, "deadline_missed_at = ?", ts(at));
  }

  public void responseReceived(String reference, ResponseStatus status, Instant receivedAt, int daysLate,
      String responseReference, String summary) {
    update(reference, "response_status = ?, response_received_at = ?, response_days_late = ?,"
            + " response_reference = ?, response_summary = ?, status = ?",
        status.name(), ts(receivedAt), daysLate, responseReference, summary, CaseStatus.ASSESSMENT.name());
    replies.recorded(reference, 1, receivedAt, responseReference, summary, status, daysLate);
  }

  /**
   * The first reply, come after the wait for it was closed ("no response", or the follow-up begun): it is the
   * case's response from now on, and the case stays where it is.
   */
  public void firstResponseAfterWait(String reference, ResponseStatus status, Instant receivedAt, int daysLate,
      String responseReference, String summary) {
    update(reference, "response_status = ?, response_received_at = ?, response_days_late = ?,"
            + " response_reference = ?, response_summary = ?",
        status.name(), ts(receivedAt), daysLate, responseReference, summary);
  }

  /** The first reply, assessed after the wait was closed; the case stays where it is. */
  public void firstResponseAssessed(String reference, boolean substantive) {
    update(reference, "response_substantive = ?", substantive);
  }

  public void noResponse(String reference) {
    update(reference, "response_status = ?, status = ?", ResponseStatus.NONE.name(), CaseStatus.FOLLOW_UP.name());
  }

  public void assessed(String reference, boolean substantive) {
    update(reference, "response_substantive = ?, status = ?", substantive, CaseStatus.FOLLOW_UP.name());
    replies.assessed(reference, 1, substantive);
  }

  public void closed(String reference, Instant at) {
    update(reference, "closed_at = ?, status = ?", ts(at), CaseStatus.CLOSED.name());
  }

  private void update(String reference, String assignments, Object... values) {
    Object[] args = new Object[values.length + 1];
    System.arraycopy(values, 0, args, 0, values.length);
    args[values.length] = reference;
    int rows = jdbc.update("UPDATE vm_case SET " + assignments + " WHERE reference = ?", args);
    if (rows != 1) {
      throw new IllegalStateException("No case record for " + reference);
    }
  }

  public static OffsetDateTime ts(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  public static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  private static CaseRecord map(ResultSet rs, int row) throws SQLException {
    String channel = rs.getString("delivery_channel");
    Integer daysLate = (Integer) rs.getObject("response_days_late");
    Boolean substantive = (Boolean) rs.getObject("response_substantive");
    return new CaseRecord(rs.getString("reference"), rs.getString("process_instance_id"), rs.getString("subject"),
        rs.getString("lead_delegation"), rs.getString("addressee_state"), CaseStatus.valueOf(rs.getString("status")),
        rs.getString("started_by"), instant(rs, "started_at"), channel == null ? null : DeliveryChannel.valueOf(channel),
        instant(rs, "delivered_at"), instant(rs, "response_due_at"), instant(rs, "deadline_missed_at"),
        ResponseStatus.valueOf(rs.getString("response_status")), instant(rs, "response_received_at"), daysLate,
        rs.getString("response_reference"), rs.getString("response_summary"), substantive, instant(rs, "closed_at"),
        rs.getBoolean("recorded"));
  }
}
