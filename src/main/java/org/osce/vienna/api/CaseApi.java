package org.osce.vienna.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.casefile.CaseRecords.CaseRecord;
import org.osce.vienna.casefile.CaseStatus;
import org.osce.vienna.casefile.InvalidInputException;
import org.osce.vienna.delivery.LetterPdf;
import org.osce.vienna.delivery.LetterPreview;
import org.osce.vienna.delivery.Letters;
import org.osce.vienna.drafting.StartInput;
import org.osce.vienna.engine.EngineClock;
import org.osce.vienna.engine.InputValues;
import org.osce.vienna.web.SecurityHeaders;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The case API for ministries' systems (contract: procedure.md, "Outside systems"): start a case,
 * read where it stands, report the response, ask for a bilateral meeting, fetch the final letter,
 * without knowing BPMN. HTTP Basic with Camunda users ({@link ApiAuthentication}); a caller sees the
 * cases of her delegation ({@link CaseVisibility}); refusals are problem+json ({@link ApiProblems}).
 */
@RestController
@RequestMapping(path = "/api/cases")
@Tag(name = "Cases", description = "Vienna Mechanism cases")
@ApiResponse(responseCode = "401", description = "No or wrong HTTP Basic credentials", content = @Content(
    mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
public class CaseApi {

  static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

  private final CaseRecords cases;
  private final Letters letters;
  private final CaseVisibility visibility;
  private final CaseViews views;
  private final CaseCommands commands;
  private final LetterPdf letterPdf;
  private final CaseMessages messages;
  private final LetterPreview preview;
  private final CaseFile caseFile;

  public CaseApi(CaseRecords cases, Letters letters, CaseVisibility visibility, CaseViews views,
      CaseCommands commands, LetterPdf letterPdf, CaseMessages messages, LetterPreview preview, CaseFile caseFile) {
    this.caseFile = caseFile;
    this.cases = cases;
    this.letters = letters;
    this.visibility = visibility;
    this.views = views;
    this.commands = commands;
    this.letterPdf = letterPdf;
    this.messages = messages;
    this.preview = preview;
  }

  @Operation(summary = "Start a case", description = """
      Starts a case of the process `vienna-mechanism` with business key = `reference`, as the calling
      user, who must be an officer or head of the lead delegation (or an administrator). With a
      `letter`, the draft is pre-filled; the lead's officers still check it (task `Task_DraftLetter`).
      Invalid data creates nothing: the answer names each bad field.""")
  @ApiResponse(responseCode = "201", description = "Started; `Location` is the case",
      content = @Content(schema = @Schema(implementation = CaseView.class)))
  @ApiResponse(responseCode = "400", description = "Invalid start data; `fieldErrors` names each bad field",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
          examples = @ExampleObject(value = """
              {"type":"about:blank","title":"Invalid request","status":400,
               "detail":"Invalid start data: addresseeState 'EU' is not one of the 57 OSCE participating States (a code such as GB)",
               "instance":"/api/cases",
               "fieldErrors":{"addresseeState":"'EU' is not one of the 57 OSCE participating States (a code such as GB)"}}""")))
  @ApiResponse(responseCode = "403", description = "The caller does not act for the lead delegation",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "409", description = "The reference is already taken",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<CaseView> start(@RequestBody StartCaseRequest body, HttpServletRequest request) {
    ApiCaller caller = ApiAuthentication.caller(request);
    StartInput start = read(body);
    if (!caller.actsFor(start.leadDelegation())) {
      // The engine would refuse a caller who may start no case at all (a manager) before the start reads
      // who she acts for, without saying why: the start's own refusal says it.
      throw StartInput.notActingForLead(start.leadDelegation(), caller.userId());
    }
    // A reference already taken is refused by the start (ReferenceTaken: 409).
    commands.start(caller, start, body);
    URI location = URI.create("/api/cases/" + start.reference());
    return ResponseEntity.created(location).body(views.view(cases.get(start.reference())));
  }

  @Operation(summary = "Read a case", description = """
      Where the case stands, from the application's own records: status, open tasks (with their ids for
      `/engine-rest/task/{id}/claim` and `/complete`), signatories, delivery, response, follow-up and
      the timeline. 404 also for a case the caller may not see.""")
  @ApiResponse(responseCode = "200", description = "The case")
  @ApiResponse(responseCode = "404", description = "No such case that the caller may see",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @GetMapping(path = "/{reference}", produces = MediaType.APPLICATION_JSON_VALUE)
  public CaseView get(@PathVariable String reference, HttpServletRequest request) {
    return views.view(visibility.require(ApiAuthentication.caller(request), reference));
  }

  @Operation(summary = "List the cases the caller may see", description = """
      Newest first (then by reference): every case when neither `page` nor `size` is given (as the first
      edition answered), else a page at a time: `page` (0-based, default 0) of `size` cases (default 50, at
      most 200). The body is the page's cases, a JSON array; `X-Total-Count` says how many
      cases the list has in all, and `Link` (RFC 8288) gives the same request for the `first`, `prev`,
      `next` and `last` pages. Filters: `addresseeState` (a State code) and `status` (DRAFTING, SIGN_OFF,
      DELIVERY, AWAITING_RESPONSE, ASSESSMENT, FOLLOW_UP, CLOSED, WITHDRAWN). The total counts only cases the caller
      may see.""")
  @ApiResponse(responseCode = "200", description = "A page of the cases", headers = {
      @Header(name = Paging.TOTAL_COUNT, description = "How many cases the list has, over all pages",
          schema = @Schema(type = "integer")),
      @Header(name = HttpHeaders.LINK, description = "RFC 8288 links to the first, prev, next and last pages",
          schema = @Schema(type = "string", example = "</api/cases?page=1&size=50>; rel=\"next\""))})
  @ApiResponse(responseCode = "400", description = "An unknown State, status or parameter; a page or size out of range",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<List<CaseView.Summary>> list(
      @Parameter(example = "BY") @RequestParam(required = false) String addresseeState,
      @Parameter(schema = @Schema(implementation = CaseStatus.class)) @RequestParam(required = false) String status,
      @Parameter(description = "The page, from 0", schema = @Schema(type = "integer", minimum = "0",
          defaultValue = "0")) @RequestParam(required = false) String page,
      @Parameter(description = "Cases per page", schema = @Schema(type = "integer", minimum = "1",
          maximum = "" + Paging.MAX_SIZE, defaultValue = "" + Paging.DEFAULT_SIZE))
      @RequestParam(required = false) String size,
      HttpServletRequest request) {
    Map<String, String> errors = QueryParameters.unknown(request, "addresseeState", "status", Paging.PAGE,
        Paging.SIZE);
    Optional<String> addressee = QueryParameters.state(addresseeState, "addresseeState", errors);
    Optional<CaseStatus> wanted = Optional.empty();
    if (status != null) {
      try {
        wanted = Optional.of(CaseStatus.valueOf(status.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        errors.put("status", "'" + status + "' is not one of " + List.of(CaseStatus.values()));
      }
    }
    Paging paging = Paging.read(page, size, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException("Invalid query", errors);
    }
    CaseRecords.Page cases = visibility.visible(ApiAuthentication.caller(request), addressee, wanted,
        paging.offset(), paging.size());
    return ResponseEntity.ok().headers(paging.headers(cases.total(), request))
        .body(cases.cases().stream().map(views::summary).toList());
  }

  @Operation(summary = "Report the addressee's response", description = """
      Correlates the message `ResponseReceived` to the case, from delivery until the case is closed. While
      the case waits for the response it ends the wait; a late response is accepted and recorded as late.
      After the wait (closed as "no response", or a reply already registered, the follow-up under way) it
      is a reply after the wait: the first one after "no response" becomes the case's `response`, late
      with its days late; a later, different one is a supplementary reply. Each is assessed on its own and
      listed in the case's `responses`. Answers 202: the reply is registered, and the case shows it once
      the process has recorded it (poll the case). Sending the same reply again (same
      `responseReceivedAt`, `responseReference`, `responseSummary`) answers 202 again and records
      nothing twice.""")
  @ApiResponse(responseCode = "202", description = "Registered (or the same response again)",
      content = @Content(schema = @Schema(implementation = CaseView.class)))
  @ApiResponse(responseCode = "400", description = "Invalid response data; `fieldErrors` names each bad field",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "403", description = "The caller does not act for the lead delegation",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "404", description = "No such case that the caller may see",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "409", description = "The case takes no reply: not delivered yet, or closed; `detail` says why",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
          examples = @ExampleObject(value = """
              {"type":"about:blank","title":"Not waiting for a response","status":409,
               "detail":"The letter of case VM-2021-BY-01 has not been delivered yet (status DRAFTING): the response is awaited once it is",
               "instance":"/api/cases/VM-2021-BY-01/response","caseStatus":"DRAFTING"}""")))
  @PostMapping(path = "/{reference}/response", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<CaseView> response(@PathVariable String reference, @RequestBody ResponseReport body,
      HttpServletRequest request) {
    messages.reportResponse(ApiAuthentication.caller(request), reference, body, UnknownFields.ofCurrentRequest());
    return accepted(reference);
  }

  @Operation(summary = "Request a bilateral meeting", description = """
      Correlates the message `BilateralMeetingRequested`: the addressee or a signatory asks for a
      bilateral meeting (stage 2). Possible at any time after delivery until the case is closed; each
      request opens a meeting with its own one-week target. The lead delegation's users record a request
      in any allowed State's name; a co-signatory's users in their own State's name. Answers 202: the
      case shows the meeting once the process has recorded it.""")
  @ApiResponse(responseCode = "202", description = "Requested",
      content = @Content(schema = @Schema(implementation = CaseView.class)))
  @ApiResponse(responseCode = "400", description = "Invalid request data; `fieldErrors` names each bad field",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "403", description = "The caller may not ask in that State's name",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "404", description = "No such case that the caller may see",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "409", description = "Before delivery or after closing; `detail` says which",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @PostMapping(path = "/{reference}/bilateral-meeting-requests", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<CaseView> meetingRequest(@PathVariable String reference, @RequestBody MeetingRequest body,
      HttpServletRequest request) {
    messages.requestMeeting(ApiAuthentication.caller(request), reference, body, UnknownFields.ofCurrentRequest());
    return accepted(reference);
  }

  @Operation(summary = "The final letter", description = """
      The letter as composed after the sign-off round, with the States that joined: HTML, or the
      signable A4 PDF with `Accept: application/pdf`.""")
  @ApiResponse(responseCode = "200", description = "The letter", content = @Content(mediaType = "text/html"))
  @ApiResponse(responseCode = "404", description = "No such case, or its letter is not composed yet",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "406", description = "A representation other than text/html or application/pdf was asked for",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @GetMapping(path = "/{reference}/letter", produces = MediaType.TEXT_HTML_VALUE)
  public ResponseEntity<String> letter(@PathVariable String reference, HttpServletRequest request) {
    CaseRecord c = visibility.require(ApiAuthentication.caller(request), reference);
    return letters.find(c.reference())
        .map(letter -> ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
            .body(letter.html()))
        .orElseThrow(() -> new CaseApiException(HttpStatus.NOT_FOUND, "Letter not composed yet",
            "The final letter of case " + reference + " is composed when the sign-off round closes (status now "
                + c.status() + ")"));
  }

  /**
   * The same letter as PDF (the document a head signs and the mission receives), only when a client
   * names it in Accept: one that accepts anything ({@code *}{@code /*}) gets the HTML.
   */
  @GetMapping(path = "/{reference}/letter", produces = LetterPdf.MEDIA_TYPE)
  public ResponseEntity<?> letterPdf(@PathVariable String reference, HttpServletRequest request,
      HttpServletResponse response) {
    String accept = request.getHeader("Accept");
    if (accept == null || !accept.contains(LetterPdf.MEDIA_TYPE)) {
      return letter(reference, request);
    }
    return letterPdfFile(reference, request, response);
  }

  /** The PDF by its own address, for a link a browser follows (Tasklist's "Open the final letter"). */
  @Operation(summary = "The final letter as PDF", description = "The A4 PDF of the final letter, as a link target.")
  @GetMapping(path = "/{reference}/letter.pdf")
  public ResponseEntity<byte[]> letterPdfFile(@PathVariable String reference, HttpServletRequest request,
      HttpServletResponse response) {
    String html = letter(reference, request).getBody();
    SecurityHeaders.allowBrowserViewer(response);
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header("Content-Disposition", "inline; filename=\"" + LetterPdf.fileName(reference) + "\"")
        .body(letterPdf.render(html));
  }

  @Operation(summary = "The letter as it will read", description = """
      For the invited delegations deciding on co-signing (the link in their Tasklist form): the approved
      draft composed as the final letter, on behalf of the lead and the delegations that have joined so far,
      marked as a draft; once the final letter is composed, that letter. HTML.""")
  @ApiResponse(responseCode = "200", description = "The letter", content = @Content(mediaType = "text/html"))
  @ApiResponse(responseCode = "404", description = "No such case, or its draft is still being written",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @GetMapping(path = "/{reference}/letter/preview", produces = MediaType.TEXT_HTML_VALUE)
  public ResponseEntity<String> letterPreview(@PathVariable String reference, HttpServletRequest request) {
    CaseRecord c = visibility.require(ApiAuthentication.caller(request), reference);
    return preview.html(c)
        .map(html -> ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
            .body(html))
        .orElseThrow(() -> new CaseApiException(HttpStatus.NOT_FOUND, "No letter to read yet",
            "The letter of case " + reference + " can be read once its draft is approved (status now "
                + c.status() + ")"));
  }

  @Operation(summary = "The case file", description = """
      The paper a delegation files, as an A4 PDF from the case's records: the letter as sent with its
      signatories, the reply with its assessment question by question, the bilateral meetings, the follow-up,
      the timeline and the list of documents. Times in Vienna time, States by name. Same visibility as the
      case (404 when the caller may not see it).""")
  @ApiResponse(responseCode = "200", description = "The case file", content = @Content(mediaType = LetterPdf.MEDIA_TYPE))
  @ApiResponse(responseCode = "404", description = "No such case that the caller may see",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @GetMapping(path = "/{reference}/file", produces = LetterPdf.MEDIA_TYPE)
  public ResponseEntity<byte[]> caseFile(@PathVariable String reference, HttpServletRequest request,
      HttpServletResponse response) {
    CaseRecord c = visibility.require(ApiAuthentication.caller(request), reference);
    SecurityHeaders.allowBrowserViewer(response);
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header("Content-Disposition", "inline; filename=\"" + CaseFile.fileName(reference) + "\"")
        .body(caseFile.pdf(c, EngineClock.now()));
  }

  private ResponseEntity<CaseView> accepted(String reference) {
    return ResponseEntity.accepted().location(URI.create("/api/cases/" + reference))
        .body(views.view(cases.get(reference)));
  }

  /** The start as its input contract reads it; refused naming each bad field, the fields the API does not know too. */
  private StartInput read(StartCaseRequest body) {
    Map<String, String> errors = new LinkedHashMap<>();
    StartInput start = null;
    try {
      start = StartInput.read(InputValues.of(body.variables()), null, EngineClock.now());
    } catch (InvalidInputException refused) {
      errors.putAll(refused.fieldErrors());
    }
    UnknownFields.errors(UnknownFields.ofCurrentRequest()).forEach(errors::putIfAbsent);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(StartInput.REFUSED, errors);
    }
    return start;
  }
}
