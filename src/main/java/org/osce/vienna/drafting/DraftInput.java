package org.osce.vienna.drafting;

import static org.osce.vienna.engine.ProcessConstants.DRAFT_INTRODUCTION;
import static org.osce.vienna.engine.ProcessConstants.DRAFT_QUESTIONS;
import static org.osce.vienna.engine.ProcessConstants.INVITED_DELEGATIONS;
import static org.osce.vienna.engine.ProcessConstants.LETTER;
import static org.osce.vienna.engine.ProcessConstants.SIGN_OFF_DUE_AT;
import static org.osce.vienna.engine.ProcessConstants.TASK_DRAFT_LETTER;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osce.vienna.casefile.DateTimes;
import org.osce.vienna.casefile.InvalidInputException;
import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.engine.Field;
import org.osce.vienna.engine.InputContract;
import org.osce.vienna.engine.InputReader;
import org.osce.vienna.engine.InputValues;

/**
 * The draft as "Draft the letter" takes it (Tasklist's form, {@code /engine-rest}): the letter, the
 * delegations invited to co-sign ({@link Invitations}) and by when they decide. The letter's own rules are
 * {@link LetterReader}'s and {@link LetterValidator}'s; this contract states its limits for the form's fields.
 *
 * @param invited canonical codes, each once
 * @param signOffDueAt when the co-signing round closes; now when nobody is invited (the round closes at once)
 */
public record DraftInput(Letter letter, List<String> invited, Instant signOffDueAt) {

  public static final Field LETTER_REQUIRED = Field.json(LETTER).required("is required");
  public static final Field INVITED = Field.textList(INVITED_DELEGATIONS)
      .labelled("the list of delegations invited to co-sign");
  public static final Field SIGN_OFF_DUE = Field.dateTime(SIGN_OFF_DUE_AT)
      .labelled("the sign-off deadline");
  /**
   * The form's own lists of the letter's paragraphs and questions, each entry {@code {"text": …}} (Camunda
   * Forms' dynamic lists hold objects, not strings); the form writes them into {@code letter}.
   */
  public static final Field INTRODUCTION_LIST = Field.json(DRAFT_INTRODUCTION)
      .labelled("the introduction");
  public static final Field QUESTIONS_LIST = Field.json(DRAFT_QUESTIONS)
      .labelled("the list of questions");

  static final String WHEN_INVITING = "is required when delegations are invited to co-sign";
  static final String NOT_AN_OBJECT = "must be a JSON object (the shape of letter-2021-11-04-belarus.json)";

  /** "Draft the letter", with the limits of the letter's parts that its form edits as fields. */
  public static final InputContract TASK = InputContract.task(TASK_DRAFT_LETTER, LETTER_REQUIRED, INVITED,
      SIGN_OFF_DUE, INTRODUCTION_LIST, QUESTIONS_LIST).withParts(
      Field.text("letter.addressee.honorific", LetterValidator.MAX_HONORIFIC),
      Field.text("letter.addressee.name", LetterValidator.MAX_NAME).required("is required"),
      Field.text("letter.addressee.title", LetterValidator.MAX_NAME),
      Field.text("letter.addressee.mission", LetterValidator.MAX_MISSION).required("is required"),
      Field.text("letter.addressee.salutation", LetterValidator.MAX_NAME).required("is required"),
      Field.text("letter.place", LetterValidator.MAX_PLACE),
      Field.text(DRAFT_INTRODUCTION + ".text", LetterValidator.MAX_PARAGRAPH).required("is required"),
      Field.text("letter.concernsLead", LetterValidator.MAX_PARAGRAPH),
      Field.text("letter.concerns.topic", LetterValidator.MAX_TOPIC).required("is required"),
      Field.text("letter.concerns.text", LetterValidator.MAX_PARAGRAPH).required("is required"),
      Field.text("letter.questionsLead", LetterValidator.MAX_PARAGRAPH),
      Field.text(DRAFT_QUESTIONS + ".text", LetterValidator.MAX_PARAGRAPH).required("is required"),
      Field.text("letter.closing", LetterValidator.MAX_PARAGRAPH),
      Field.number("letter.responsePeriodDays", LetterValidator.MIN_RESPONSE_PERIOD_DAYS,
          LetterValidator.MAX_RESPONSE_PERIOD_DAYS));

  public static final String REFUSED = "The draft cannot be submitted";

  /**
   * Reads and checks a submitted draft of a case of {@code lead} to {@code addressee}, throwing once with
   * every problem: a letter addressed to the addressee, the invitations, and a sign-off deadline in the
   * future when anyone is invited.
   */
  public static DraftInput read(InputValues values, String lead, String addressee, Instant now) {
    InputReader in = new InputReader(values);
    Letter letter = readLetter(in, LETTER_REQUIRED, addressee);
    List<String> invited = Invitations.check(in.texts(INVITED), lead, addressee, in.errors());
    Instant dueAt = in.dateTime(SIGN_OFF_DUE);
    if (invited.isEmpty()) {
      // Nobody to wait for: the round closes at once (the model's sign-off timer needs a time).
      dueAt = now;
    } else if (dueAt == null && !in.isWrong(SIGN_OFF_DUE_AT)) {
      in.refuse(SIGN_OFF_DUE_AT, WHEN_INVITING);
    } else if (dueAt != null) {
      mustBeAhead(in, dueAt, now);
    }
    in.json(INTRODUCTION_LIST);
    in.json(QUESTIONS_LIST);
    in.throwIfAny(REFUSED);
    return new DraftInput(letter, invited, dueAt);
  }

  /** The letter of {@code field}, read strictly and checked; null when absent or wrong (noted in {@code in}). */
  static Letter readLetter(InputReader in, Field field, String addressee) {
    JsonNode node = in.json(field);
    if (node == null) {
      return null;
    }
    if (!node.isObject()) {
      in.refuse(field.name(), NOT_AN_OBJECT);
      return null;
    }
    try {
      Letter letter = LetterReader.read(node.toString());
      LetterValidator.validate(letter, addressee, in.errors());
      return letter;
    } catch (InvalidInputException e) {
      in.refuse(e);
      return null;
    }
  }

  /** A sign-off deadline is in the future (strictly: the round is still to run). */
  static void mustBeAhead(InputReader in, Instant dueAt, Instant now) {
    if (!dueAt.isAfter(now)) {
      in.refuse(SIGN_OFF_DUE_AT, "must be in the future: " + DateTimes.shown(dueAt) + " has passed");
    }
  }

  /**
   * The form's lists ({@link #INTRODUCTION_LIST}, {@link #QUESTIONS_LIST}) of a letter, so that the officer
   * finds every paragraph and question of a letter that came with the case in the form.
   */
  public static Map<String, Object> formLists(Letter letter) {
    Map<String, Object> lists = new LinkedHashMap<>();
    lists.put(DRAFT_INTRODUCTION, CaseVariables.jsonValue(texts(letter.introduction())));
    lists.put(DRAFT_QUESTIONS, CaseVariables.jsonValue(texts(letter.questions())));
    return lists;
  }

  private static List<Map<String, String>> texts(List<String> lines) {
    return lines == null ? List.of() : lines.stream().map(line -> Map.of("text", line)).toList();
  }
}
