package org.osce.vienna.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osce.vienna.support.Fixtures;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The 2021 letter as a PDF: read back with PDFBox, it holds the published words, its pages are A4
 * and numbered, and it carries its fonts.
 */
class LetterPdfTest {

  private static byte[] pdf;
  /** The text of each page, white space normalised, page number left in. */
  private static List<String> pages;

  @BeforeAll
  static void renderThe2021Letter() throws IOException {
    List<String> signatories = new ArrayList<>(List.of("GB"));
    signatories.addAll(Fixtures.CO_SIGNATORIES_2021);
    String html = new LetterComposer(engine()).html(Fixtures.letter(), signatories, LocalDate.of(2021, 11, 4), 10);
    pdf = new LetterPdf().render(html);
    // Left in target/ for a person to look at.
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target/letter-2021-11-04-belarus.pdf"), pdf);
    pages = new ArrayList<>();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      for (int page = 1; page <= document.getNumberOfPages(); page++) {
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        pages.add(Fixtures.normalise(stripper.getText(document)));
      }
    }
  }

  private static SpringTemplateEngine engine() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    return engine;
  }

  /** The letter's text as a reader reads it: the pages in order, without the page numbers at their feet. */
  private static String body() {
    List<String> text = new ArrayList<>();
    for (int i = 0; i < pages.size(); i++) {
      String footer = "Page " + (i + 1) + " of " + pages.size();
      assertThat(pages.get(i)).as("page %d", i + 1).endsWith(footer);
      text.add(pages.get(i).substring(0, pages.get(i).length() - footer.length()));
    }
    return Fixtures.normalise(String.join(" ", text));
  }

  @Test
  void everyParagraphConcernAndQuestionOfThePublishedLetterIsThereWordForWord() {
    String published = Fixtures.normalise(Fixtures.read(Fixtures.LETTER_TEXT));
    String body = body();
    for (String expected : Fixtures.publishedLetterParts()) {
      assertThat(published).as("published letter").contains(expected);
      assertThat(body).as("the PDF's text").contains(expected);
    }
  }

  @Test
  void curlyQuotesAndApostrophesPrintAsTheyAreWritten() {
    assertThat(body()).contains("invoked the OSCE’s “Moscow Mechanism” to establish", "Belarus’ commitments");
  }

  @Test
  void theDelegationsSentenceListsAll35InTheProjectsOrderWithTodaysNames() {
    assertThat(body()).contains("This letter is being sent to you on behalf of the following delegations: "
        + "Albania, Austria, Belgium, Bulgaria, Canada, Croatia, Cyprus, Czechia, Denmark, Estonia, Finland, "
        + "France, Germany, Greece, Hungary, Iceland, Ireland, Italy, Latvia, Lithuania, Luxembourg, Malta, "
        + "Montenegro, the Netherlands, North Macedonia, Norway, Portugal, Romania, Slovakia, Slovenia, Spain, "
        + "Switzerland, Ukraine, the United Kingdom, and the United States.");
  }

  @Test
  void everyPageIsA4AndNumberedPageXOfY() throws IOException {
    assertThat(pages).hasSizeGreaterThan(1);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      for (PDPage page : document.getPages()) {
        // A4 is 595.28 × 841.89 points; the renderer rounds to whole CSS pixels.
        assertThat(page.getMediaBox().getWidth()).isCloseTo(PDRectangle.A4.getWidth(), Offset.offset(1f));
        assertThat(page.getMediaBox().getHeight()).isCloseTo(PDRectangle.A4.getHeight(), Offset.offset(1f));
      }
    }
    for (int i = 0; i < pages.size(); i++) {
      assertThat(pages.get(i)).endsWith("Page " + (i + 1) + " of " + pages.size());
    }
  }

  @Test
  void everyFontIsEmbedded() throws IOException {
    List<String> fonts = new ArrayList<>();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      for (PDPage page : document.getPages()) {
        for (var name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          fonts.add(font.getName());
          assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue();
        }
      }
    }
    assertThat(fonts).isNotEmpty().allSatisfy(name -> assertThat(name).contains("DejaVuSerif"));
  }

  @Test
  void aLetterRenderedAgainIsTheSameDocumentAndAChangedLetterIsRenderedAnew() throws IOException {
    LetterPdf renderer = new LetterPdf();
    String letter = "<html><body><p>The first letter.</p></body></html>";
    byte[] first = renderer.render(letter);
    byte[] again = renderer.render(letter);
    again[0] = 0;
    assertThat(renderer.render(letter)).as("a caller's copy changed does not change the next").isEqualTo(first);
    byte[] changed = renderer.render(letter.replace("first", "second"));
    try (PDDocument document = Loader.loadPDF(changed)) {
      assertThat(new PDFTextStripper().getText(document)).contains("The second letter.");
    }
  }
}
