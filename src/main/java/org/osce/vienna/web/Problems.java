package org.osce.vienna.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

/**
 * Refusals written by servlet filters, before Spring MVC or Jersey is reached, in the same
 * {@code application/problem+json} (RFC 9457) as the case API's own.
 */
public final class Problems {

  /** Spring's mix-in writes a problem's extra properties as members of the object, as Spring MVC does. */
  private static final ObjectMapper JSON = new ObjectMapper().addMixIn(ProblemDetail.class,
      ProblemDetailJacksonMixin.class);

  private Problems() {
  }

  public static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }

  /**
   * Writes the problem with its length declared, so the answer is complete even when Tomcat closes
   * the connection right after it (an unread body too large to drain).
   */
  public static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
      throws IOException {
    problem.setInstance(URI.create(request.getRequestURI()));
    byte[] body = JSON.writeValueAsBytes(problem);
    response.resetBuffer();
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    try {
      response.getOutputStream().write(body);
      response.setContentLength(body.length);
    } catch (IllegalStateException writerInUse) {
      // Whoever began the answer took the writer: the text goes through it, in its charset.
      response.getWriter().write(new String(body, StandardCharsets.UTF_8));
    }
    response.flushBuffer();
  }

  /** The problem as JSON text, for answers built elsewhere (Jersey's). */
  public static String json(ProblemDetail problem) {
    try {
      return JSON.writeValueAsString(problem);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A problem detail is always writable", e);
    }
  }

  public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
      String detail) throws IOException {
    write(request, response, problem(status, title, detail));
  }
}
