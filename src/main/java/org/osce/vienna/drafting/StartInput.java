package org.osce.vienna.drafting;

import static org.osce.vienna.engine.ProcessConstants.ADDRESSEE_STATE;
import static org.osce.vienna.engine.ProcessConstants.LEAD_DELEGATION;
import static org.osce.vienna.engine.ProcessConstants.LETTER;
import static org.osce.vienna.engine.ProcessConstants.PROCESS_KEY;
import static org.osce.vienna.engine.ProcessConstants.REFERENCE;
import static org.osce.vienna.engine.ProcessConstants.SUBJECT;

import java.time.Instant;
import java.util.List;
import org.osce.vienna.casefile.InvalidInputException;
import org.osce.vienna.casefile.NotActingForLead;
import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.engine.Field;
import org.osce.vienna.engine.InputContract;
import org.osce.vienna.engine.InputReader;
import org.osce.vienna.engine.InputValues;

/**
 * What starts a case, as Tasklist's start form, {@code /engine-rest} and the case API send it: the
 * reference (the business key), the lead delegation, the addressee, the subject, and optionally the draft
 * so far (a letter, the invitations, the sign-off deadline: each checked as the draft checks it, when
 * given). State codes are read in their canonical form (former names and lower case accepted on input).
 *
 * @param invited the canonical codes of the invited delegations; null when none were given
 * @param letter the drafted letter; null when none was given
 * @param signOffDueAt null when not given
 */
public record StartInput(String reference, String leadDelegation, String addresseeState, String subject,
    Letter letter, List<String> invited, Instant signOffDueAt) {

  public static final int MAX_REFERENCE = 64;
  /** The reference appears in URLs. */
  public static final String REFERENCE_PATTERN = "[A-Za-z0-9._-]{1," + MAX_REFERENCE + "}";
  public static final int MAX_SUBJECT = 200;

  public static final Field REFERENCE_FIELD = Field.text(REFERENCE, MAX_REFERENCE)
      .required("is required (the case reference, e.g. VM-2021-BY-01)")
      .labelled("the case reference");
  public static final Field LEAD = Field.state(LEAD_DELEGATION)
      .required("is required (a participating State's code, e.g. GB)")
      .labelled("the lead delegation");
  public static final Field ADDRESSEE = Field.state(ADDRESSEE_STATE)
      .required("is required (a participating State's code, e.g. BY)")
      .labelled("the addressee State");
  public static final Field SUBJECT_FIELD = Field.text(SUBJECT, MAX_SUBJECT)
      .required("is required (a short title of the case)")
      .labelled("the subject");
  /** A case may come with its letter already drafted (from a ministry's system). */
  public static final Field LETTER_FIELD = Field.json(LETTER);

  /** The start of a case; {@code reference} is the business key, also sent as a variable by the start form. */
  public static final InputContract CONTRACT = InputContract.start(PROCESS_KEY, "the start of a case",
      REFERENCE_FIELD, LEAD, ADDRESSEE, SUBJECT_FIELD, LETTER_FIELD, DraftInput.INVITED, DraftInput.SIGN_OFF_DUE);

  public static final String REFUSED = "Invalid start data";
  static final String NOT_URL_SAFE = "must be 1 to " + MAX_REFERENCE + " of A-Z a-z 0-9 . _ - (it appears in URLs)";
  static final String AGAINST_ITSELF = "cannot be the lead delegation: a State does not invoke the mechanism"
      + " against itself";

  /**
   * Reads and checks a start, throwing once with every problem. The reference is the business key
   * ({@code businessKey}, null when the start has none), or else the variable {@code reference}; given
   * both, they must be the same.
   */
  public static StartInput read(InputValues values, String businessKey, Instant now) {
    InputReader in = new InputReader(values);
    String reference = reference(in, values, businessKey);
    String lead = in.state(LEAD);
    String addressee = in.state(ADDRESSEE);
    if (lead != null && lead.equals(addressee)) {
      in.refuse(ADDRESSEE_STATE, AGAINST_ITSELF);
    }
    String subject = in.text(SUBJECT_FIELD);
    // The draft so far: checked now, and again when an officer submits the draft.
    Letter letter = DraftInput.readLetter(in, LETTER_FIELD, addressee);
    List<String> given = in.texts(DraftInput.INVITED);
    List<String> invited = Invitations.check(given, lead, addressee, in.errors());
    Instant dueAt = in.dateTime(DraftInput.SIGN_OFF_DUE);
    if (dueAt != null) {
      DraftInput.mustBeAhead(in, dueAt, now);
    }
    in.throwIfAny(REFUSED);
    boolean invitations = values.get(DraftInput.INVITED.name()) != null;
    return new StartInput(reference, lead, addressee, subject, letter, invitations ? invited : null, dueAt);
  }

  /** The refusal of a start by a user who is none of the lead delegation's officers and heads. */
  public static NotActingForLead notActingForLead(String lead, String userId) {
    return new NotActingForLead(REFUSED, LEAD_DELEGATION, lead, userId, "start its cases");
  }

  private static String reference(InputReader in, InputValues values, String businessKey) {
    String sent = text(in, values, REFERENCE_FIELD);
    if (in.isWrong(REFERENCE)) {
      return null;
    }
    String given = sent == null || sent.isBlank() ? null : sent.strip();
    if (businessKey != null && given != null && !businessKey.equals(given)) {
      in.refuse(REFERENCE, "'" + given + "' differs from the business key '" + businessKey + "'");
      return null;
    }
    String reference = businessKey != null ? businessKey : given;
    if (reference == null || reference.isBlank()) {
      in.refuse(REFERENCE, REFERENCE_FIELD.whenMissing());
      return null;
    }
    if (!reference.matches(REFERENCE_PATTERN)) {
      in.refuse(REFERENCE, NOT_URL_SAFE);
      return null;
    }
    return reference;
  }

  /** The text of a field exactly as sent, or null (a value that is no text is noted in {@code in}). */
  private static String text(InputReader in, InputValues values, Field field) {
    try {
      return CaseVariables.text(values.get(field.name()), field.name());
    } catch (InvalidInputException e) {
      in.refuse(e);
      return null;
    }
  }
}
