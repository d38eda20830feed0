package org.osce.vienna.notification;

import java.time.Instant;
import java.util.List;

/**
 * One notice of the procedure, as {@link CaseNotices} words it: the event, who is told (group
 * ids such as {@code delegation-gb}, or {@code mission-by}), what they read, a calendar entry
 * when the notice is about a date, and what they read instead if it can only be sent after the
 * deadline it names, and a document sent with it (the letter). Each recipient gets a message of its own.
 */
public record Notice(String event, List<String> recipients, String subject, String body, IcsFile calendar,
    Late late, Attachment document) {

  /**
   * The words of a notice sent after its deadline (the mail server was down until then): they say
   * that the deadline has passed.
   */
  public record Late(Instant deadline, String subject, String body) {
  }

  public Notice {
    recipients = List.copyOf(recipients);
  }

  public Notice(String event, List<String> recipients, String subject, String body, IcsFile calendar, Late late) {
    this(event, recipients, subject, body, calendar, late, null);
  }

  public Notice(String event, List<String> recipients, String subject, String body, IcsFile calendar) {
    this(event, recipients, subject, body, calendar, null, null);
  }

  public Notice(String event, List<String> recipients, String subject, String body) {
    this(event, recipients, subject, body, null, null, null);
  }

  /** The same notice with {@code document} attached: kept once, however many recipients it has. */
  public Notice with(Attachment document) {
    return new Notice(event, recipients, subject, body, calendar, late, document);
  }
}
