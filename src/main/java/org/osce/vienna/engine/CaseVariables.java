package org.osce.vienna.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.osce.vienna.casefile.DateTimes;
import org.osce.vienna.casefile.InvalidInputException;
import org.osce.vienna.casefile.ParticipatingStates;
import org.osce.vienna.casefile.StrictJson;

/**
 * Reads and writes the process variables in the forms the contract allows: lists and objects as
 * Camunda JSON (Spin) or plain Java values, dates as ISO strings or Date values.
 */
public final class CaseVariables {

  /** Strict, as every JSON input: a JSON variable sent as text with a key twice is refused. */
  private static final ObjectMapper MAPPER = StrictJson.configure(new ObjectMapper());

  private CaseVariables() {
  }

  public static String reference(DelegateExecution execution) {
    return execution.getProcessBusinessKey();
  }

  /** A text variable without the white space around it; null when absent or blank. */
  public static String string(VariableScope scope, String name) {
    String text = text(scope, name);
    return text == null || text.isBlank() ? null : text.strip();
  }

  /**
   * A text variable exactly as sent, for the values a domain rule judges as a whole: a State's code
   * goes to {@link org.osce.vienna.casefile.ParticipatingStates}, which refuses "GB\t" where strip() would
   * have made it GB.
   */
  public static String text(VariableScope scope, String name) {
    return text(scope.getVariable(name), name);
  }

  /** {@link #text(VariableScope, String)} of a value already read. */
  public static String text(Object value, String name) {
    if (value != null && !(value instanceof String)) {
      throw InvalidInputException.single("Invalid variable", name, "must be text");
    }
    return (String) value;
  }

  /** A boolean variable; also "true"/"false" strings, which some systems send. */
  public static Boolean bool(VariableScope scope, String name) {
    return bool(scope.getVariable(name), name);
  }

  /** {@link #bool(VariableScope, String)} of a value already read. */
  public static Boolean bool(Object value, String name) {
    if (value == null || value instanceof Boolean) {
      return (Boolean) value;
    }
    if (value instanceof String text && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
      return Boolean.valueOf(text);
    }
    throw InvalidInputException.single("Invalid variable", name, "must be true or false");
  }

  public static boolean requireBool(VariableScope scope, String name) {
    Boolean value = bool(scope, name);
    if (value == null) {
      throw InvalidInputException.single("Missing variable", name, "is required (true or false)");
    }
    return value;
  }

  public static Instant instant(VariableScope scope, String name) {
    return DateTimes.parse(scope.getVariable(name), name);
  }

  /** A JSON variable (Spin JSON, a JSON string, or a Java list/map) as a Jackson tree; null when absent. */
  public static JsonNode json(VariableScope scope, String name) {
    return json(InputValues.of(scope).get(name), name);
  }

  /** {@link #json(VariableScope, String)} of a value already read. */
  public static JsonNode json(Object value, String name) {
    if (value == null) {
      return null;
    }
    try {
      if (value instanceof String text) {
        return text.isBlank() ? null : MAPPER.readTree(text);
      }
      if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
        return MAPPER.valueToTree(value);
      }
      // Spin's JSON node prints itself as JSON.
      return MAPPER.readTree(value.toString());
    } catch (JsonProcessingException e) {
      throw InvalidInputException.single("Invalid variable", name, "is not valid JSON: " + e.getOriginalMessage());
    }
  }

  /** A list of strings, e.g. {@code invitedDelegations}; empty when absent. */
  public static List<String> strings(VariableScope scope, String name) {
    return strings(InputValues.of(scope).get(name), name);
  }

  /** {@link #strings(VariableScope, String)} of a value already read. */
  public static List<String> strings(Object value, String name) {
    JsonNode node = json(value, name);
    List<String> result = new ArrayList<>();
    if (node == null || node.isNull()) {
      return result;
    }
    if (!node.isArray()) {
      throw InvalidInputException.single("Invalid variable", name, "must be a list");
    }
    for (JsonNode item : node) {
      if (!item.isTextual()) {
        throw InvalidInputException.single("Invalid variable", name, "must be a list of text values, not " + item);
      }
      result.add(item.asText());
    }
    return result;
  }

  /** A JSON variable value, typed so that REST and Cockpit show it as JSON. */
  public static TypedValue jsonValue(Object value) {
    return jsonTextValue(jsonText(value));
  }

  /** A JSON variable value of JSON text already written ({@link #jsonText}). */
  public static TypedValue jsonTextValue(String json) {
    return SpinValues.jsonValue(json).create();
  }

  /** A value as the JSON text of a variable. */
  public static String jsonText(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write a variable as JSON", e);
    }
  }

  /** The case as Tasklist's lists and task names show it (variable {@code caseLabel}): "VM-2021-BY-01 (Belarus)". */
  public static String caseLabel(String reference, String addresseeState) {
    return reference + " (" + ParticipatingStates.all().byCode(addresseeState).orElseThrow().name() + ")";
  }

  public static TypedValue dateValue(Instant instant) {
    return Variables.dateValue(instant == null ? null : Date.from(instant));
  }
}
