package org.osce.vienna.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.osce.vienna.drafting.Letter;
import org.osce.vienna.drafting.LetterReader;

/** The 2021 letter to Belarus (copied from shared/domain so a clone of this repository tests alone). */
public final class Fixtures {

  public static final String LETTER_JSON = "/fixtures/letter-2021-11-04-belarus.json";
  public static final String LETTER_TEXT = "/fixtures/letter-2021-11-04-belarus.txt";

  /** The 34 delegations besides the lead (GB) that signed the 2021 letter, as codes. */
  public static final List<String> CO_SIGNATORIES_2021 = List.of(
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

  /**
   * Every part of the published 2021 letter as the composed letter must contain it, word for word:
   * place and date, the addressee block, each paragraph, each concern as "(i) topic: text", each
   * question, the closing. Each part is also checked against the published text by the tests.
   */
  public static List<String> publishedLetterParts() {
    Letter letter = letter();
    List<String> parts = new ArrayList<>();
    parts.add("Vienna, 4 November 2021");
    parts.add(letter.addressee().honorific());
    parts.add(letter.addressee().name());
    parts.add(letter.addressee().title());
    parts.add(letter.addressee().mission());
    parts.add(letter.addressee().salutation());
    parts.addAll(letter.introduction());
    parts.add(letter.concernsLead());
    String[] romans = {"i", "ii", "iii", "iv", "v", "vi"};
    for (int i = 0; i < letter.concerns().size(); i++) {
      parts.add("(" + romans[i] + ") " + letter.concerns().get(i).topic() + ": " + letter.concerns().get(i).text());
    }
    parts.add(letter.questionsLead());
    parts.addAll(letter.questions());
    parts.add(letter.closing());
    return parts.stream().map(Fixtures::normalise).toList();
  }

  /** Collapses every run of white space to one space, as text extracted from a layout must be compared. */
  public static String normalise(String text) {
    return text.replace('\u00a0', ' ').replaceAll("\\s+", " ").trim();
  }

  /** The text of a PDF as a reader sees it, spaces and line breaks made single spaces. */
  public static String pdfText(byte[] pdf) {
    try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      return new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Not a PDF", e);
    }
  }
}
