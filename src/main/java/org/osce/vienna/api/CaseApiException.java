package org.osce.vienna.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** A refusal of the case API, answered as {@code application/problem+json} by {@link ApiProblems}. */
public class CaseApiException extends RuntimeException {

  private final HttpStatus status;
  private final String title;
  private final Map<String, Object> properties = new LinkedHashMap<>();

  public CaseApiException(HttpStatus status, String title, String detail) {
    super(detail);
    this.status = status;
    this.title = title;
  }

  /** Also when the case exists but the caller may not see it: nobody learns of a case she may not see. */
  public static CaseApiException caseNotFound(String reference) {
    return new CaseApiException(HttpStatus.NOT_FOUND, "Case not found",
        "There is no case '" + reference + "' that you may see");
  }

  public static CaseApiException forbidden(String detail) {
    return new CaseApiException(HttpStatus.FORBIDDEN, "Not allowed", detail);
  }

  public static CaseApiException conflict(String title, String detail) {
    return new CaseApiException(HttpStatus.CONFLICT, title, detail);
  }

  public CaseApiException with(String property, Object value) {
    properties.put(property, value);
    return this;
  }

  public ProblemDetail problem() {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
    problem.setTitle(title);
    properties.forEach(problem::setProperty);
    return problem;
  }

  public HttpStatus status() {
    return status;
  }
}
