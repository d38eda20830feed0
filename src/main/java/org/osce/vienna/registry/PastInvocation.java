package org.osce.vienna.registry;

import static org.osce.vienna.engine.ProcessConstants.FOLLOW_UP_ACTIONS;
import static org.osce.vienna.engine.ProcessConstants.LETTER;
import static org.osce.vienna.engine.ProcessConstants.QUESTION_ASSESSMENTS;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_RECEIVED_AT;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_REFERENCE;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_SUBSTANTIVE;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_SUMMARY;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osce.vienna.casefile.DateTimes;
import org.osce.vienna.casefile.FieldErrors;
import org.osce.vienna.casefile.InvalidInputException;
import org.osce.vienna.drafting.Invitations;
import org.osce.vienna.drafting.StartInput;
import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.engine.InputValues;
import org.osce.vienna.followup.FollowUpDecision;
import org.osce.vienna.response.AssessmentInput;
import org.osce.vienna.response.ResponseInput;

/**
 * A past invocation as {@code POST /api/past-invocations} takes it (contract: procedure.md, "The registry"):
 * the start of a case, who signed, when the letter was delivered, the reply and its assessment, the
 * follow-up and the closing, each as far as the case got. Every part is read by the input type the live
 * step uses (the start, the response, the assessment, the follow-up), so a past case is checked as a live
 * one is; here only what ties the parts together: the dates in order and none in the future, the
 * assessment after a reply, the follow-up after an assessment (or with no reply at all).
 *
 * @param reply the first reply; null when none was recorded
 * @param supplementary the replies after the first, in order, each assessed; empty when none
 * @param followUp null when the case had not reached follow-up
 * @param closedAt null when not given
 */
