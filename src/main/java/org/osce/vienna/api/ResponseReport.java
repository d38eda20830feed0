package org.osce.vienna.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/cases/{reference}/response}: what the message {@code ResponseReceived} carries. */
@Schema(name = "ResponseReceived", description = "The addressee's written response, as the message ResponseReceived carries it")
public record ResponseReport(
    @Schema(description = "When the response arrived: ISO-8601 with offset, not before the delivery, not in the future",
        example = "2021-11-12T16:30:00+01:00", requiredMode = Schema.RequiredMode.REQUIRED)
    @NotBlank(message = "is required: when did the response arrive?") @IsoDateTime
    String responseReceivedAt,

    @Schema(description = "The addressee's reference of its note verbale, at most 200 characters",
        example = "No. 03-12/3456")
    @Size(max = 200, message = "is longer than 200 characters")
    String responseReference,

    @Schema(description = "What the response says, at most 100000 characters",
        example = "Belarus contests the invocation and answers none of the questions.",
        requiredMode = Schema.RequiredMode.REQUIRED)
    @NotBlank(message = "is required: summarise what the response says")
    @Size(max = 100_000, message = "is longer than 100000 characters")
    String responseSummary) {
}
