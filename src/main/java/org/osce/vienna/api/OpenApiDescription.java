package org.osce.vienna.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description of the case API at {@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}. */
@Configuration
public class OpenApiDescription {

  static final String BASIC = "basic";

  @Bean
  public OpenAPI caseApiDescription() {
    return new OpenAPI()
        .info(new Info().title("Vienna Mechanism — case API").version("1")
            .description("""
                For ministries' systems that start and follow Vienna Mechanism cases without knowing BPMN.
                Every call needs HTTP Basic with a Camunda user (the same users as Tasklist); a delegation's
                users see the cases their State leads or was invited to co-sign, managers and administrators
                all. A browser logged in to Tasklist or Cockpit may read (GET) with that login, under the
                same rules; a change needs HTTP Basic (403 otherwise). JSON field names are the contract's process variable names; date-times are ISO-8601 with
                an offset (`2021-11-04T10:00:00+01:00`). Refusals are `application/problem+json` (RFC 9457),
                with `fieldErrors` naming each bad field.

                The steps people take (drafting, approving, co-signing, signing, assessing, follow-up) are
                tasks, claimed and completed over `/engine-rest/task/{id}/claim` and `/complete` with the
                contract's variables (JSON variables as `{"type":"Json","value":"..."}`); the case view lists
                the open tasks with their ids.

                Examples:

                    curl -u officer-gb:officer-gb -H 'Content-Type: application/json' \\
                      -d '{"reference":"VM-2021-BY-02","leadDelegation":"GB","addresseeState":"BY",
                           "subject":"Human rights situation in Belarus","invitedDelegations":["DE","FR"],
                           "signOffDueAt":"2030-11-03T18:00:00+01:00"}' \\
                      http://localhost:8080/api/cases
                    → 201 Created, Location: /api/cases/VM-2021-BY-02, the case (status DRAFTING)

                    curl -u officer-gb:officer-gb http://localhost:8080/api/cases/VM-2021-BY-02
                    → 200, the case with its openTasks and timeline

                    curl -u officer-gb:officer-gb -H 'Content-Type: application/json' \\
                      -d '{"responseReceivedAt":"2021-11-12T16:30:00+01:00","responseReference":"No. 03-12/3456",
                           "responseSummary":"Belarus contests the invocation."}' \\
                      http://localhost:8080/api/cases/VM-2021-BY-02/response
                    → 202 Accepted once the letter is delivered; 409 before

                See docs/api.md, "For systems", for every call with its answer."""))
        .components(new Components().addSecuritySchemes(BASIC, new SecurityScheme()
            .type(SecurityScheme.Type.HTTP).scheme("basic").description("A Camunda user and password")))
        .addSecurityItem(new SecurityRequirement().addList(BASIC));
  }
}
