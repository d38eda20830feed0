package org.osce.vienna.api;

import static org.osce.vienna.engine.ProcessConstants.MEETING_REQUESTED_AT;
import static org.osce.vienna.engine.ProcessConstants.MEETING_REQUESTED_BY;
import static org.osce.vienna.engine.ProcessConstants.MESSAGE_FURTHER_RESPONSE_RECEIVED;
import static org.osce.vienna.engine.ProcessConstants.MESSAGE_RESPONSE_RECEIVED;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_RECEIVED_AT;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_REFERENCE;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_SUMMARY;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.casefile.InvalidInputException;
import org.osce.vienna.engine.InputContracts;
import org.osce.vienna.response.ReplyMessages;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A delegation's system correlates the contract's messages at {@code /engine-rest/message} as the
 * contract says, without holding any right on the case's process instance: this filter takes a
 * delegation's {@code ResponseReceived} or {@code BilateralMeetingRequested} before Camunda's resource
 * and hands it to {@link CaseMessages}, the same checks and registration as the case API (who may send
 * it, what it carries, once only). It takes only what the contract names: {@code messageName},
 * {@code businessKey} and the message's variables. Administrators' messages, and any other message, go
 * to Camunda's resource unchanged, where the engine's authorizations apply (delegations hold no UPDATE);
 * except an administrator's {@code ResponseReceived} after the wait for the response, which Camunda alone
 * would not find a subscription for.
 *
 * <p>Answers as Camunda does: 204 when correlated, 400 with Camunda's error body (plus
 * {@code fieldErrors}) for bad data or a case that does not take the message, 403 when the caller may
 * not send it.
 */
@PreMatching
@Priority(Priorities.USER)
public class EngineRestMessages implements ContainerRequestFilter {

  private static final Pattern MESSAGE_PATH = Pattern.compile("/?(engine/[^/]+/)?message/?");
  private static final Set<String> FIELDS = Set.of("messageName", "businessKey", "processVariables",
      "resultEnabled", "variablesInResultEnabled");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final IdentityService identityService;
  private final CaseMessages messages;
  private final InputContracts contracts;

  private final CaseRecords cases;
  private final ReplyMessages replyMessages;

  EngineRestMessages(IdentityService identityService, CaseMessages messages, InputContracts contracts,
      CaseRecords cases, ReplyMessages replyMessages) {
    this.identityService = identityService;
    this.messages = messages;
    this.contracts = contracts;
    this.cases = cases;
    this.replyMessages = replyMessages;
  }

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    if (!"POST".equals(request.getMethod()) || !MESSAGE_PATH.matcher(request.getUriInfo().getPath()).matches()) {
      return;
    }
    Authentication user = identityService.getCurrentAuthentication();
    ApiCaller caller = user == null ? null : new ApiCaller(user.getUserId(),
        user.getGroupIds() == null ? List.of() : List.copyOf(user.getGroupIds()));
    if (caller == null) {
      return;
    }
    byte[] body = request.getEntityStream().readAllBytes();
    request.setEntityStream(new ByteArrayInputStream(body));
    JsonNode message;
    try {
      message = JSON.readTree(body);
    } catch (IOException e) {
      return; // Camunda's resource answers unreadable JSON with 400.
    }
    String name = message == null ? null : message.path("messageName").asText(null);
    if (!contracts.isContractMessage(name) || caller.isAdmin() && !isReplyAfterTheWait(name, message)) {
      return;
    }
    try {
      correlate(caller, name, message);
      request.abortWith(Response.noContent().build());
    } catch (InvalidInputException e) {
      request.abortWith(error(Response.Status.BAD_REQUEST, "InvalidInputException", e.getMessage(), e.fieldErrors()));
    } catch (CaseApiException e) {
      // A case the caller may not see, or that does not take the message now, is what Camunda calls a
      // message that cannot be correlated (400); the reason is the case API's.
      boolean forbidden = e.status().value() == 403;
      request.abortWith(error(forbidden ? Response.Status.FORBIDDEN : Response.Status.BAD_REQUEST,
          forbidden ? "AuthorizationException" : "MismatchingMessageCorrelationException",
          forbidden ? e.getMessage() : "Cannot correlate message '" + name + "': " + e.getMessage(), null));
    }
  }

  /**
   * A {@code ResponseReceived} for a case whose wait for the response is over: Camunda's resource would find no
   * subscription of that name (the case takes it as {@code FurtherResponseReceived}), so an administrator's goes
   * through the case's registration too, as a delegation's does.
   */
  private boolean isReplyAfterTheWait(String name, JsonNode message) {
    String reference = message.path("businessKey").asText(null);
    return MESSAGE_RESPONSE_RECEIVED.equals(name) && reference != null && cases.find(reference)
        .flatMap(c -> replyMessages.takenNow(c.processInstanceId()))
        .filter(MESSAGE_FURTHER_RESPONSE_RECEIVED::equals).isPresent();
  }

  private void correlate(ApiCaller caller, String name, JsonNode message) {
    Map<String, String> errors = new LinkedHashMap<>();
    message.fieldNames().forEachRemaining(field -> {
      if (!FIELDS.contains(field)) {
        errors.put(field, "is not taken from a delegation: correlate the message by businessKey, with its"
            + " processVariables");
      }
    });
    for (String flag : List.of("resultEnabled", "variablesInResultEnabled")) {
      if (message.path(flag).asBoolean(false)) {
        errors.put(flag, "must be false for a delegation: the message is answered 204");
      }
    }
    String reference = message.path("businessKey").asText(null);
    if (reference == null || reference.isBlank()) {
      errors.put("businessKey", "is required: the case reference");
    }
    Set<String> contract = contracts.ofMessage(name);
    Map<String, String> values = new LinkedHashMap<>();
    List<String> unknown = new ArrayList<>();
    message.path("processVariables").fields().forEachRemaining(variable -> {
      JsonNode value = variable.getValue().path("value");
      if (!contract.contains(variable.getKey())) {
        unknown.add(variable.getKey());
      } else if (!value.isNull() && !value.isMissingNode() && !value.isTextual()) {
        errors.put(variable.getKey(), "must be text");
      } else {
        values.put(variable.getKey(), value.asText(null));
      }
    });
    if (!errors.isEmpty()) {
      throw new InvalidInputException("The message " + name + " cannot be correlated", errors);
    }
    if (MESSAGE_RESPONSE_RECEIVED.equals(name)) {
      messages.reportResponse(caller, reference, new ResponseReport(values.get(RESPONSE_RECEIVED_AT),
          values.get(RESPONSE_REFERENCE), values.get(RESPONSE_SUMMARY)), unknown);
    } else {
      messages.requestMeeting(caller, reference, new MeetingRequest(values.get(MEETING_REQUESTED_BY),
          values.get(MEETING_REQUESTED_AT)), unknown);
    }
  }

  private static Response error(Response.Status status, String type, String text, Map<String, String> fieldErrors) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", text);
    body.put("code", 0);
    if (fieldErrors != null) {
      body.put("fieldErrors", fieldErrors);
    }
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

  /** Registers the filter with Camunda's Jersey application ({@code /engine-rest}). */
  @Configuration
  static class Registration {
    @Bean
    ResourceConfigCustomizer engineRestMessagesFilter(IdentityService identityService, CaseMessages messages,
        InputContracts contracts, CaseRecords cases, ReplyMessages replyMessages) {
      return config -> config.register(new EngineRestMessages(identityService, messages, contracts, cases,
          replyMessages));
    }
  }
}
