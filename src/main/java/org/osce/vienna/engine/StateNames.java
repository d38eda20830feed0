package org.osce.vienna.engine;

import static org.osce.vienna.engine.ProcessConstants.PARTICIPATING_STATES;
import static org.osce.vienna.engine.ProcessConstants.STATE_NAMES_IN_TEXT;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.osce.vienna.casefile.ParticipatingState;
import org.osce.vienna.casefile.ParticipatingStates;
import org.springframework.util.DigestUtils;

/**
 * The names of the participating States as the task forms read them, set on every case from the one
 * reference list ({@link ParticipatingStates}, {@code reference/participating-states.csv}), so that no
 * form carries a copy of the 57 names:
 * <ul>
 * <li>{@code participatingStates}: the options of a State select, {@code [{"label": "Albania", "value": "AL"},
 * ...]} in the list's order (FEEL: {@code participatingStates[item.value != leadDelegation]});
 * <li>{@code stateNamesInText}: a State's name as running text writes it, {@code {"GB": "the United Kingdom",
 * ...}} (FEEL: {@code get value(stateNamesInText, addresseeState)}).
 * </ul>
 * Set at the start of a case ({@code drafting/RegisterCase}) and, for a case started before they
 * existed, at the application's start ({@link StateNamesBackfill}). The engine writes them; no task's
 * contract takes them ({@link InputContracts}), and the forms show them without a key, so they are
 * never sent back.
 *
 * <p>Tasklist gives a start form no variables at all (there is no instance yet), so the start form
 * keeps the one list of its own; {@code FormsStateNamesTest} holds it equal to the reference list.
 */
public final class StateNames {

  /** The variables' values as JSON text, written once: the list is read once per JVM. */
  private static final String OPTIONS = CaseVariables.jsonText(options());
  private static final String NAMES_IN_TEXT = CaseVariables.jsonText(namesInText());

  private StateNames() {
  }

  /** Which version of the names the variables hold: it changes when the reference list does. */
  static String version() {
    return DigestUtils.md5DigestAsHex((OPTIONS + NAMES_IN_TEXT).getBytes(StandardCharsets.UTF_8));
  }

  /** Both variables, typed as JSON (so Tasklist hands them to the forms as lists and objects). */
  public static Map<String, TypedValue> variables() {
    Map<String, TypedValue> variables = new LinkedHashMap<>();
    variables.put(PARTICIPATING_STATES, CaseVariables.jsonTextValue(OPTIONS));
    variables.put(STATE_NAMES_IN_TEXT, CaseVariables.jsonTextValue(NAMES_IN_TEXT));
    return variables;
  }

  public static void setOn(VariableScope scope) {
    scope.setVariables(variables());
  }

  /** Whether a stored value of one of the two variables says what the reference list says now. */
  static boolean isCurrent(String name, TypedValue stored) {
    String expected = PARTICIPATING_STATES.equals(name) ? OPTIONS : NAMES_IN_TEXT;
    return stored instanceof SerializableValue json && expected.equals(json.getValueSerialized());
  }

  private static List<Map<String, String>> options() {
    List<Map<String, String>> options = new ArrayList<>();
    for (ParticipatingState state : ParticipatingStates.all().list()) {
      Map<String, String> option = new LinkedHashMap<>();
      option.put("label", state.name());
      option.put("value", state.code());
      options.add(option);
    }
    return options;
  }

  private static Map<String, String> namesInText() {
    Map<String, String> names = new LinkedHashMap<>();
    ParticipatingStates.all().list().forEach(state -> names.put(state.code(), state.nameInText()));
    return names;
  }
}
