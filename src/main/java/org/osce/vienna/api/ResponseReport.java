package org.osce.vienna.api;

import static org.osce.vienna.engine.ProcessConstants.RESPONSE_RECEIVED_AT;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_REFERENCE;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_SUMMARY;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.HashMap;
import java.util.Map;
import org.osce.vienna.response.ResponseInput;

/**
 * {@code POST /api/cases/{reference}/response}: what the message {@code ResponseReceived} carries. Its
 * rules are the response's input contract ({@link ResponseInput}), the same as in Tasklist.
 */
@Schema(name = "ResponseReceived", description = "The addressee's written response, as the message ResponseReceived carries it")
public record ResponseReport(
    @Schema(description = "When the response arrived: ISO-8601 with offset, not before the delivery, not in the future",
        example = "2021-11-12T16:30:00+01:00", requiredMode = Schema.RequiredMode.REQUIRED)
    String responseReceivedAt,

    @Schema(description = "The addressee's reference of its note verbale", maxLength = ResponseInput.MAX_REFERENCE,
        example = "No. 03-12/3456")
    String responseReference,

    @Schema(description = "What the response says", maxLength = ResponseInput.MAX_SUMMARY,
        example = "Belarus contests the invocation and answers none of the questions.",
        requiredMode = Schema.RequiredMode.REQUIRED)
    String responseSummary) {

  /** The body as the message's variables, for the response's input contract to read. */
  Map<String, Object> variables() {
    Map<String, Object> variables = new HashMap<>();
    variables.put(RESPONSE_RECEIVED_AT, responseReceivedAt);
    variables.put(RESPONSE_REFERENCE, responseReference);
    variables.put(RESPONSE_SUMMARY, responseSummary);
    return variables;
  }
}
