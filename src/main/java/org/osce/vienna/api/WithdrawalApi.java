package org.osce.vienna.api;

import static org.osce.vienna.api.CaseApi.PROBLEM;
import static org.osce.vienna.engine.ProcessConstants.REASON;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.casefile.CaseRecords.CaseRecord;
import org.osce.vienna.casefile.Groups;
import org.osce.vienna.casefile.InvalidInputException;
import org.osce.vienna.followup.Withdrawal;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The lead withdraws its invocation (procedure.md, second edition, "Withdrawal"): who may is decided here (the
 * lead's heads, or an administrator); what it takes and does, by {@link Withdrawal}.
 */
@RestController
@RequestMapping(path = "/api/cases")
@Tag(name = "Cases")
public class WithdrawalApi {

  private final CaseVisibility visibility;
  private final CaseViews views;
  private final CaseRecords cases;
  private final CaseCommands commands;
  private final Withdrawal withdrawal;

  public WithdrawalApi(CaseVisibility visibility, CaseViews views, CaseRecords cases, CaseCommands commands,
      Withdrawal withdrawal) {
    this.visibility = visibility;
    this.views = views;
    this.cases = cases;
    this.commands = commands;
    this.withdrawal = withdrawal;
  }

  @Operation(summary = "Withdraw the invocation", description = """
      The lead delegation's heads (or an administrator) withdraw the invocation, at any stage before the case
      is closed, with a reason. At once: the status is `WITHDRAWN`, every open task and timer of the case ends,
      the timeline shows the withdrawal with its reason; the signatories (and the delegations still deciding on
      co-signing) are told by e-mail.""")
  @ApiResponse(responseCode = "200", description = "Withdrawn: the case",
      content = @Content(schema = @Schema(implementation = CaseView.class)))
  @ApiResponse(responseCode = "400", description = "No reason, or unknown fields; `fieldErrors` names each",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "403", description = "The caller may see the case but is not a head of its lead delegation",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "404", description = "No such case that the caller may see",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "409", description = "The case is closed or already withdrawn",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
          examples = @ExampleObject(value = """
              {"type":"about:blank","title":"Case already withdrawn","status":409,
               "detail":"The invocation cannot be withdrawn: reference names case VM-2021-BY-01, which was already withdrawn",
               "instance":"/api/cases/VM-2021-BY-01/withdrawal","caseStatus":"WITHDRAWN",
               "fieldErrors":{"reference":"names case VM-2021-BY-01, which was already withdrawn"}}""")))
  @PostMapping(path = "/{reference}/withdrawal", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public CaseView withdraw(@PathVariable String reference, @RequestBody WithdrawalRequest body,
      HttpServletRequest request) {
    ApiCaller caller = ApiAuthentication.caller(request);
    CaseRecord c = visibility.require(caller, reference);
    if (!caller.headsFor(c.leadDelegation())) {
      throw CaseApiException.forbidden("Only the heads of the lead delegation " + c.leadDelegation() + " (group "
          + Groups.heads(c.leadDelegation()) + "), or an administrator, withdraw the invocation of case " + reference
          + "; " + caller.userId() + " is not one of them");
    }
    Map<String, String> errors = UnknownFields.errors(UnknownFields.ofCurrentRequest());
    String reason = null;
    try {
      reason = Withdrawal.reason(name -> REASON.equals(name) ? body.reason() : null);
    } catch (InvalidInputException refused) {
      errors.putAll(refused.fieldErrors());
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(Withdrawal.REFUSED, errors);
    }
    String why = reason;
    commands.asCaller(caller, () -> {
      withdrawal.withdraw(c.reference(), why, caller.userId());
      return null;
    });
    return views.view(cases.get(c.reference()));
  }
}
