package org.osce.vienna.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.osce.vienna.casefile.CaseStageConflict;
import org.osce.vienna.casefile.DocumentFile.DocumentRefused;
import org.osce.vienna.casefile.Groups;
import org.osce.vienna.casefile.InvalidInputException;
import org.osce.vienna.casefile.NotActingForLead;
import org.osce.vienna.casefile.ReferenceTaken;
import org.osce.vienna.casefile.StrictJson;
import org.osce.vienna.web.DatabaseUnavailable;
import org.osce.vienna.web.RequestBodyTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every refusal of the case API as {@code application/problem+json} (RFC 9457): a title, a detail
 * that says what to do, and for bad input a {@code fieldErrors} object naming each bad field. Spring
 * MVC's own refusals (unreadable JSON, wrong method or media type, unknown path) are answered the same way,
 * whatever the {@code Accept} header asks for: a client that asked for something else still learns why.
 * Requests that Tomcat refuses before Spring sees them are answered by {@link ProblemErrorReportValve}.
 */
@RestControllerAdvice
public class ApiProblems extends ResponseEntityExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiProblems.class);
  static final String FIELD_ERRORS = "fieldErrors";

  private final MultipartProperties multipart;

  public ApiProblems(MultipartProperties multipart) {
    this.multipart = multipart;
  }

  @ExceptionHandler(CaseApiException.class)
  ResponseEntity<ProblemDetail> refused(CaseApiException e) {
    return answer(e.problem());
  }

  /**
   * Refusals of the procedure (casefile), typed by what is wrong, answered here only: a reference another
   * case has is a conflict (409); acting for a delegation one is not of is forbidden (403); any other bad
   * input (400, below).
   */
  @ExceptionHandler(ReferenceTaken.class)
  ResponseEntity<ProblemDetail> referenceTaken(ReferenceTaken e) {
    return answer(CaseApiException.conflict("Reference taken", "'" + e.reference()
        + "' is already the reference of a case: choose another").with("reference", e.reference()).problem());
  }

  @ExceptionHandler(NotActingForLead.class)
  ResponseEntity<ProblemDetail> notActingForLead(NotActingForLead e) {
    return answer(CaseApiException.forbidden("Only the officers and heads of the lead delegation (group "
        + Groups.delegation(e.lead()) + ") " + e.action() + ", and " + e.userId() + " is not one of them").problem());
  }

  /** Right in itself, but not at this stage of the case (409), naming the field and the case's status. */
  @ExceptionHandler(CaseStageConflict.class)
  ResponseEntity<ProblemDetail> stageConflict(CaseStageConflict e) {
    ProblemDetail problem = invalidInput(e.getMessage(), e.fieldErrors());
    problem.setStatus(HttpStatus.CONFLICT);
    problem.setTitle(e.title());
    problem.setProperty("caseStatus", e.status());
    return answer(problem);
  }

  /** A document refused for its size (413) or type (415), naming the field like any other bad input. */
  @ExceptionHandler(DocumentRefused.class)
  ResponseEntity<ProblemDetail> documentRefused(DocumentRefused e) {
    ProblemDetail problem = invalidInput(e.getMessage(), e.fieldErrors());
    problem.setStatus(e.reason() == DocumentRefused.Reason.TOO_LARGE ? HttpStatus.PAYLOAD_TOO_LARGE
        : HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    problem.setTitle(e.reason() == DocumentRefused.Reason.TOO_LARGE ? "File too large" : "File type not kept");
    return answer(problem);
  }

  /** Bad input, found by the API or by the process (start listener, message listeners) in the same transaction. */
  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
    return answer(invalidInput(e.getMessage(), e.fieldErrors()));
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<ProblemDetail> notAuthorized(AuthorizationException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    problem.setTitle("Not allowed");
    return answer(problem);
  }

  /** Also what no handler above names; a database that cannot be reached is no bug: 503, one line in the log. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e, WebRequest request) {
    if (DatabaseUnavailable.causedBy(e)) {
      LOG.warn("Database unavailable: {} answered 503 ({})", request.getDescription(false),
          DatabaseUnavailable.reason(e));
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.retryAfterSeconds())
          .body(DatabaseUnavailable.problem());
    }
    RequestBodyTooLargeException tooLarge = RequestBodyTooLargeException.in(e);
    if (tooLarge != null) {
      return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(tooLarge.problem());
    }
    LOG.error("Unexpected failure of a case API request", e);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
        "The request could not be carried out; nothing was changed. The error is logged.");
    problem.setTitle("Internal error");
    return answer(problem);
  }

  /** Unreadable JSON, a key given twice, or a field of the wrong type: named, like any other bad field. */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    // The body limit's stream failed while Jackson read from it: the body is too large, not unreadable.
    RequestBodyTooLargeException tooLarge = RequestBodyTooLargeException.in(e);
    if (tooLarge != null) {
      return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(tooLarge.problem());
    }
    Map<String, String> fields = new LinkedHashMap<>();
    String detail;
    if (e.getCause() instanceof JsonProcessingException json) {
      StrictJson.Problem problem = StrictJson.problem(json, "this request");
      if (problem.path().isEmpty()) {
        detail = "The request body " + problem.message();
      } else {
        fields.put(problem.path(), problem.message());
        detail = "In the request body, " + problem.path() + " " + problem.message();
      }
    } else if (e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")) {
      detail = "The request body is missing: send a JSON object";
    } else {
      detail = "The request body cannot be read as the JSON object this call takes";
    }
    return handleExceptionInternal(e, invalidInput(detail, fields), headers, HttpStatus.BAD_REQUEST, request);
  }

  /**
   * A file over the multipart limit ({@code spring.servlet.multipart.max-file-size}), found as the body is
   * read: the same refusal as a document found too large after reading.
   */
  @Override
  protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    // Only the limit is known here, not the file's size.
    DocumentRefused refused = DocumentRefused.tooLarge(-1, multipart.getMaxFileSize().toBytes());
    return handleExceptionInternal(e, documentRefused(refused).getBody(), headers, HttpStatus.PAYLOAD_TOO_LARGE,
        request);
  }

  /** A multipart body that cannot be read as one. */
  @ExceptionHandler(MultipartException.class)
  ResponseEntity<ProblemDetail> unreadableMultipart(MultipartException e) {
    RequestBodyTooLargeException tooLarge = RequestBodyTooLargeException.in(e);
    if (tooLarge != null) {
      return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(tooLarge.problem());
    }
    return answer(invalidInput("The request body cannot be read as multipart/form-data: send the parts 'file'"
        + " and 'kind'", Map.of()));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "This call takes a body of type "
        + types(e.getSupportedMediaTypes()) + ", not '" + request.getHeader(HttpHeaders.CONTENT_TYPE)
        + "'; nothing was done");
    problem.setTitle("Unsupported media type");
    return handleExceptionInternal(e, problem, headers, status, request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "This call answers "
        + types(e.getSupportedMediaTypes()) + ", which the Accept header '" + request.getHeader(HttpHeaders.ACCEPT)
        + "' does not take: ask for what it answers, or leave Accept out");
    problem.setTitle("Not acceptable");
    return handleExceptionInternal(e, problem, headers, status, request);
  }

  @Override
  protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "There is nothing at /" + e.getResourcePath()
        + ": the calls of the case API are described at /v3/api-docs");
    problem.setTitle("Not found");
    return handleExceptionInternal(e, problem, headers, status, request);
  }

  /** Every answer of this class is problem+json, even to a client whose Accept header says otherwise. */
  @Override
  protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
      WebRequest request) {
    HttpHeaders problemHeaders = new HttpHeaders();
    problemHeaders.putAll(headers);
    problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    return new ResponseEntity<>(body, problemHeaders, status);
  }

  private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  static ProblemDetail invalidInput(String detail, Map<String, String> fieldErrors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setTitle("Invalid request");
    if (!fieldErrors.isEmpty()) {
      problem.setProperty(FIELD_ERRORS, new LinkedHashMap<>(fieldErrors));
    }
    return problem;
  }

  private static String types(List<MediaType> types) {
    return types.isEmpty() ? "another type" : types.stream().map(MediaType::toString).collect(Collectors.joining(" or "));
  }
}
