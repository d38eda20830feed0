package org.osce.vienna.notification;

import java.time.Instant;
import java.util.List;
import org.osce.vienna.delivery.LetterMail;
import org.osce.vienna.delivery.LetterPdf;
import org.osce.vienna.delivery.Letters;
import org.springframework.stereotype.Component;

/**
 * Sends the final letter, as PDF, to the addressee's mission while the delivery step runs, and
 * records it with the case's notifications. It is the lead delegation's letter: From names the delegation and
 * Reply-To is its address, so that the mission's answer reaches people who read it. Sent at once rather than queued because the letter
 * counts as delivered when the mail server accepts it: that moment starts the reply clock.
 *
 * <p>The Message-ID is the same for every attempt of a case ({@code <vm-letter-REF@vienna-mechanism>}):
 * if the step fails after the server took the letter but before its transaction commits (the engine
 * then retries it), the letter goes out again as the same message. Each sending is recorded.
 */
@Component
public class LetterByEmail implements LetterMail {

  private final Letters letters;
  private final LetterPdf pdf;
  private final CaseNotices notices;
  private final SmtpMailer mailer;
  private final NotificationOutbox outbox;

  public LetterByEmail(Letters letters, LetterPdf pdf, CaseNotices notices, SmtpMailer mailer,
      NotificationOutbox outbox) {
    this.letters = letters;
    this.pdf = pdf;
    this.notices = notices;
    this.mailer = mailer;
    this.outbox = outbox;
  }

  /** @return when the mail server accepted the letter */
  @Override
  public Instant send(String reference, String label, String addressee, String lead) {
    String messageId = MessageIds.letter(reference);
    Letters.FinalLetter letter = letters.find(reference)
        .orElseThrow(() -> new IllegalStateException("Case " + reference + " has no composed letter to send"));
    Notice notice = notices.letterToAddressee(reference, label, addressee, lead, letter);
    Attachment document = new Attachment(LetterPdf.fileName(reference), LetterPdf.MEDIA_TYPE, pdf.render(letter.html()));
    Instant acceptedAt = mailer.send(new SmtpMailer.Mail(messageId, notice.recipients().get(0), notice.subject(),
        notice.body(), List.of(document), notices.letterSender(lead)));
    outbox.recordSent(reference, notice, messageId, acceptedAt);
    return acceptedAt;
  }
}
