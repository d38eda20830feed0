package org.osce.vienna.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.osce.vienna.cases.InvalidInputException;
import org.osce.vienna.web.DatabaseUnavailable;
import org.osce.vienna.web.RequestBodyTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal of the case API as {@code application/problem+json} (RFC 9457): a title, a detail
 * that says what to do, and for bad input a {@code fieldErrors} object naming each bad field. Spring
 * MVC's own refusals (unreadable JSON, wrong method or media type, unknown path) are answered the same way.
 */
@RestControllerAdvice
public class ApiProblems extends ResponseEntityExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiProblems.class);
  static final String FIELD_ERRORS = "fieldErrors";

  @ExceptionHandler(CaseApiException.class)
  ResponseEntity<ProblemDetail> refused(CaseApiException e) {
    return ResponseEntity.status(e.status()).body(e.problem());
  }

  /** Bad input, found by the API or by the process (start listener, message listeners) in the same transaction. */
  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
    return ResponseEntity.badRequest().body(invalidInput(e.getMessage(), e.fieldErrors()));
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<ProblemDetail> notAuthorized(AuthorizationException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    problem.setTitle("Not allowed");
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
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
    return ResponseEntity.internalServerError().body(problem);
  }

  /** Unreadable JSON, or a field of the wrong type: named, like any other bad field. */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    // The body limit's stream failed while Jackson read from it: the body is too large, not unreadable.
    RequestBodyTooLargeException tooLarge = RequestBodyTooLargeException.in(e);
    if (tooLarge != null) {
      return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(tooLarge.problem());
    }
    Throwable cause = e.getCause();
    Map<String, String> fields = new LinkedHashMap<>();
    String detail;
    if (cause instanceof JsonParseException parse) {
      detail = "The request body is not valid JSON: " + parse.getOriginalMessage();
    } else if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      String field = path(mismatch);
      String expected = mismatch.getTargetType() == null ? "another type" : describe(mismatch.getTargetType());
      String message = cause instanceof InvalidFormatException format
          ? "'" + format.getValue() + "' is not " + expected : "must be " + expected;
      fields.put(field, message);
      detail = "The request body has a field of the wrong type: " + field + " " + message;
    } else if (e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")) {
      detail = "The request body is missing: send a JSON object";
    } else {
      detail = "The request body cannot be read as the JSON object this call takes";
    }
    return ResponseEntity.badRequest().body(invalidInput(detail, fields));
  }

  static ProblemDetail invalidInput(String detail, Map<String, String> fieldErrors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setTitle("Invalid request");
    if (!fieldErrors.isEmpty()) {
      problem.setProperty(FIELD_ERRORS, new LinkedHashMap<>(fieldErrors));
    }
    return problem;
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String describe(Class<?> type) {
    if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a JSON array";
    }
    if (type == String.class) {
      return "text";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "a number";
    }
    return "a JSON object";
  }
}
