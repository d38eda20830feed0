package org.osce.vienna.casefile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The reference list of participating States (resource {@code reference/participating-states.csv}).
 * Looks States up by code, current name or former name, so that input may use "Czech Republic"
 * while letters always say "Czechia".
 */
public final class ParticipatingStates {

  private static final String RESOURCE = "/reference/participating-states.csv";
  private static final ParticipatingStates INSTANCE = load();

  private final Map<String, ParticipatingState> byCode;
  private final Map<String, ParticipatingState> byName;

  private ParticipatingStates(List<ParticipatingState> states) {
    Map<String, ParticipatingState> codes = new LinkedHashMap<>();
    Map<String, ParticipatingState> names = new LinkedHashMap<>();
    for (ParticipatingState state : states) {
      codes.put(state.code(), state);
      names.put(normalise(state.name()), state);
      names.put(normalise(state.nameInText()), state);
      state.formerNames().forEach(former -> names.put(normalise(former), state));
    }
    this.byCode = Collections.unmodifiableMap(codes);
    this.byName = Collections.unmodifiableMap(names);
  }

  public static ParticipatingStates all() {
    return INSTANCE;
  }

  public List<ParticipatingState> list() {
    return List.copyOf(byCode.values());
  }

  public int size() {
    return byCode.size();
  }

  /**
   * Finds a State by its code in either case ({@code gb}, {@code GB}), under the rule of {@link #find}:
   * {@code " GB"} is GB, {@code "GB\u0000"} is nothing.
   */
  public Optional<ParticipatingState> byCode(String code) {
    String input = cleaned(code);
    return input == null ? Optional.empty() : Optional.ofNullable(byCode.get(input.toUpperCase(Locale.ROOT)));
  }

  /**
   * Finds a State by code (either case), current name, name in text or a former name. The one rule for
   * every State given as input (the case API, Tasklist, {@code /engine-rest}, the letter): spaces around
   * it are ignored; a control or formatting character anywhere (a NUL, a tab, a zero-width space) makes
   * it no State at all, so that what is checked is exactly what is stored and shown. {@link #whyNot}
   * says why an input is refused.
   */
  public Optional<ParticipatingState> find(String codeOrName) {
    String input = cleaned(codeOrName);
    if (input == null) {
      return Optional.empty();
    }
    return byCode(input).or(() -> Optional.ofNullable(byName.get(normalise(input))));
  }

  /** Why {@code input} is not a participating State, to follow the field's name; null when it is one. */
  public String whyNot(String input) {
    if (input == null || input.isBlank()) {
      return "is required (a participating State's code, e.g. GB)";
    }
    if (find(input).isPresent()) {
      return null;
    }
    return input.codePoints().anyMatch(ParticipatingStates::isControl)
        ? "contains a control character (" + controls(input) + "): give the State's code alone, e.g. GB"
        : "'" + input + "' is not one of the " + size() + " OSCE participating States (a code such as GB)";
  }

  public boolean isParticipatingState(String code) {
    return byCode(code).isPresent();
  }

  /** The input without the spaces around it; null when blank or when it holds a control character. */
  private static String cleaned(String input) {
    if (input == null || input.isBlank() || input.codePoints().anyMatch(ParticipatingStates::isControl)) {
      return null;
    }
    return input.strip();
  }

  private static boolean isControl(int codePoint) {
    return Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.FORMAT;
  }

  private static String controls(String input) {
    return String.join(", ", input.codePoints().filter(ParticipatingStates::isControl).distinct()
        .mapToObj(c -> String.format("U+%04X", c)).toList());
  }

  private static String normalise(String name) {
    String lower = name.strip().toLowerCase(Locale.ROOT);
    return lower.startsWith("the ") ? lower.substring(4) : lower;
  }

  private static ParticipatingStates load() {
    try (InputStream in = ParticipatingStates.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Reference data " + RESOURCE + " is missing from the classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<ParticipatingState> states = new ArrayList<>();
      reader.readLine(); // header: code,name,name_in_text,former_names
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        // No State name contains a comma, so a plain split is enough; former names are ';'-separated.
        String[] cols = line.split(",", -1);
        List<String> former = cols[3].isBlank() ? List.of()
            : Arrays.stream(cols[3].split(";")).map(String::trim).toList();
        states.add(new ParticipatingState(cols[0].trim(), cols[1].trim(), cols[2].trim(), former));
      }
      return new ParticipatingStates(states);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
  }
}
