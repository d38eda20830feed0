package org.osce.vienna.api;

import jakarta.annotation.Priority;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.server.ServerProperties;
import org.osce.vienna.casefile.InvalidInputException;
import org.osce.vienna.casefile.NotActingForLead;
import org.osce.vienna.casefile.ReferenceTaken;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tasklist's refused form, as a person reads it. Tasklist submits a form to the webapps' own engine API
 * ({@code /camunda/api/engine/.../submit-form}), a Jersey application of its own that Camunda's webapp
 * starter registers from init parameters: there Camunda answers our task and start listeners' refusal 500,
 * with the engine's text ("Cannot submit task form …: ENGINE-03051 … TaskListener …"), and logs it as an
 * error with its stack trace. This mapper answers it as {@link EngineRestBadInput} does {@code /engine-rest},
 * with {@link InvalidInputException#plainMessage} as the message Tasklist shows, and with the status that is
 * the truth for a person: 409 for a reference another case has, 403 for a user who does not act for the lead.
 */
@Priority(1)
public class TasklistBadInput extends EngineRestBadInput {

  @Override
  String message(RestException exception, InvalidInputException invalid) {
    return invalid.plainMessage();
  }

  @Override
  Response.Status status(InvalidInputException invalid) {
    if (invalid instanceof ReferenceTaken) {
      return Response.Status.CONFLICT;
    }
    return invalid instanceof NotActingForLead ? Response.Status.FORBIDDEN : Response.Status.BAD_REQUEST;
  }

  /**
   * Registers the mapper with the webapps' Jersey applications by Jersey's own setting for providers,
   * {@code jersey.config.server.provider.classnames}: each of them (engine, Cockpit, Admin, Tasklist API) is
   * created from its servlet's init parameters, and Jersey adds the servlet context's attributes to them as
   * properties. They are read when a servlet starts, so this does not depend on the order of Camunda's
   * initializer. {@code /engine-rest} is Spring's Jersey application, configured in code: it does not read
   * them, and keeps its own mapper.
   */
  @Configuration
  static class Registration {
    @Bean
    ServletContextInitializer tasklistBadInputMapper() {
      return (ServletContext context) -> context.setAttribute(ServerProperties.PROVIDER_CLASSNAMES,
          TasklistBadInput.class.getName());
    }
  }
}
