package org.osce.vienna.api;

import com.fasterxml.jackson.databind.DeserializationContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osce.vienna.casefile.StrictJson;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Notes every field of a case API request body that the API does not know, so the answer names each
 * of them (with the other bad fields) instead of silently dropping a misspelt {@code signOffDueAt}.
 * The letter inside a body is read by the process, which names its unknown fields the same way
 * ({@link org.osce.vienna.drafting.LetterReader}). Bodies of other kinds are read as before.
 */
@Component
public class UnknownFields extends StrictJson.UnknownFieldNotes implements Jackson2ObjectMapperBuilderCustomizer {

  private static final String ATTRIBUTE = UnknownFields.class.getName();

  @Override
  public void customize(Jackson2ObjectMapperBuilder builder) {
    builder.postConfigurer(mapper -> mapper.addHandler(this));
  }

  @Override
  @SuppressWarnings("unchecked")
  protected List<String> notes(DeserializationContext context, Class<?> type) {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request == null || !type.getPackageName().equals(UnknownFields.class.getPackageName())) {
      return null;
    }
    List<String> unknown = (List<String>) request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    if (unknown == null) {
      unknown = new ArrayList<>();
      request.setAttribute(ATTRIBUTE, unknown, RequestAttributes.SCOPE_REQUEST);
    }
    return unknown;
  }

  /** Each field the body had that the request does not take, named, in the order sent. */
  static Map<String, String> errors(Collection<String> unknownFields) {
    Map<String, String> errors = new LinkedHashMap<>();
    unknownFields.forEach(unknown -> errors.put(unknown, "is not a field of this request"));
    return errors;
  }

  /** The unknown fields of the current request's body, in the order sent. */
  @SuppressWarnings("unchecked")
  static List<String> ofCurrentRequest() {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    Object unknown = request == null ? null : request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    return unknown == null ? List.of() : (List<String>) unknown;
  }
}
