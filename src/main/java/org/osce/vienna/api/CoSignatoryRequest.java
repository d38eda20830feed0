package org.osce.vienna.api;

import io.swagger.v3.oas.annotations.media.Schema;
import org.osce.vienna.signoff.Coalition;

/** {@code POST /api/cases/{reference}/co-signatories}: the State that joins the letter ({@link Coalition}). */
@Schema(name = "CoSignatory", description = "A delegation that joins the letter as co-signatory")
public record CoSignatoryRequest(
    @Schema(description = "The State that joins: a participating State, never the addressee nor the lead",
        example = "FR", requiredMode = Schema.RequiredMode.REQUIRED)
    String state) {
}
