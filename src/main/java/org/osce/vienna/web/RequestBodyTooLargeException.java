package org.osce.vienna.web;

import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Thrown by the request's input stream when a body grows past the limit of its address
 * ({@link RequestBodyLimit}); an {@link IOException}, as a stream's failures are, so that every
 * reader passes it on. Answered 413 wherever it surfaces.
 */
public class RequestBodyTooLargeException extends IOException {

  private final long limit;

  public RequestBodyTooLargeException(long limit) {
    super("The request body is larger than the " + limit + " bytes accepted here");
    this.limit = limit;
  }

  public long limit() {
    return limit;
  }

  public ProblemDetail problem() {
    return problem(limit, null);
  }

  static ProblemDetail problem(long limit, Long declared) {
    String size = declared == null ? "more than " + limit + " bytes" : declared + " bytes";
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
        "The request body has " + size + "; at most " + limit + " bytes are accepted at this address");
    problem.setTitle("Request body too large");
    problem.setProperty("maxBytes", limit);
    return problem;
  }

  /** The failure itself or one it wraps (Jackson, Spring and Jersey wrap what the stream throws). */
  public static RequestBodyTooLargeException in(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof RequestBodyTooLargeException tooLarge) {
        return tooLarge;
      }
    }
    return null;
  }
}
