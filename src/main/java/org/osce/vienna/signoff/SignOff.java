package org.osce.vienna.signoff;

import static org.osce.vienna.engine.ProcessConstants.DECLINES;
import static org.osce.vienna.engine.ProcessConstants.SIGN_OFF;
import static org.osce.vienna.engine.ProcessConstants.TASK_DECIDE_CO_SIGNING;
import static org.osce.vienna.engine.ProcessConstants.TASK_SIGN_AND_DELIVER;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.osce.vienna.casefile.DateTimes;
import org.osce.vienna.casefile.ParticipatingState;
import org.osce.vienna.casefile.ParticipatingStates;
import org.osce.vienna.casefile.ViennaProperties;
import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.engine.FormVariables;
import org.springframework.stereotype.Component;

/**
 * Where the co-signing round stands: each invited delegation, whether it has joined, declined or not yet
 * decided, and when (contract name {@code signOff}). Read from the decisions as recorded ({@link Signatories},
 * the one place they are kept): the case API shows it, the co-signing form shows it as the variable
 * {@code signOff}, and the lead's sign-and-deliver form shows each decline with its comment ({@code declines}),
 * both read when the form is opened ({@link FormVariables}), so a head sees the decisions taken since her task
 * was created.
 */
@Component
public class SignOff implements FormVariables {

  /** An invited delegation's decision as the contract names it. */
  public enum Decision { JOINED, DECLINED, UNDECIDED }

  /** One invited delegation; {@code decidedAt} null while undecided. */
  public record Entry(String state, Decision decision, Instant decidedAt, String comment) {
  }

  private final Signatories signatories;
  private final ViennaProperties properties;

  public SignOff(Signatories signatories, ViennaProperties properties) {
    this.signatories = signatories;
    this.properties = properties;
  }

  /**
   * The invited delegations of the case, and those that joined without an invitation, in the order of their names;
   * none before the round opens.
   */
  public List<Entry> of(String reference) {
    return entries(signatories.of(reference));
  }

  /** {@link #of(String)} from the case's signatories as read ({@link Signatories#of}). */
  public List<Entry> entries(List<Signatories.Signatory> all) {
    return all.stream().filter(s -> !Signatories.LEAD.equals(s.role()))
        .map(SignOff::entry)
        .sorted((a, b) -> name(a.state()).compareTo(name(b.state())))
        .toList();
  }

  private static Entry entry(Signatories.Signatory s) {
    return switch (s.decision()) {
      case JOINED -> new Entry(s.stateCode(), Decision.JOINED, s.decidedAt(), null);
      case DECLINED -> new Entry(s.stateCode(), Decision.DECLINED, s.decidedAt(), s.comment());
      // The deadline passed without a decision: recorded as not joined, but nothing was decided.
      case PENDING, NO_DECISION -> new Entry(s.stateCode(), Decision.UNDECIDED, null, null);
    };
  }

  /**
   * The co-signing form's {@code signOff}, [{"state": "DE", "name": "Germany", "decision": "JOINED", "decidedAt":
   * "2026-11-30T14:05:00+01:00", "inWords": "joined on 30 November 2026, 14:05 Vienna time (CET)"}, …]; the sign-and-deliver form's {@code declines}, [{"name": "Norway",
   * "comment": …}, …].
   */
  @Override
  public Map<String, TypedValue> of(String taskDefinitionKey, String reference, VariableMap read) {
    if (TASK_DECIDE_CO_SIGNING.equals(taskDefinitionKey)) {
      return Map.of(SIGN_OFF, CaseVariables.jsonValue(of(reference).stream().map(e -> {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("state", e.state());
        item.put("name", name(e.state()));
        item.put("decision", e.decision().name());
        item.put("decidedAt", e.decidedAt() == null ? null
            : time(e.decidedAt()).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        item.put("inWords", switch (e.decision()) {
          case JOINED -> "joined on " + DateTimes.shown(e.decidedAt());
          case DECLINED -> "declined on " + DateTimes.shown(e.decidedAt());
          case UNDECIDED -> "has not decided yet";
        });
        return item;
      }).toList()));
    }
    if (TASK_SIGN_AND_DELIVER.equals(taskDefinitionKey)) {
      return Map.of(DECLINES, CaseVariables.jsonValue(of(reference).stream()
          .filter(e -> e.decision() == Decision.DECLINED)
          .map(e -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", name(e.state()));
            item.put("comment", e.comment() == null ? "(no comment)" : e.comment());
            return item;
          })
          .toList()));
    }
    return Map.of();
  }

  /** A time as the case API writes it: ISO-8601 with the offset of the procedure's zone. */
  private OffsetDateTime time(Instant instant) {
    return instant == null ? null : instant.atZone(properties.timeZone()).toOffsetDateTime();
  }

  private static String name(String code) {
    return ParticipatingStates.all().byCode(code).map(ParticipatingState::name).orElse(code);
  }
}
