package org.osce.vienna.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;

/** {@code POST /api/cases/{reference}/bilateral-meeting-requests}: what {@code BilateralMeetingRequested} carries. */
@Schema(name = "BilateralMeetingRequested", description = "A request for a bilateral meeting, as the message"
    + " BilateralMeetingRequested carries it")
public record MeetingRequest(
    @Schema(description = "The State that asks: the addressee or a signatory", example = "BY",
        requiredMode = Schema.RequiredMode.REQUIRED)
    @NotBlank(message = "is required (the code of the State that asks)") @StateCode
    String meetingRequestedBy,

    @Schema(description = "When it asked: ISO-8601 with offset, not in the future; now when left out",
        example = "2021-11-15T11:00:00+01:00")
    @IsoDateTime
    String meetingRequestedAt) {
}
