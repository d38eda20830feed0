package org.osce.vienna.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osce.vienna.support.Fixtures;
import org.springframework.web.util.HtmlUtils;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** The 2021 letter, composed from its structured form, reads as the published letter did. */
class LetterComposerTest {

  private final LetterComposer composer = new LetterComposer(engine());

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

  private String composedText() {
    List<String> signatories = new ArrayList<>(List.of("GB"));
    signatories.addAll(Fixtures.CO_SIGNATORIES_2021);
    String html = composer.html(Fixtures.letter(), signatories, LocalDate.of(2021, 11, 4), 10);
    return Fixtures.normalise(HtmlUtils.htmlUnescape(html.replaceAll("(?s)<style.*?</style>", "")
        .replaceAll("(?s)<title.*?</title>", "").replaceAll("<[^>]+>", " ")));
  }

  @Test
  void everyParagraphConcernAndQuestionOfThePublishedLetterIsThereWordForWord() {
    String published = Fixtures.normalise(Fixtures.read(Fixtures.LETTER_TEXT));
    String composed = composedText();
    for (String expected : Fixtures.publishedLetterParts()) {
      // The fixture itself must hold the published words, or this test would prove nothing.
      assertThat(published).as("published letter").contains(expected);
      assertThat(composed).as("composed letter").contains(expected);
    }
  }

  @Test
  void theDelegationsSentenceListsAll35InTheProjectsOrderWithTodaysNames() {
    assertThat(composedText()).contains("This letter is being sent to you on behalf of the following delegations: "
        + "Albania, Austria, Belgium, Bulgaria, Canada, Croatia, Cyprus, Czechia, Denmark, Estonia, Finland, "
        + "France, Germany, Greece, Hungary, Iceland, Ireland, Italy, Latvia, Lithuania, Luxembourg, Malta, "
        + "Montenegro, the Netherlands, North Macedonia, Norway, Portugal, Romania, Slovakia, Slovenia, Spain, "
        + "Switzerland, Ukraine, the United Kingdom, and the United States.");
  }

  /**
   * The text a Tasklist form shows: the same letter word for word, on one line (a form's Markdown
   * would take an indented line for code), without the document's head and styles, and the concerns
   * as paragraphs, which carry their own numerals.
   */
  @Test
  void theFormsTextIsTheSameLetterOnOneLine() {
    List<String> signatories = new ArrayList<>(List.of("GB"));
    signatories.addAll(Fixtures.CO_SIGNATORIES_2021);
    String html = composer.formHtml(Fixtures.letter(), signatories, LocalDate.of(2021, 11, 4), 10);
    assertThat(html).startsWith("<div class=\"vm-letter\"><p class=\"place-date\" align=\"right\">")
        .endsWith("</div>").contains("<p class=\"addressee\"><span>His Excellency</span><br/><span>")
        .doesNotContain("\n", "<style", "<title", "<body", "<ol class=\"concerns\"", "draft-note")
        .contains("<div class=\"concerns\"><p>(i) ");
    String text = Fixtures.normalise(HtmlUtils.htmlUnescape(html.replaceAll("<[^>]+>", " ")));
    for (String expected : Fixtures.publishedLetterParts()) {
      assertThat(text).contains(expected);
    }
  }

  @Test
  void theLetterAsItWillReadIsMarkedAsADraft() {
    String html = composer.draftHtml(Fixtures.letter(), List.of("GB"), LocalDate.of(2021, 11, 4), 10,
        LetterPreview.NOTE);
    assertThat(html).contains("<p class=\"draft-note\">Draft: the letter as it will read.",
        "on behalf of the following delegation: the United Kingdom.</p>");
    assertThat(composer.html(Fixtures.letter(), List.of("GB"), LocalDate.of(2021, 11, 4), 10))
        .doesNotContain("draft-note\">");
  }

  @Test
  void concernsAreNumberedInLowerCaseRomanNumerals() {
    assertThat(List.of(1, 2, 3, 4, 5, 9, 14, 40).stream().map(LetterComposer::roman))
        .containsExactly("i", "ii", "iii", "iv", "v", "ix", "xiv", "xl");
  }
}
