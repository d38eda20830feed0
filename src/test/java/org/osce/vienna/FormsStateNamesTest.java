package org.osce.vienna;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.osce.vienna.casefile.ParticipatingState;
import org.osce.vienna.casefile.ParticipatingStates;
import org.osce.vienna.drafting.StartInput;
import org.osce.vienna.engine.ProcessConstants;

/**
 * The 57 States' names have one home, {@code reference/participating-states.csv}: the task forms read
 * them from the case's variables ({@code engine/StateNames}), and no form carries a copy of them but
 * the start form's one list, which Tasklist cannot feed (it gives a start form no variables) and which
 * must therefore say exactly what the reference list says.
 */
class FormsStateNamesTest {

  static final Path FORMS = Path.of("forms");
  static final String START_FORM = "start-case.form";
  /** The start form's hidden field whose default value is its one list of the States. */
  static final String START_FORM_LIST = "Hidden_ParticipatingStates";

  static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void noFormNamesAStateButTheStartFormsOneList() throws IOException {
    List<String> copies = new ArrayList<>();
    for (Path form : forms()) {
      JsonNode schema = MAPPER.readTree(form.toFile());
      if (form.getFileName().toString().equals(START_FORM)) {
        ((ObjectNode) component(schema, START_FORM_LIST)).remove("defaultValue");
      }
      collect(form.getFileName().toString(), schema, copies);
    }
    assertThat(copies).as("State names in the forms (the names come from the case's variables"
        + " participatingStates and stateNamesInText)").isEmpty();
  }

  @Test
  void theStartFormsOneListIsTheReferenceListHiddenSoNeverSubmitted() throws IOException {
    JsonNode list = component(MAPPER.readTree(FORMS.resolve(START_FORM).toFile()), START_FORM_LIST);
    List<Map<String, String>> expected = ParticipatingStates.all().list().stream()
        .map(state -> Map.of("label", state.name(), "value", state.code())).toList();

    assertThat(MAPPER.convertValue(list.path("defaultValue"), List.class)).hasSize(57).isEqualTo(expected);
    // The same name as the task forms' variable, and one the start of a case refuses if it were sent.
    assertThat(list.path("key").asText()).isEqualTo(ProcessConstants.PARTICIPATING_STATES);
    assertThat(StartInput.CONTRACT.names()).doesNotContain(ProcessConstants.PARTICIPATING_STATES);
    // form-js submits no hidden field; its default value is all the selects read.
    assertThat(list.path("conditional").path("hide").asText()).isEqualTo("=true");
  }

  @Test
  void theSearchFindsEveryKindOfName() {
    assertThat(statesNamedIn("{Albania} to the United Kingdom, once Czech Republic, now Türkiye")).containsExactly(
        "Albania", "Czech Republic", "Türkiye", "United Kingdom");
    assertThat(statesNamedIn("Francesca, Georgian, UKRAINE, addresseeState")).isEmpty();
    assertThat(names()).hasSizeGreaterThan(57);
  }

  /** Adds "form component: name" for each State named in a text of each component of the form. */
  private static void collect(String form, JsonNode node, List<String> copies) {
    for (JsonNode component : node.path("components")) {
      ObjectNode own = ((ObjectNode) component).deepCopy();
      own.remove("components");
      for (String name : statesNamedIn(own.toString())) {
        copies.add(form + " " + component.path("id").asText() + ": " + name);
      }
      collect(form, component, copies);
    }
  }

  /** The States' names in a text: current, as written in text (without "the") and former, of four letters or more. */
  static Set<String> statesNamedIn(String text) {
    Set<String> found = new TreeSet<>();
    for (String name : names()) {
      if (Pattern.compile("(?<!\\p{L})" + Pattern.quote(name) + "(?!\\p{L})").matcher(text).find()) {
        found.add(name);
      }
    }
    return found;
  }

  static Set<String> names() {
    Set<String> names = new TreeSet<>();
    for (ParticipatingState state : ParticipatingStates.all().list()) {
      names.add(state.name());
      names.add(state.nameInText().replaceFirst("^the ", ""));
      names.addAll(state.formerNames());
    }
    names.removeIf(name -> name.codePoints().filter(Character::isLetter).count() < 4);
    return names;
  }

  private static JsonNode component(JsonNode node, String id) {
    for (JsonNode component : node.path("components")) {
      if (component.path("id").asText().equals(id)) {
        return component;
      }
      JsonNode inside = component(component, id);
      if (inside != null) {
        return inside;
      }
    }
    return null;
  }

  private static List<Path> forms() throws IOException {
    try (Stream<Path> files = Files.list(FORMS)) {
      List<Path> forms = files.filter(f -> f.getFileName().toString().endsWith(".form")).sorted().toList();
      assertThat(forms).hasSizeGreaterThanOrEqualTo(11);
      return forms;
    }
  }
}
