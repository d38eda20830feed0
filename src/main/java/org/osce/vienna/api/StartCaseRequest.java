package org.osce.vienna.api;

import static org.osce.vienna.engine.ProcessConstants.ADDRESSEE_STATE;
import static org.osce.vienna.engine.ProcessConstants.INVITED_DELEGATIONS;
import static org.osce.vienna.engine.ProcessConstants.LEAD_DELEGATION;
import static org.osce.vienna.engine.ProcessConstants.LETTER;
import static org.osce.vienna.engine.ProcessConstants.REFERENCE;
import static org.osce.vienna.engine.ProcessConstants.SIGN_OFF_DUE_AT;
import static org.osce.vienna.engine.ProcessConstants.SUBJECT;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osce.vienna.drafting.StartInput;

/**
 * {@code POST /api/cases}: the start data of the contract, and optionally the drafted letter. Its rules
 * are the start's input contract ({@link StartInput}), the same for Tasklist, {@code /engine-rest} and
 * this API; here only the JSON's shape (types, unknown fields) is checked.
 */
@Schema(name = "StartCase", description = "Starts a case. Field names are the contract's process variable names.",
    example = """
        {"reference": "VM-2022-RU-01", "leadDelegation": "GB", "addresseeState": "RU",
         "subject": "Human rights situation in the Russian Federation",
         "letter": {"addressee": {"state": "RU", "honorific": "His Excellency", "name": "Mr. Alexander Lukashevich",
             "title": "Permanent Representative", "mission": "Permanent Mission of the Russian Federation to the OSCE",
             "salutation": "Dear Ambassador Lukashevich,"},
           "introduction": ["We write under the Vienna Mechanism of the OSCE human dimension."],
           "concerns": [{"topic": "Detentions", "text": "Human rights defenders remain in detention."}],
           "questions": ["How many persons detained for exercising their human rights remain in detention?"],
           "closing": "We look forward to your response.", "responsePeriodDays": 10},
         "invitedDelegations": ["DE"], "signOffDueAt": "2030-11-03T18:00:00+01:00"}""")
public record StartCaseRequest(
    @Schema(description = "The case reference and business key, unique; A-Z a-z 0-9 . _ - only (it appears in URLs)",
        example = "VM-2021-BY-01", requiredMode = Schema.RequiredMode.REQUIRED,
        maxLength = StartInput.MAX_REFERENCE, pattern = "^" + StartInput.REFERENCE_PATTERN + "$")
    String reference,

    @Schema(description = "The lead delegation's State (ISO 3166 alpha-2); the caller must belong to it",
        example = "GB", requiredMode = Schema.RequiredMode.REQUIRED)
    String leadDelegation,

    @Schema(description = "The State the letter is addressed to", example = "BY",
        requiredMode = Schema.RequiredMode.REQUIRED)
    String addresseeState,

    @Schema(description = "A short title of the case",
        example = "Human rights situation in Belarus", requiredMode = Schema.RequiredMode.REQUIRED,
        maxLength = StartInput.MAX_SUBJECT)
    String subject,

    @Schema(type = "object", types = "object", description = "The drafted letter, the shape of letter-2021-11-04-belarus.json:"
        + " addressee, introduction, concernsLead, concerns, questionsLead, questions, closing, responsePeriodDays."
        + " The lead's officers still check it in the task Task_DraftLetter.")
    JsonNode letter,

    @Schema(description = "The delegations invited to co-sign (codes), each once; never the lead or the addressee",
        example = "[\"DE\", \"FR\", \"US\", \"CA\"]")
    List<String> invitedDelegations,

    @Schema(description = "When the co-signing round closes: an ISO-8601 date-time with offset, in the future",
        example = "2021-11-03T18:00:00+01:00")
    String signOffDueAt) {

  /** The body as the start's variables, for the start's input contract to read. */
  Map<String, Object> variables() {
    Map<String, Object> variables = new HashMap<>();
    variables.put(REFERENCE, reference);
    variables.put(LEAD_DELEGATION, leadDelegation);
    variables.put(ADDRESSEE_STATE, addresseeState);
    variables.put(SUBJECT, subject);
    variables.put(LETTER, letter == null || letter.isNull() ? null : letter);
    variables.put(INVITED_DELEGATIONS, invitedDelegations);
    variables.put(SIGN_OFF_DUE_AT, signOffDueAt);
    return variables;
  }
}
