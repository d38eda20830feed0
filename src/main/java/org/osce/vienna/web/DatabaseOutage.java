package org.osce.vienna.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database is away, whatever needs it first (most often the password check of an
 * authentication filter) fails: that failure is answered 503 with {@code Retry-After}, as
 * {@code application/problem+json}, instead of Tomcat's 500 and an error page. Behind the filters,
 * the case API ({@code ApiProblems}) and {@code /engine-rest} ({@code EngineRestProblems}) answer the same.
 */
public class DatabaseOutage extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutage.class);

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | IOException | RuntimeException e) {
      if (!DatabaseUnavailable.causedBy(e) || response.isCommitted()) {
        throw e;
      }
      answer(request, response, e);
    }
  }

  /** The 503 for a request that found the database away; one WARN line, no stack trace: the cause is known. */
  public static void answer(HttpServletRequest request, HttpServletResponse response, Throwable failure)
      throws IOException {
    LOG.warn("Database unavailable: {} {} answered 503 ({})", request.getMethod(), request.getRequestURI(),
        DatabaseUnavailable.reason(failure));
    response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.retryAfterSeconds());
    Problems.write(request, response, DatabaseUnavailable.problem());
  }
}
