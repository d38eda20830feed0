package org.osce.vienna.api;

import static org.osce.vienna.engine.ProcessConstants.ADDRESSEE_STATE;
import static org.osce.vienna.engine.ProcessConstants.FOLLOW_UP_ACTIONS;
import static org.osce.vienna.engine.ProcessConstants.LEAD_DELEGATION;
import static org.osce.vienna.engine.ProcessConstants.LETTER;
import static org.osce.vienna.engine.ProcessConstants.QUESTION_ASSESSMENTS;
import static org.osce.vienna.engine.ProcessConstants.REFERENCE;
import static org.osce.vienna.engine.ProcessConstants.SUBJECT;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osce.vienna.registry.PastInvocation;

/**
 * {@code POST /api/past-invocations}: the start body of {@code POST /api/cases} and what became of the case.
 * Its rules are {@link PastInvocation}'s (the live steps' input types); here only the JSON's shape.
 */
@Schema(name = "PastInvocation", description = "A past invocation, recorded as it happened.", example = """
    {"reference": "VM-2021-BY-REC", "leadDelegation": "GB", "addresseeState": "BY",
     "subject": "Human rights situation in Belarus (joint letter of 4 November 2021)",
     "signatories": ["GB", "CA", "FR", "DE", "US"], "deliveredAt": "2021-11-04T10:00:00+01:00",
     "responses": [{"receivedAt": "2021-11-12T12:00:00+01:00", "reference": "Note verbale No. 09-12/345",
       "summary": "Belarus rejects the invocation.", "substantive": false,
       "questionAssessments": [{"question": 1, "assessment": "NOT_ANSWERED"}]}],
     "followUpActions": [], "closedAt": "2021-12-02T17:00:00+01:00"}""")
public record PastInvocationRequest(
    @Schema(description = "The case reference, unique; A-Z a-z 0-9 . _ - only", example = "VM-2021-BY-REC",
        requiredMode = Schema.RequiredMode.REQUIRED) String reference,
    @Schema(example = "GB", requiredMode = Schema.RequiredMode.REQUIRED) String leadDelegation,
    @Schema(example = "BY", requiredMode = Schema.RequiredMode.REQUIRED) String addresseeState,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String subject,
    @Schema(type = "object", types = "object", description = "The letter as sent (the shape of"
        + " letter-2021-11-04-belarus.json); required for a case that goes on, and to assess the reply") JsonNode letter,
    @Schema(description = "The States that signed the letter, the lead included", example = "[\"GB\", \"DE\"]",
        requiredMode = Schema.RequiredMode.REQUIRED) List<String> signatories,
    @Schema(description = "When the letter reached the addressee's mission; not in the future",
        example = "2021-11-04T10:00:00+01:00", requiredMode = Schema.RequiredMode.REQUIRED) String deliveredAt,
    @Schema(description = "The replies, in the order they came: the first, then any supplementary ones"
        + " (each with its assessment)") List<Reply> responses,
    @Schema(description = "The follow-up decided (empty: none); the case is then closed",
        example = "[\"PERMANENT_COUNCIL_STATEMENT\"]") List<String> followUpActions,
    @Schema(description = "When the case was closed; a closed case's reply must be assessed",
        example = "2021-12-02T17:00:00+01:00") String closedAt) {

  @Schema(name = "PastReply")
  public record Reply(
      @Schema(example = "2021-11-12T12:00:00+01:00", requiredMode = Schema.RequiredMode.REQUIRED) String receivedAt,
      @Schema(description = "The reply's own reference, e.g. its note verbale number") String reference,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String summary,
      @Schema(description = "When assessed: whether it answers in substance") Boolean substantive,
      @Schema(type = "array", description = "When assessed: {\"question\": n, \"assessment\": ANSWERED /"
          + " PARTLY_ANSWERED / NOT_ANSWERED} for each question of the letter") JsonNode questionAssessments) {

    Map<String, Object> values() {
      Map<String, Object> values = new HashMap<>();
      values.put("receivedAt", receivedAt);
      values.put("reference", reference);
      values.put("summary", summary);
      values.put("substantive", substantive);
      values.put(QUESTION_ASSESSMENTS, questionAssessments == null || questionAssessments.isNull() ? null
          : questionAssessments);
      return values;
    }
  }

  Map<String, Object> values() {
    Map<String, Object> values = new HashMap<>();
    values.put(REFERENCE, reference);
    values.put(LEAD_DELEGATION, leadDelegation);
    values.put(ADDRESSEE_STATE, addresseeState);
    values.put(SUBJECT, subject);
    values.put(LETTER, letter == null || letter.isNull() ? null : letter);
    values.put(PastInvocation.SIGNATORIES, signatories);
    values.put(PastInvocation.DELIVERED_AT, deliveredAt);
    values.put(FOLLOW_UP_ACTIONS, followUpActions);
    values.put(PastInvocation.CLOSED_AT, closedAt);
    return values;
  }

  List<Map<String, Object>> replies() {
    return responses == null ? List.of() : responses.stream().map(r -> r == null ? new HashMap<String, Object>()
        : r.values()).toList();
  }
}