public record PastInvocation(StartInput start, List<String> signatories, Instant deliveredAt, Reply reply,
    List<Reply> supplementary, FollowUpDecision followUp, Instant closedAt) {

  public static final String REFUSED = "Invalid past invocation";
  public static final String SIGNATORIES = "signatories";
  public static final String DELIVERED_AT = "deliveredAt";
  public static final String RESPONSES = "responses";
  public static final String CLOSED_AT = "closedAt";

  /** The reply, and its assessment when it was assessed (else null). */
  public record Reply(ResponseInput response, AssessmentInput assessment) {
  }

  /** The contract's names of a reply's fields, by the names of the live step's variables. */
  private static final Map<String, String> REPLY_FIELDS = Map.of(RESPONSE_RECEIVED_AT, "receivedAt",
      RESPONSE_REFERENCE, "reference", RESPONSE_SUMMARY, "summary", RESPONSE_SUBSTANTIVE, "substantive",
      QUESTION_ASSESSMENTS, QUESTION_ASSESSMENTS);

  /** Whether the case reached its end: closed, or its follow-up decided. */
  public boolean ended() {
    return closedAt != null || followUp != null;
  }

  /**
   * Reads and checks the whole of it, throwing once with every problem, each named by its field in the
   * request ({@code responses[0].receivedAt}).
   *
   * @param values the start's fields, {@code signatories}, {@code deliveredAt}, {@code followUpActions} (null
   *     when not given) and {@code closedAt}
   * @param responses each reply's {@code receivedAt}, {@code reference}, {@code summary}, {@code substantive},
   *     {@code questionAssessments}; empty when none
   */
  public static PastInvocation read(Map<String, Object> values, List<Map<String, Object>> responses, Instant now) {
    FieldErrors errors = new FieldErrors();
    StartInput start = null;
    try {
      start = StartInput.read(InputValues.of(values), null, now);
    } catch (InvalidInputException refused) {
      errors.addAll(refused);
    }
    String lead = start == null ? null : start.leadDelegation();
    String addressee = start == null ? null : start.addresseeState();

    List<String> signatories = List.of();
    try {
      List<String> given = CaseVariables.strings(values.get(SIGNATORIES), SIGNATORIES);
      if (given == null || given.isEmpty()) {
        errors.add(SIGNATORIES, "is required: the States that signed the letter, the lead included");
      } else {
        signatories = Invitations.signatories(given, lead, addressee, errors, SIGNATORIES);
      }
    } catch (InvalidInputException refused) {
      errors.addAll(refused);
    }

    Instant deliveredAt = date(values.get(DELIVERED_AT), DELIVERED_AT, now, errors);
    if (deliveredAt == null && !errors.has(DELIVERED_AT)) {
      errors.add(DELIVERED_AT, "is required: when the letter reached the addressee's mission");
    }

    Reply reply = responses.isEmpty() ? null : reply(responses.get(0), 0, deliveredAt, start, now, errors);
    List<Reply> supplementary = new ArrayList<>();
    Instant lastReply = reply == null ? null : reply.response().receivedAt();
    for (int i = 1; i < responses.size(); i++) {
      // A supplementary reply is recorded as it was assessed: nothing is left to assess of it.
      String prefix = RESPONSES + "[" + i + "].";
      if (responses.get(i).get("substantive") == null) {
        errors.add(prefix + "substantive", "is required: a supplementary reply is recorded with its assessment"
            + " (give substantive and questionAssessments)");
      }
      Reply further = reply(responses.get(i), i, deliveredAt, start, now, errors);
      if (further == null) {
        continue;
      }
      Instant receivedAt = further.response().receivedAt();
      if (lastReply != null && receivedAt != null && receivedAt.isBefore(lastReply)) {
        errors.add(prefix + "receivedAt", "is before the reply listed before it (" + lastReply + "): list the"
            + " replies in the order they came");
      }
      lastReply = receivedAt != null ? receivedAt : lastReply;
      supplementary.add(further);
    }

    FollowUpDecision followUp = null;
    if (values.get(FOLLOW_UP_ACTIONS) != null) {
      try {
        // The request names no supporters: a Moscow Mechanism recorded is supported by the other signatories.
        followUp = FollowUpDecision.read(InputValues.of(values), signatories, lead, addressee, null);
      } catch (InvalidInputException refused) {
        errors.addAll(refused);
      }
    }
    Instant closedAt = date(values.get(CLOSED_AT), CLOSED_AT, now, errors);
    if (closedAt != null) {
      Instant last = lastReply != null ? lastReply : deliveredAt;
      if (last != null && closedAt.isBefore(last)) {
        errors.add(CLOSED_AT, "is before " + (last == deliveredAt ? "the letter was delivered" : "the reply arrived")
            + " (" + last + ")");
      }
    }
    boolean ended = closedAt != null || values.get(FOLLOW_UP_ACTIONS) != null;
    if (!ended && start != null && start.letter() == null) {
      errors.add(LETTER, "is required for a case that goes on from where it stands: its questions are assessed");
    }
    boolean assessed = !responses.isEmpty() && (responses.get(0).get("substantive") != null
        || responses.get(0).get(QUESTION_ASSESSMENTS) != null);
    if (ended && !responses.isEmpty() && !assessed) {
      errors.add(RESPONSES + "[0].substantive", "is required: a reply is assessed before the follow-up and the"
          + " closing (give substantive and questionAssessments)");
    }
    errors.throwIfAny(REFUSED);
    return new PastInvocation(start, signatories, deliveredAt, reply, List.copyOf(supplementary), followUp, closedAt);
  }

  /** Reply {@code index} as "Register the response" and "Assess the response" read it, its fields named as sent. */
  private static Reply reply(Map<String, Object> given, int index, Instant deliveredAt, StartInput start, Instant now,
      FieldErrors errors) {
    String prefix = RESPONSES + "[" + index + "].";
    Map<String, Object> values = new HashMap<>();
    values.put(RESPONSE_RECEIVED_AT, given.get("receivedAt"));
    values.put(RESPONSE_REFERENCE, given.get("reference"));
    values.put(RESPONSE_SUMMARY, given.get("summary"));
    values.put(RESPONSE_SUBSTANTIVE, given.get("substantive"));
    values.put(QUESTION_ASSESSMENTS, given.get(QUESTION_ASSESSMENTS));
    ResponseInput response = null;
    try {
      response = ResponseInput.read(InputValues.of(values), deliveredAt, now);
    } catch (InvalidInputException refused) {
      rename(refused, prefix, errors);
    }
    AssessmentInput assessment = null;
    if (given.get("substantive") != null || given.get(QUESTION_ASSESSMENTS) != null) {
      if (start == null) {
        return new Reply(response, null);
      }
      // Without the letter there are no questions to assess: the reply is judged as a whole only.
      int questions = start.letter() == null ? 0 : start.letter().questions().size();
      if (start.letter() == null && values.get(QUESTION_ASSESSMENTS) == null) {
        values.put(QUESTION_ASSESSMENTS, List.of());
      }
      try {
        assessment = AssessmentInput.read(InputValues.of(values), questions);
      } catch (InvalidInputException refused) {
        if (start.letter() == null && refused.fieldErrors().containsKey(QUESTION_ASSESSMENTS)) {
          errors.add(prefix + QUESTION_ASSESSMENTS, "needs the letter (field letter): its questions are assessed");
        }
        rename(refused, prefix, errors);
      }
    }
    return response == null ? null : new Reply(response, assessment);
  }

  private static void rename(InvalidInputException refused, String prefix, FieldErrors errors) {
    refused.fieldErrors().forEach((field, message) -> errors.add(prefix + REPLY_FIELDS.getOrDefault(field, field),
        message));
  }

  /** A date of the past: readable, and not in the future. */
  private static Instant date(Object value, String field, Instant now, FieldErrors errors) {
    try {
      Instant at = DateTimes.parse(value, field);
      if (at != null && DateTimes.isInFuture(at, now)) {
        errors.add(field, "is in the future");
        return null;
      }
      return at;
    } catch (InvalidInputException refused) {
      errors.addAll(refused);
      return null;
    }
  }
}
