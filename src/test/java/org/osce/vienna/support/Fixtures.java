package org.osce.vienna.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.osce.vienna.cases.Letter;
import org.osce.vienna.cases.LetterReader;

/** The 2021 letter to Belarus (copied from shared/domain so a clone of this repository tests alone). */
public final class Fixtures {

  public static final String LETTER_JSON = "/fixtures/letter-2021-11-04-belarus.json";
  public static final String LETTER_TEXT = "/fixtures/letter-2021-11-04-belarus.txt";

  /** The 34 delegations besides the lead (GB) that signed the 2021 letter, as codes. */
  public static final java.util.List<String> CO_SIGNATORIES_2021 = java.util.List.of(
      "AL", "AT", "BE", "BG", "CA", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IS", "IE", "IT",
      "LV", "LT", "LU", "MT", "ME", "NL", "MK", "NO", "PT", "RO", "SK", "SI", "ES", "CH", "UA", "US");

  private Fixtures() {
  }

  public static String read(String resource) {
    try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String letterJson() {
    return read(LETTER_JSON);
  }

  public static Letter letter() {
    return LetterReader.read(letterJson());
  }

  /** Collapses every run of white space to one space, as text extracted from a layout must be compared. */
  public static String normalise(String text) {
    return text.replace('\u00a0', ' ').replaceAll("\\s+", " ").trim();
  }
}
