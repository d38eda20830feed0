package org.osce.vienna.api;

import io.swagger.v3.oas.annotations.media.Schema;
import org.osce.vienna.followup.Withdrawal;

/** {@code POST /api/cases/{reference}/withdrawal}: why the lead withdraws its invocation ({@link Withdrawal}). */
@Schema(name = "Withdrawal", description = "The lead delegation withdraws its invocation")
public record WithdrawalRequest(
    @Schema(description = "Why the invocation is withdrawn; the signatories read it", maxLength = Withdrawal.MAX_REASON,
        example = "The authorities released the persons concerned on 20 November.",
        requiredMode = Schema.RequiredMode.REQUIRED)
    String reason) {
}
