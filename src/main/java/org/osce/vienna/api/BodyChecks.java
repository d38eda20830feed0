package org.osce.vienna.api;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** Bean Validation of a request body, and the fields it had that the request does not take, each named. */
@Component
class BodyChecks {

  private final Validator validator;

  BodyChecks(Validator validator) {
    this.validator = validator;
  }

  /** Field name to what is wrong with it; empty when the body is good. */
  Map<String, String> errors(Object body, Collection<String> unknownFields) {
    Map<String, String> errors = new TreeMap<>();
    for (ConstraintViolation<Object> violation : validator.validate(body)) {
      errors.merge(field(violation.getPropertyPath()), violation.getMessage(), (a, b) -> a + "; " + b);
    }
    for (String unknown : unknownFields) {
      errors.put(unknown, "is not a field of this request");
    }
    return new LinkedHashMap<>(errors);
  }

  private static String field(Path path) {
    StringBuilder field = new StringBuilder();
    for (Path.Node node : path) {
      if (node.getKind() == ElementKind.CONTAINER_ELEMENT) {
        if (node.getIndex() != null) {
          field.append('[').append(node.getIndex()).append(']');
        }
      } else if (node.getName() != null) {
        field.append(field.isEmpty() ? "" : ".").append(node.getName());
      }
    }
    return field.toString();
  }
}
