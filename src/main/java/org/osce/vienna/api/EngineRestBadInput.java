package org.osce.vienna.api;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.spin.spi.SpinDataFormatException;
import org.osce.vienna.casefile.InvalidInputException;
import org.osce.vienna.casefile.ReferenceTaken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code /engine-rest} answers bad input with 400, also where Camunda wraps it into a 500: starting a
 * process instance or completing a task turns any engine exception, our start and task listeners'
 * {@link InvalidInputException} included, into "500 Cannot instantiate process definition ...". This
 * mapper takes precedence over Camunda's (lower {@link Priority}) for those cases only, keeps Camunda's
 * error body ({@code type}, {@code message}, {@code code}) and adds {@code fieldErrors}; everything else
 * is answered by Camunda's own handling, unchanged. Every refused input, a reference another case has
 * ({@link ReferenceTaken}) included, keeps the answer systems have relied on since the first edition: 400,
 * type {@code InvalidInputException} (the case API, built later, answers that one 409).
 */
@Priority(1)
public class EngineRestBadInput implements ExceptionMapper<RestException> {

  private static final Logger LOG = LoggerFactory.getLogger(EngineRestBadInput.class);
  private static final Pattern VARIABLE = Pattern.compile("in variable '([^']+)'");
  /** The engine's refusal of a Java-serialized value (javaSerializationFormatEnabled is off). */
  private static final Pattern JAVA_SERIALIZED = Pattern.compile("ENGINE-17007 Cannot set variable with name (\\S+?)\\.");

  @Context
  HttpServletRequest request;

  @Override
  public Response toResponse(RestException exception) {
    Response unavailableOrTooLarge = EngineRestProblems.answer(exception, request);
    if (unavailableOrTooLarge != null) {
      return unavailableOrTooLarge;
    }
    boolean wrappedAsServerError = exception.getStatus() == null
        || exception.getStatus() == Response.Status.INTERNAL_SERVER_ERROR;
    BadUserRequestException bad = cause(exception, BadUserRequestException.class);
    SpinDataFormatException unreadable = cause(exception, SpinDataFormatException.class);
    Matcher serialized = JAVA_SERIALIZED.matcher(String.valueOf(exception.getMessage()));
    if (wrappedAsServerError && bad == null && unreadable == null && serialized.find()) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", "InvalidInputException");
      body.put("message", "Invalid variables: " + serialized.group(1) + " is a Java-serialized object");
      body.put("code", 0);
      body.put("fieldErrors", Map.of(serialized.group(1), "is a Java-serialized object, which is never taken:"
          + " send text, a boolean, a number, a date or Json"));
      return Response.status(Response.Status.BAD_REQUEST).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
    if (!wrappedAsServerError || (bad == null && unreadable == null)) {
      return ExceptionHandlerHelper.getInstance().getResponse(exception);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", bad instanceof InvalidInputException ? InvalidInputException.class.getSimpleName()
        : (bad != null ? bad : unreadable).getClass().getSimpleName());
    String message = bad instanceof InvalidInputException invalid ? message(exception, invalid) : exception.getMessage();
    // A caller's mistake, answered with what to change: one line, no stack trace (Camunda logs a 500 with one).
    LOG.info("Refused input: {} {}: {}", request.getMethod(), request.getRequestURI(), message);
    body.put("message", message);
    body.put("code", bad != null ? bad.getCode() : 0);
    if (bad instanceof InvalidInputException invalid) {
      body.put("fieldErrors", invalid.fieldErrors());
    } else if (bad == null) {
      // "Cannot deserialize object in variable 'letter': SPIN/JACKSON-JSON-01001 Unable to parse input into json node"
      Matcher variable = VARIABLE.matcher(String.valueOf(exception.getMessage()));
      if (variable.find()) {
        body.put("fieldErrors", Map.of(variable.group(1), "is not valid JSON"));
      }
    }
    return Response.status(bad instanceof InvalidInputException invalid ? status(invalid) : Response.Status.BAD_REQUEST)
        .entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  /** The body's {@code message}: for systems, Camunda's, which names each field (they read {@code fieldErrors}). */
  String message(RestException exception, InvalidInputException invalid) {
    return exception.getMessage();
  }

  /** 400 for every refused input, as systems have had it since the first edition. */
  Response.Status status(InvalidInputException invalid) {
    return Response.Status.BAD_REQUEST;
  }

  private static <T extends Throwable> T cause(Throwable throwable, Class<T> type) {
    for (Throwable t = throwable; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  /** Registers the mapper with Camunda's Jersey application ({@code CamundaJerseyResourceConfig}). */
  @Configuration
  static class Registration {
    @Bean
    ResourceConfigCustomizer engineRestBadInputMapper() {
      return config -> config.register(EngineRestBadInput.class);
    }
  }
}
