package org.osce.vienna.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osce.vienna.casefile.ParticipatingState;
import org.osce.vienna.casefile.ParticipatingStates;

/**
 * The query parameters of the reads across cases, checked alike: a parameter the call does not take is
 * refused, not ignored (a misspelt filter would otherwise answer with everything); a State is its code or
 * name. Each problem goes into {@code errors} under the parameter's name, answered together as 400.
 */
final class QueryParameters {

  private QueryParameters() {
  }

  /** The errors for the parameters other than {@code known}: the start of a call's list of errors. */
  static Map<String, String> unknown(HttpServletRequest request, String... known) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (String name : Collections.list(request.getParameterNames())) {
      if (!List.of(known).contains(name)) {
        errors.put(name, "is not a parameter of this call (" + String.join(", ", known) + ")");
      }
    }
    return errors;
  }

  /** The State's code, if {@code value} is given and names one of the 57. */
  static Optional<String> state(String value, String name, Map<String, String> errors) {
    if (value == null) {
      return Optional.empty();
    }
    Optional<String> code = ParticipatingStates.all().find(value).map(ParticipatingState::code);
    if (code.isEmpty()) {
      errors.put(name, ParticipatingStates.all().whyNot(value));
    }
    return code;
  }
}
