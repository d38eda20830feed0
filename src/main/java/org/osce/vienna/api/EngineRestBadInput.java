package org.osce.vienna.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.osce.vienna.cases.InvalidInputException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code /engine-rest} answers bad input with 400, also where Camunda wraps it into a 500: starting a
 * process instance or completing a task turns any engine exception, our start and task listeners'
 * {@link InvalidInputException} included, into "500 Cannot instantiate process definition ...". This
 * mapper takes precedence over Camunda's (lower {@link Priority}) for those cases only, keeps Camunda's
 * error body ({@code type}, {@code message}, {@code code}) and adds {@code fieldErrors}; everything else
 * is answered by Camunda's own handling, unchanged.
 */
@Priority(1)
public class EngineRestBadInput implements ExceptionMapper<RestException> {

  @Override
  public Response toResponse(RestException exception) {
    BadUserRequestException bad = cause(exception, BadUserRequestException.class);
    boolean wrappedAsServerError = exception.getStatus() == null
        || exception.getStatus() == Response.Status.INTERNAL_SERVER_ERROR;
    if (bad == null || !wrappedAsServerError) {
      return ExceptionHandlerHelper.getInstance().getResponse(exception);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", bad.getClass().getSimpleName());
    body.put("message", exception.getMessage());
    body.put("code", bad.getCode());
    if (bad instanceof InvalidInputException invalid) {
      body.put("fieldErrors", invalid.fieldErrors());
    }
    return Response.status(Response.Status.BAD_REQUEST).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
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
