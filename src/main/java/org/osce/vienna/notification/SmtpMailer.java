package org.osce.vienna.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.osce.vienna.engine.EngineClock;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Hands one message to the SMTP server ({@code spring.mail.*}) and says when the server accepted
 * it. Every message carries the Message-ID it is given, so a message sent twice is recognisably
 * the same message.
 */
@Component
public class SmtpMailer {

  /** One message: recipients as {@link CaseNotices} names them, resolved to addresses here. */
  public record Mail(String messageId, List<String> recipients, String subject, String body,
      List<Attachment> attachments) {
  }

  private final JavaMailSender sender;
  private final MailAddresses addresses;
  private final MailSettings settings;

  public SmtpMailer(JavaMailSender sender, MailAddresses addresses, MailSettings settings) {
    this.sender = sender;
    this.addresses = addresses;
    this.settings = settings;
  }

  /**
   * Sends and returns when the server accepted the message (after its reply to the data).
   *
   * @throws org.springframework.mail.MailException when the server is unreachable or refuses it
   */
  public Instant send(Mail mail) {
    sender.send(message(mail));
    return EngineClock.now();
  }

  MimeMessage message(Mail mail) {
    try {
      MimeMessage message = sender.createMimeMessage();
      // Plain text, and attachments (if any) side by side: multipart/mixed, nothing inline.
      MimeMessageHelper helper = mail.attachments().isEmpty() ? new MimeMessageHelper(message, "UTF-8")
          : new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED, "UTF-8");
      helper.setFrom(settings.from());
      helper.setTo(mail.recipients().stream().map(addresses::of).distinct().toArray(String[]::new));
      helper.setSubject(mail.subject());
      helper.setText(mail.body(), false);
      helper.setSentDate(Date.from(EngineClock.now()));
      for (Attachment attachment : mail.attachments()) {
        helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()),
            attachment.contentType());
      }
      // JavaMailSenderImpl keeps a Message-ID set before sending (saveChanges would invent a new one).
      message.setHeader("Message-ID", mail.messageId());
      return message;
    } catch (MessagingException e) {
      throw new MailPreparationException("Message " + mail.messageId() + " could not be prepared", e);
    }
  }
}
