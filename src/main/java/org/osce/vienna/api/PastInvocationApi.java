package org.osce.vienna.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.casefile.Groups;
import org.osce.vienna.casefile.InvalidInputException;
import org.osce.vienna.engine.EngineClock;
import org.osce.vienna.registry.PastInvocation;
import org.osce.vienna.registry.PastInvocations;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Past invocations (contract: procedure.md, "The registry"): a case recorded as it happened, so that the
 * registry starts with the record. The lead delegation's heads (and administrators) record its cases.
 */
@RestController
@RequestMapping(path = "/api/past-invocations")
@Tag(name = "Registry", description = "Statistics across the cases")
@ApiResponse(responseCode = "401", description = "No or wrong HTTP Basic credentials", content = @Content(
    mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
public class PastInvocationApi {

  private final PastInvocations pastInvocations;
  private final CaseRecords cases;
  private final CaseViews views;

  public PastInvocationApi(PastInvocations pastInvocations, CaseRecords cases, CaseViews views) {
    this.pastInvocations = pastInvocations;
    this.cases = cases;
    this.views = views;
  }

  @Operation(summary = "Record a past invocation", description = """
      Records a case at the stage it reached, with its real dates: the start of `POST /api/cases`, the
      `signatories` (the lead included), `deliveredAt`, and when they happened the replies (`responses`, the
      first and any supplementary ones, with their assessments), `followUpActions` and `closedAt`. Checked as the live steps check their input (dates
      in order, none in the future); marked `recorded: true`; no notices are sent. A case with `closedAt` or
      `followUpActions` is closed; any other goes on as a live case from where it stands (waiting for the
      reply, with its deadline counted from `deliveredAt`; at the assessment; at the follow-up). Only the
      heads of the lead delegation (group `heads-<lead>`) and administrators.""")
  @ApiResponse(responseCode = "201", description = "Recorded; `Location` is the case",
      content = @Content(schema = @Schema(implementation = CaseView.class)))
  @ApiResponse(responseCode = "400", description = "Invalid data; `fieldErrors` names each bad field; nothing is recorded",
      content = @Content(mediaType = CaseApi.PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
          examples = @ExampleObject(value = """
              {"type":"about:blank","title":"Invalid request","status":400,
               "detail":"Invalid past invocation: responses[0].receivedAt cannot be before the letter was delivered, on 4 November 2021, 10:00 Vienna time (CET)",
               "instance":"/api/past-invocations",
               "fieldErrors":{"responses[0].receivedAt":"cannot be before the letter was delivered, on 4 November 2021, 10:00 Vienna time (CET)"}}""")))
  @ApiResponse(responseCode = "403", description = "The caller is none of the lead delegation's heads",
      content = @Content(mediaType = CaseApi.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "409", description = "The reference is already taken",
      content = @Content(mediaType = CaseApi.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<CaseView> record(@RequestBody PastInvocationRequest body, HttpServletRequest request) {
    ApiCaller caller = ApiAuthentication.caller(request);
    Instant now = EngineClock.now();
    PastInvocation past = read(body, now);
    String lead = past.start().leadDelegation();
    if (!caller.headsFor(lead)) {
      throw CaseApiException.forbidden("Only the heads of the lead delegation (group " + Groups.heads(lead)
          + ") and administrators record its past invocations, and " + caller.userId() + " is not one of them");
    }
    pastInvocations.record(past, caller.userId(), now);
    String reference = past.start().reference();
    return ResponseEntity.created(URI.create("/api/cases/" + reference)).body(views.view(cases.get(reference)));
  }

  /** Read as {@link PastInvocation} has it; the fields the call does not know are named too. */
  private static PastInvocation read(PastInvocationRequest body, Instant now) {
    Map<String, String> errors = new LinkedHashMap<>();
    PastInvocation past = null;
    try {
      past = PastInvocation.read(body.values(), body.replies(), now);
    } catch (InvalidInputException refused) {
      errors.putAll(refused.fieldErrors());
    }
    UnknownFields.errors(UnknownFields.ofCurrentRequest()).forEach(errors::putIfAbsent);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(PastInvocation.REFUSED, errors);
    }
    return past;
  }
}
