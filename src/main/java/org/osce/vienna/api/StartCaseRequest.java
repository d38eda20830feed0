package org.osce.vienna.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.osce.vienna.drafting.StartData;

/**
 * {@code POST /api/cases}: the start data of the contract, and optionally the drafted letter. The
 * shape of each field is checked here; what depends on several fields (the addressee never invited,
 * the letter addressed to the addressee, the sign-off deadline in the future) is checked by the
 * process when the case starts, the same for Tasklist, {@code /engine-rest} and this API.
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
    @Schema(description = "The case reference and business key, unique: 1 to 64 of A-Z a-z 0-9 . _ -",
        example = "VM-2021-BY-01", requiredMode = Schema.RequiredMode.REQUIRED)
    @NotBlank(message = "is required (the case reference, e.g. VM-2021-BY-01)")
    @Pattern(regexp = StartData.REFERENCE_PATTERN, message = "must be 1 to 64 of A-Z a-z 0-9 . _ - (it appears in URLs)")
    String reference,

    @Schema(description = "The lead delegation's State (ISO 3166 alpha-2); the caller must belong to it",
        example = "GB", requiredMode = Schema.RequiredMode.REQUIRED)
    @NotBlank(message = "is required (a participating State's code, e.g. GB)") @StateCode
    String leadDelegation,

    @Schema(description = "The State the letter is addressed to", example = "BY",
        requiredMode = Schema.RequiredMode.REQUIRED)
    @NotBlank(message = "is required (a participating State's code, e.g. BY)") @StateCode
    String addresseeState,

    @Schema(description = "A short title of the case, at most 200 characters",
        example = "Human rights situation in Belarus", requiredMode = Schema.RequiredMode.REQUIRED)
    @NotBlank(message = "is required (a short title of the case)")
    @Size(max = 200, message = "is longer than 200 characters")
    String subject,

    @Schema(type = "object", types = "object", description = "The drafted letter, the shape of letter-2021-11-04-belarus.json:"
        + " addressee, introduction, concernsLead, concerns, questionsLead, questions, closing, responsePeriodDays."
        + " The lead's officers still check it in the task Task_DraftLetter.")
    JsonNode letter,

    @Schema(description = "The delegations invited to co-sign (codes), each once; never the lead or the addressee",
        example = "[\"DE\", \"FR\", \"US\", \"CA\"]")
    @Size(max = 56, message = "lists more delegations than there are participating States besides the lead")
    List<String> invitedDelegations,

    @Schema(description = "When the co-signing round closes: an ISO-8601 date-time with offset, in the future",
        example = "2021-11-03T18:00:00+01:00")
    @IsoDateTime
    String signOffDueAt) {
}
