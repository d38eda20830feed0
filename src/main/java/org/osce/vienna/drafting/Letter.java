package org.osce.vienna.drafting;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The structured letter (variable {@code letter}), the shape of
 * {@code letter-2021-11-04-belarus.json}. The published letter's fields that a draft does not use
 * ({@code source}, {@code date}, {@code onBehalfOf}, {@code onBehalfOfAsWritten}) are ignored: the
 * list of delegations is made from the sign-off and the date is the day of signing, never typed in.
 * Any other field is refused ({@link LetterReader}), so a misspelt one is never lost.
 */
@JsonIgnoreProperties({"source", "date", "onBehalfOf", "onBehalfOfAsWritten"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Letter(
    String place,
    Addressee addressee,
    List<String> introduction,
    String concernsLead,
    List<Concern> concerns,
    String questionsLead,
    List<String> questions,
    String closing,
    Integer responsePeriodDays) {

  /** The head of the addressee's mission, to whom the letter is written. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Addressee(String state, String honorific, String name, String title, String mission,
      String salutation) {
  }

  public record Concern(String topic, String text) {
  }

  public int responsePeriodOr(int defaultDays) {
    return responsePeriodDays != null ? responsePeriodDays : defaultDays;
  }
}
