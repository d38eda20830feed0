package org.osce.vienna;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.osce.vienna.engine.Field;
import org.osce.vienna.engine.InputContract;

/**
 * The forms say what the Java says: every field a form submits belongs to the input contract of the task
 * or start the form is for, with the same required flag and the same length or range limits. The forms
 * are found from the models ({@code camunda:formRef}); the contracts are the phases' {@link InputContract}
 * constants. A limit changed on one side only fails here.
 */
class FormsFollowContractsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern FORM_REF = Pattern.compile(
      "<bpmn:(userTask|startEvent) id=\"([^\"]+)\"[^>]*?camunda:formRef=\"([^\"]+)\"");
  private static final Pattern PROCESS = Pattern.compile("<bpmn:process id=\"([^\"]+)\"");
  /** Form components that show or compute, and submit nothing a user typed. */
  private static final List<String> NOT_INPUT = List.of("text", "expression", "group", "dynamiclist", "spacer",
      "separator", "button", "html", "image", "table", "iframe");

  /**
   * A form field: where the form puts its value, and what the form demands of it. A field the form shows
   * only under a condition is required only then, a rule the contract's Java states in words.
   */
  record FormField(String name, boolean conditional, boolean required, Integer maxLength, Integer min, Integer max) {
  }

  @Test
  void everyFormFieldIsInItsContractWithTheSameRules() throws IOException {
    Map<String, InputContract> contracts = contracts();
    List<String> mismatches = new ArrayList<>();
    Map<String, String> forms = formsOfTheModels();
    assertThat(forms).as("forms referenced by the models").hasSizeGreaterThanOrEqualTo(11);

    forms.forEach((input, form) -> {
      InputContract contract = contracts.get(input);
      if (contract == null) {
        mismatches.add(form + ": no input contract for " + input);
        return;
      }
      for (FormField field : fields(form)) {
        Field rule = contract.field(field.name());
        if (rule == null) {
          mismatches.add(form + ": " + field.name() + " is not in the contract of " + input);
          continue;
        }
        if (!field.conditional()) {
          compare(form, field.name(), "required", field.required(), rule.isRequired(), mismatches);
        }
        compare(form, field.name(), "maxLength", field.maxLength(), rule.maxLength(), mismatches);
        compare(form, field.name(), "min", field.min(), rule.min(), mismatches);
        compare(form, field.name(), "max", field.max(), rule.max(), mismatches);
      }
    });

    assertThat(mismatches).as("forms that say other than their contracts").isEmpty();
  }

  private static void compare(String form, String field, String what, Object inForm, Object inJava,
      List<String> mismatches) {
    if (!Objects.equals(inForm, inJava)) {
      mismatches.add(form + ": " + field + " " + what + " is " + inForm + " in the form, " + inJava + " in Java");
    }
  }

  /** Task key, or process key for a start form, to the form's file name. */
  private static Map<String, String> formsOfTheModels() throws IOException {
    Map<String, String> forms = new LinkedHashMap<>();
    try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
      for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList()) {
        String xml = Files.readString(model);
        Matcher process = PROCESS.matcher(xml);
        String processKey = process.find() ? process.group(1) : null;
        Matcher ref = FORM_REF.matcher(xml);
        while (ref.find()) {
          forms.put(ref.group(1).equals("startEvent") ? processKey : ref.group(2), ref.group(3) + ".form");
        }
      }
    }
    return forms;
  }

  /** The fields of a form that submit a value, named by their path (groups and lists give a prefix). */
  private static List<FormField> fields(String form) {
    try {
      List<FormField> fields = new ArrayList<>();
      collect(JSON.readTree(Path.of("forms", form).toFile()).path("components"), "", fields);
      return fields;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read form " + form, e);
    }
  }

  private static void collect(JsonNode components, String prefix, List<FormField> fields) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      String path = component.path("path").asText("");
      String childPrefix = path.isEmpty() ? prefix : prefix + path + ".";
      if (component.has("components")) {
        collect(component.path("components"), childPrefix, fields);
      }
      String hide = component.path("conditional").path("hide").asText("");
      // A field always hidden is never submitted: it holds values other fields read.
      if (NOT_INPUT.contains(type) || !component.has("key") || hide.equals("=true")) {
        continue;
      }
      JsonNode validate = component.path("validate");
      fields.add(new FormField(prefix + component.path("key").asText(), !hide.isEmpty(),
          validate.path("required").asBoolean(false), number(validate, "maxLength"), number(validate, "min"),
          number(validate, "max")));
    }
  }

  private static Integer number(JsonNode validate, String name) {
    return validate.has(name) ? validate.get(name).asInt() : null;
  }

  /** Every {@code static final InputContract} of the application's classes, by task, process or message key. */
  private static Map<String, InputContract> contracts() {
    Map<String, InputContract> contracts = new LinkedHashMap<>();
    for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.osce.vienna")) {
      for (java.lang.reflect.Field constant : type.reflect().getDeclaredFields()) {
        if (constant.getType() == InputContract.class && Modifier.isStatic(constant.getModifiers())) {
          try {
            constant.setAccessible(true);
            InputContract contract = (InputContract) constant.get(null);
            contracts.put(contract.key(), contract);
          } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
    return contracts;
  }
}
