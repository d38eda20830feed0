package org.osce.vienna.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.osce.vienna.casefile.Groups;
import org.osce.vienna.engine.ProcessConstants;
import org.osce.vienna.web.EdgeFilters;
import org.osce.vienna.web.WebappLogin;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The start form in Tasklist comes with the user's own delegation chosen as the lead: an officer or head of
 * one delegation ({@code delegation-<code>}) finds her State in "Lead delegation" and may still change it; an
 * administrator, who belongs to no delegation, chooses. Tasklist gives a Camunda Form of a start event no
 * variables (it asks for them only for a task), so the default is written into the form itself as Tasklist
 * loads it ({@code …/process-definition/{id}/deployed-start-form}): the {@code defaultValue} of its field
 * {@code leadDelegation}, form-js's own way to preselect. The deployed form and every other answer are
 * untouched.
 */
@Configuration
public class OwnDelegationStartForm {

  /** The webapps' engine API: {@code /camunda/api/engine/engine/{engine}/process-definition/{id}/deployed-start-form}. */
  static final String ENGINE_API = "/camunda/api/engine/engine/";
  static final String START_FORM = "/deployed-start-form";

  @Bean
  FilterRegistrationBean<Filter> ownDelegationStartFormFilter(ProcessEngine engine) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter(engine.getIdentityService()));
    registration.setName("own-delegation-start-form");
    registration.addUrlPatterns(ENGINE_API + "*");
    registration.setOrder(EdgeFilters.LOGIN_THROTTLE_ORDER + 10);
    return registration;
  }

  static class Filter extends OncePerRequestFilter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final IdentityService identity;

    Filter(IdentityService identity) {
      this.identity = identity;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      return !"GET".equals(request.getMethod()) || !request.getRequestURI().endsWith(START_FORM);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      Optional<String> delegation = engineName(request.getRequestURI())
          .flatMap(engine -> WebappLogin.userId(request, engine))
          .flatMap(this::ownDelegation);
      if (delegation.isEmpty()) {
        chain.doFilter(request, response);
        return;
      }
      ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
      chain.doFilter(request, answer);
      byte[] body = answer.getContentAsByteArray();
      if (answer.getStatus() == HttpServletResponse.SC_OK) {
        body = withLead(body, delegation.get());
      }
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
    }

    /** The State code of the user's one delegation; none for a user of no delegation (or, oddly, of several). */
    Optional<String> ownDelegation(String userId) {
      List<String> codes = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
          .flatMap(id -> Groups.stateOfDelegation(id).stream())
          .toList();
      return codes.size() == 1 ? Optional.of(codes.get(0)) : Optional.empty();
    }

    static Optional<String> engineName(String uri) {
      int start = uri.indexOf(ENGINE_API);
      if (start < 0) {
        return Optional.empty();
      }
      String rest = uri.substring(start + ENGINE_API.length());
      int slash = rest.indexOf('/');
      return slash > 0 ? Optional.of(rest.substring(0, slash)) : Optional.empty();
    }

    /** The form with {@code code} as the default of its field {@code leadDelegation}; any other form as it is. */
    static byte[] withLead(byte[] form, String code) {
      try {
        JsonNode schema = JSON.readTree(form);
        return setDefault(schema, code) ? JSON.writeValueAsBytes(schema) : form;
      } catch (IOException notAForm) {
        return form;
      }
    }

    private static boolean setDefault(JsonNode node, String code) {
      boolean set = false;
      for (JsonNode component : node.path("components")) {
        if (component instanceof ObjectNode field && ProcessConstants.LEAD_DELEGATION.equals(field.path("key").asText())
            && !field.has("defaultValue")) {
          field.put("defaultValue", code);
          set = true;
        }
        set |= setDefault(component, code);
      }
      return set;
    }
  }
}
