package org.osce.vienna.api;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.net.URI;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.osce.vienna.web.DatabaseUnavailable;
import org.osce.vienna.web.Problems;
import org.osce.vienna.web.RequestBodyTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ProblemDetail;

/**
 * {@code /engine-rest} answers a body over the limit 413 and a database it cannot reach 503 with
 * {@code Retry-After}, both as {@code application/problem+json}, where Camunda's mappers would answer
 * 500 and log an error with its stack trace. Camunda maps by the exception's type ({@code Throwable},
 * {@code ProcessEngineException}, {@code RestException}); these mappers sit at the same types, take
 * precedence by their lower {@link Priority}, and leave every other failure to Camunda's own handling
 * unchanged ({@link EngineRestBadInput} does the same for {@code RestException}).
 */
public final class EngineRestProblems {

  private static final Logger LOG = LoggerFactory.getLogger(EngineRestProblems.class);
  static final String PROBLEM_JSON = "application/problem+json";

  private EngineRestProblems() {
  }

  /** Our answer to this failure of a request to {@code path}, or null for Camunda's. */
  static Response answer(Throwable failure, HttpServletRequest request) {
    RequestBodyTooLargeException tooLarge = RequestBodyTooLargeException.in(failure);
    if (tooLarge != null) {
      return problem(tooLarge.problem(), request).build();
    }
    if (DatabaseUnavailable.causedBy(failure)) {
      LOG.warn("Database unavailable: {} {} answered 503 ({})", request.getMethod(), request.getRequestURI(),
          DatabaseUnavailable.reason(failure));
      return problem(DatabaseUnavailable.problem(), request)
          .header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.retryAfterSeconds()).build();
    }
    return null;
  }

  private static Response.ResponseBuilder problem(ProblemDetail problem, HttpServletRequest request) {
    problem.setInstance(URI.create(request.getRequestURI()));
    return Response.status(problem.getStatus()).type(PROBLEM_JSON).entity(Problems.json(problem));
  }

  @Priority(1)
  public static class ForThrowable implements ExceptionMapper<Throwable> {
    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(Throwable exception) {
      Response ours = answer(exception, request);
      return ours != null ? ours : ExceptionHandlerHelper.getInstance().getResponse(exception);
    }
  }

  @Priority(1)
  public static class ForProcessEngineException implements ExceptionMapper<ProcessEngineException> {
    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(ProcessEngineException exception) {
      Response ours = answer(exception, request);
      return ours != null ? ours : ExceptionHandlerHelper.getInstance().getResponse(exception);
    }
  }

  /** A body over the limit, thrown by the stream while Jersey reads the entity. */
  public static class ForTooLargeBody implements ExceptionMapper<RequestBodyTooLargeException> {
    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(RequestBodyTooLargeException exception) {
      return problem(exception.problem(), request).build();
    }
  }

  /** Registers the mappers with Camunda's Jersey application ({@code CamundaJerseyResourceConfig}). */
  @Configuration
  static class Registration {
    @Bean
    ResourceConfigCustomizer engineRestProblemMappers() {
      return config -> config.register(ForThrowable.class).register(ForProcessEngineException.class)
          .register(ForTooLargeBody.class);
    }
  }
}
