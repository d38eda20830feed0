package org.osce.vienna.delivery;

import org.osce.vienna.casefile.DateTimes;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import org.osce.vienna.drafting.Letter;
import org.osce.vienna.signoff.OnBehalfOf;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Composes the final letter from the approved draft and the delegations that joined, as HTML
 * (template {@code templates/letter/final-letter.html}): the document (for the PDF and the browser),
 * the same letter marked as a draft (as it will read), and the letter's text for a Tasklist form.
 */
@Component
public class LetterComposer {

  static final String TEMPLATE = "letter/final-letter";

  private final TemplateEngine templates;

  public LetterComposer(TemplateEngine templates) {
    this.templates = templates;
  }

  /**
   * @param signatories codes of every State the letter is sent on behalf of (the lead included)
   * @param date the date the letter bears
   * @param defaultResponsePeriodDays the reply period when the draft names none
   */
  public String html(Letter letter, List<String> signatories, LocalDate date, int defaultResponsePeriodDays) {
    return templates.process(TEMPLATE, context(letter, signatories, date, defaultResponsePeriodDays));
  }

  /** The letter as it will read, marked as a draft with {@code note} above it. */
  public String draftHtml(Letter letter, List<String> signatories, LocalDate date, int defaultResponsePeriodDays,
      String note) {
    Context context = context(letter, signatories, date, defaultResponsePeriodDays);
    context.setVariable("draftNote", note);
    return templates.process(TEMPLATE, context);
  }

  /**
   * The letter's text as a Tasklist form shows it (a form's "text" component takes the letter's own
   * paragraphs and lists, not its styles): one line of HTML, so that the form's Markdown takes it as
   * it is, in a {@code div} of class {@code vm-letter}.
   */
  public String formHtml(Letter letter, List<String> signatories, LocalDate date, int defaultResponsePeriodDays) {
    Context context = context(letter, signatories, date, defaultResponsePeriodDays);
    context.setVariable("inForm", true);
    String body = templates.process(TEMPLATE, Set.of("body"), context).strip();
    body = body.substring(body.indexOf('>') + 1, body.lastIndexOf("</body>"));
    return ("<div class=\"vm-letter\">" + body + "</div>").replaceAll(">\\s+<", "><").replaceAll("\\s*\n\\s*", " ");
  }

  private static Context context(Letter letter, List<String> signatories, LocalDate date,
      int defaultResponsePeriodDays) {
    Context context = new Context(Locale.ENGLISH);
    context.setVariable("title", "Letter to " + letter.addressee().mission());
    context.setVariable("letter", letter);
    context.setVariable("placeAndDate", placeAndDate(letter, date));
    context.setVariable("onBehalfOf", OnBehalfOf.followingDelegations(signatories));
    context.setVariable("romans", IntStream.rangeClosed(1, letter.concerns().size()).mapToObj(LetterComposer::roman)
        .toList());
    context.setVariable("closing", closing(letter, defaultResponsePeriodDays));
    return context;
  }

  static String placeAndDate(Letter letter, LocalDate date) {
    String place = letter.place() == null || letter.place().isBlank() ? "Vienna" : letter.place();
    return place + ", " + DateTimes.shownDay(date);
  }

  static String closing(Letter letter, int defaultResponsePeriodDays) {
    if (letter.closing() != null && !letter.closing().isBlank()) {
      return letter.closing();
    }
    return "We expect to receive information in response to these concerns in writing within "
        + letter.responsePeriodOr(defaultResponsePeriodDays)
        + " days, in accordance with the Vienna (Human Dimension) Mechanism.";
  }

  /** Lower-case Roman numerals, as the concerns of a letter are numbered: (i), (ii), (iii), (iv) … */
  static String roman(int number) {
    int[] values = {50, 40, 10, 9, 5, 4, 1};
    String[] symbols = {"l", "xl", "x", "ix", "v", "iv", "i"};
    StringBuilder result = new StringBuilder();
    int rest = number;
    for (int i = 0; i < values.length; i++) {
      while (rest >= values[i]) {
        result.append(symbols[i]);
        rest -= values[i];
      }
    }
    return result.toString();
  }
}
