package org.osce.vienna.api;

import static org.osce.vienna.api.CaseApi.PROBLEM;
import static org.osce.vienna.engine.ProcessConstants.CO_SIGNATORY_STATE;

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
import org.osce.vienna.signoff.Coalition;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The coalition until the letter is signed (procedure.md, second edition, "The coalition"): a delegation's heads,
 * or an administrator on its behalf, join the letter late or withdraw their signature. Who may act in a State's
 * name is decided here; when a change is taken and what it does to the case, by {@link Coalition}.
 */
@RestController
@RequestMapping(path = "/api/cases")
@Tag(name = "Cases")
public class CoSignatoriesApi {

  private final CaseVisibility visibility;
  private final CaseViews views;
  private final CaseRecords cases;
  private final CaseCommands commands;
  private final Coalition coalition;

  public CoSignatoriesApi(CaseVisibility visibility, CaseViews views, CaseRecords cases, CaseCommands commands,
      Coalition coalition) {
    this.visibility = visibility;
    this.views = views;
    this.cases = cases;
    this.commands = commands;
    this.coalition = coalition;
  }

  @Operation(summary = "Join the letter as co-signatory", description = """
      A delegation joins the letter late: after declining, after the sign-off deadline, or without an
      invitation (a head of a delegation that was not invited finds the case by its reference while it is
      open for co-signing). Its heads, or an administrator on its behalf. Never the addressee, never the lead.
      From the opening of the sign-off round until the letter is signed: while the round is open, a delegation
      whose "Decide on co-signing" is still open answers it (the task is completed as joining); once the final
      letter is composed and waits for the lead's signature, it is composed again naming the new State. Joining
      again changes nothing (200).""")
  @ApiResponse(responseCode = "200", description = "The case, the State among its signatories",
      content = @Content(schema = @Schema(implementation = CaseView.class)))
  @ApiResponse(responseCode = "400", description = "No or an unknown State, the addressee or the lead; `fieldErrors` names the field",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "403", description = "The caller is not a head of that State's delegation",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "404", description = "No such case that the caller may join or see",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "409", description = "Before the sign-off round opens, or once the letter is signed",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
          examples = @ExampleObject(value = """
              {"type":"about:blank","title":"Letter already delivered","status":409,
               "detail":"The State cannot join the letter: state cannot change the signatories of case VM-2021-BY-01: its letter was signed and delivered on 4 November 2021, 10:00 Vienna time (CET), on behalf of the States that signed it then",
               "instance":"/api/cases/VM-2021-BY-01/co-signatories","caseStatus":"AWAITING_RESPONSE",
               "fieldErrors":{"state":"cannot change the signatories of case VM-2021-BY-01: its letter was signed and delivered on 4 November 2021, 10:00 Vienna time (CET), on behalf of the States that signed it then"}}""")))
  @PostMapping(path = "/{reference}/co-signatories", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public CaseView join(@PathVariable String reference, @RequestBody CoSignatoryRequest body,
      HttpServletRequest request) {
    ApiCaller caller = ApiAuthentication.caller(request);
    CaseRecord c = visibility.requireForJoining(caller, reference);
    Map<String, String> errors = UnknownFields.errors(UnknownFields.ofCurrentRequest());
    String state = null;
    try {
      state = Coalition.state(name -> CO_SIGNATORY_STATE.equals(name) ? body.state() : null,
          Coalition.JOIN_REFUSED);
    } catch (InvalidInputException refused) {
      errors.putAll(refused.fieldErrors());
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(Coalition.JOIN_REFUSED, errors);
    }
    String joining = state;
    requireHeadOf(caller, joining, "join the letter of case " + reference + " in its name");
    commands.asCaller(caller, () -> coalition.join(c.reference(), joining));
    return views.view(cases.get(c.reference()));
  }

  @Operation(summary = "Withdraw a co-signatory's signature", description = """
      A co-signatory withdraws its signature before the letter is signed: its heads, or an administrator on its
      behalf; never the lead (it withdraws the invocation instead). While the round is open, a delegation whose
      "Decide on co-signing" is still open answers it as declining; once the final letter waits for the lead's
      signature, it is composed again without the State. A State that does not sign changes nothing (200).""")
  @ApiResponse(responseCode = "200", description = "The case, the State no longer among its signatories",
      content = @Content(schema = @Schema(implementation = CaseView.class)))
  @ApiResponse(responseCode = "400", description = "An unknown State, the addressee or the lead; `fieldErrors` names the field",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "403", description = "The caller is not a head of that State's delegation",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "404", description = "No such case that the caller may see",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "409", description = "Before the sign-off round opens, or once the letter is signed",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @DeleteMapping(path = "/{reference}/co-signatories/{state}", produces = MediaType.APPLICATION_JSON_VALUE)
  public CaseView withdraw(@PathVariable String reference, @PathVariable("state") String stateInPath,
      HttpServletRequest request) {
    ApiCaller caller = ApiAuthentication.caller(request);
    CaseRecord c = visibility.require(caller, reference);
    String state = Coalition.state(name -> CO_SIGNATORY_STATE.equals(name) ? stateInPath : null,
        Coalition.WITHDRAWAL_REFUSED);
    requireHeadOf(caller, state, "withdraw its signature from the letter of case " + reference);
    commands.asCaller(caller, () -> coalition.withdraw(c.reference(), state));
    return views.view(cases.get(c.reference()));
  }

  private static void requireHeadOf(ApiCaller caller, String state, String action) {
    if (!caller.headsFor(state)) {
      throw CaseApiException.forbidden("Only the heads of delegation of " + state + " (group " + Groups.heads(state)
          + "), or an administrator on its behalf, " + action + "; " + caller.userId() + " is not one of them");
    }
  }
}
