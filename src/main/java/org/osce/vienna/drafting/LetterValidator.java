package org.osce.vienna.drafting;

import org.osce.vienna.casefile.FieldErrors;
import org.osce.vienna.casefile.ParticipatingStates;
import java.util.List;

/** What a letter must contain before heads can approve it and delegations can co-sign it. */
public final class LetterValidator {

  static final int MAX_PARAGRAPH = 10_000;
  static final int MAX_ITEMS = 50;
  static final int MAX_RESPONSE_PERIOD_DAYS = 90;

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
      requireText(addressee.name(), "letter.addressee.name", 200, errors);
      requireText(addressee.mission(), "letter.addressee.mission", 300, errors);
      requireText(addressee.salutation(), "letter.addressee.salutation", 200, errors);
      optionalText(addressee.honorific(), "letter.addressee.honorific", 100, errors);
      optionalText(addressee.title(), "letter.addressee.title", 200, errors);
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
        requireText(concern.topic(), "letter.concerns[" + i + "].topic", 300, errors);
        requireText(concern.text(), "letter.concerns[" + i + "].text", MAX_PARAGRAPH, errors);
      }
    }
    requireParagraphs(letter.questions(), "letter.questions", errors);
    optionalText(letter.concernsLead(), "letter.concernsLead", MAX_PARAGRAPH, errors);
    optionalText(letter.questionsLead(), "letter.questionsLead", MAX_PARAGRAPH, errors);
    optionalText(letter.closing(), "letter.closing", MAX_PARAGRAPH, errors);
    optionalText(letter.place(), "letter.place", 100, errors);
    if (letter.responsePeriodDays() != null
        && (letter.responsePeriodDays() < 1 || letter.responsePeriodDays() > MAX_RESPONSE_PERIOD_DAYS)) {
      errors.add("letter.responsePeriodDays", "must be between 1 and " + MAX_RESPONSE_PERIOD_DAYS + " days");
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
