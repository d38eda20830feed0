package org.osce.vienna.delivery;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.osce.vienna.drafting.Letter;
import org.osce.vienna.signoff.OnBehalfOf;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Composes the final letter from the approved draft and the delegations that joined, as HTML
 * (template {@code templates/letter/final-letter.html}).
 */
@Component
public class LetterComposer {

  static final String TEMPLATE = "letter/final-letter";
  private static final DateTimeFormatter LETTER_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

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
    Context context = new Context(Locale.ENGLISH);
    context.setVariable("title", "Letter to " + letter.addressee().mission());
    context.setVariable("letter", letter);
    context.setVariable("placeAndDate", placeAndDate(letter, date));
    context.setVariable("onBehalfOf", OnBehalfOf.sentence(signatories));
    context.setVariable("romans", IntStream.rangeClosed(1, letter.concerns().size()).mapToObj(LetterComposer::roman)
        .toList());
    context.setVariable("closing", closing(letter, defaultResponsePeriodDays));
    return templates.process(TEMPLATE, context);
  }

  static String placeAndDate(Letter letter, LocalDate date) {
    String place = letter.place() == null || letter.place().isBlank() ? "Vienna" : letter.place();
    return place + ", " + LETTER_DATE.format(date);
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
