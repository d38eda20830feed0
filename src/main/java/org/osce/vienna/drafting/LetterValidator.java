package org.osce.vienna.drafting;

import java.util.List;
import org.osce.vienna.casefile.FieldErrors;
import org.osce.vienna.casefile.ParticipatingStates;

/**
 * What a letter must contain before heads can approve it and delegations can co-sign it. Its limits are
 * written here only; the draft's input contract ({@link DraftInput}) states them for the form's fields.
 */
public final class LetterValidator {

  /** A paragraph: of the introduction, a concern's text, a question, the leads and the closing. */
  public static final int MAX_PARAGRAPH = 10_000;
  /** Paragraphs of the introduction, concerns, questions: each at most this many. */
  public static final int MAX_ITEMS = 50;
  public static final int MIN_RESPONSE_PERIOD_DAYS = 1;
  public static final int MAX_RESPONSE_PERIOD_DAYS = 90;
  /** The addressee's name, title and salutation. */
  public static final int MAX_NAME = 200;
  public static final int MAX_MISSION = 300;
  public static final int MAX_HONORIFIC = 100;
  public static final int MAX_TOPIC = 300;
  public static final int MAX_PLACE = 100;

  private LetterValidator() {
  }

  /** Adds to {@code errors} what is wrong with {@code letter} addressed to {@code addresseeState}. */
  public static void validate(Letter letter, String addresseeState, FieldErrors errors) {
    if (letter == null) {
      errors.add("letter", "is required");
      return;
    }
    Letter.Addressee addressee = letter.addressee();
    if (addressee == null) {
      errors.add("letter.addressee", "is required (the head of the addressee's mission)");
    } else {
      requireText(addressee.name(), "letter.addressee.name", MAX_NAME, errors);
      requireText(addressee.mission(), "letter.addressee.mission", MAX_MISSION, errors);
      requireText(addressee.salutation(), "letter.addressee.salutation", MAX_NAME, errors);
      optionalText(addressee.honorific(), "letter.addressee.honorific", MAX_HONORIFIC, errors);
      optionalText(addressee.title(), "letter.addressee.title", MAX_NAME, errors);
      if (addressee.state() != null && !addressee.state().isBlank()) {
        ParticipatingStates.all().find(addressee.state()).ifPresentOrElse(state -> {
          if (addresseeState != null && !state.code().equalsIgnoreCase(addresseeState)) {
            errors.add("letter.addressee.state", "is " + state.code() + " but the case is addressed to " + addresseeState);
          }
        }, () -> errors.add("letter.addressee.state", ParticipatingStates.all().whyNot(addressee.state())));
      }
    }
    requireParagraphs(letter.introduction(), "letter.introduction", errors);
    if (letter.concerns() == null || letter.concerns().isEmpty()) {
      errors.add("letter.concerns", "needs at least one concern");
    } else if (letter.concerns().size() > MAX_ITEMS) {
      errors.add("letter.concerns", "has more than " + MAX_ITEMS + " concerns");
    } else {
      for (int i = 0; i < letter.concerns().size(); i++) {
        Letter.Concern concern = letter.concerns().get(i);
        if (concern == null) {
          errors.add("letter.concerns[" + i + "]", "is empty");
          continue;
        }
        requireText(concern.topic(), "letter.concerns[" + i + "].topic", MAX_TOPIC, errors);
        requireText(concern.text(), "letter.concerns[" + i + "].text", MAX_PARAGRAPH, errors);
      }
    }
    requireParagraphs(letter.questions(), "letter.questions", errors);
    optionalText(letter.concernsLead(), "letter.concernsLead", MAX_PARAGRAPH, errors);
    optionalText(letter.questionsLead(), "letter.questionsLead", MAX_PARAGRAPH, errors);
    optionalText(letter.closing(), "letter.closing", MAX_PARAGRAPH, errors);
    optionalText(letter.place(), "letter.place", MAX_PLACE, errors);
    if (letter.responsePeriodDays() != null
        && (letter.responsePeriodDays() < MIN_RESPONSE_PERIOD_DAYS
            || letter.responsePeriodDays() > MAX_RESPONSE_PERIOD_DAYS)) {
      errors.add("letter.responsePeriodDays", "must be between " + MIN_RESPONSE_PERIOD_DAYS + " and "
          + MAX_RESPONSE_PERIOD_DAYS + " days");
    }
  }

  private static void requireParagraphs(List<String> paragraphs, String field, FieldErrors errors) {
    if (paragraphs == null || paragraphs.isEmpty()) {
      errors.add(field, "needs at least one entry");
      return;
    }
    if (paragraphs.size() > MAX_ITEMS) {
      errors.add(field, "has more than " + MAX_ITEMS + " entries");
      return;
    }
    for (int i = 0; i < paragraphs.size(); i++) {
      requireText(paragraphs.get(i), field + "[" + i + "]", MAX_PARAGRAPH, errors);
    }
  }

  private static void requireText(String value, String field, int max, FieldErrors errors) {
    if (value == null || value.isBlank()) {
      errors.add(field, "is required");
    } else {
      optionalText(value, field, max, errors);
    }
  }

  private static void optionalText(String value, String field, int max, FieldErrors errors) {
    if (value != null && value.length() > max) {
      errors.add(field, "is longer than " + max + " characters");
    }
  }
}
