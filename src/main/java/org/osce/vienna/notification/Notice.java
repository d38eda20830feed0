package org.osce.vienna.notification;

import java.util.List;

/**
 * One notice of the procedure, as {@link CaseNotices} words it: the event, who is told (group
 * ids such as {@code delegation-gb}, or {@code mission-by}), what they read, and a calendar entry
 * when the notice is about a date.
 */
public record Notice(String event, List<String> recipients, String subject, String body, IcsFile calendar) {

  public Notice {
    recipients = List.copyOf(recipients);
  }

  public Notice(String event, List<String> recipients, String subject, String body) {
    this(event, recipients, subject, body, null);
  }
}
