package org.osce.vienna.notification;

import jakarta.activation.DataHandler;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.PreencodedMimeBodyPart;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.mail.util.StreamProvider;
import java.time.Instant;
import java.io.UnsupportedEncodingException;
import java.util.Date;
import java.util.List;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.osce.vienna.engine.EngineClock;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Hands one message, to one recipient, to the SMTP server ({@code spring.mail.*}) and says when
 * the server accepted it. Every message carries the Message-ID it is given, so a message sent twice
 * is recognisably the same message.
 */
@Component
public class SmtpMailer {

  static {
    // Jakarta Mail looks up its StreamProvider with a ServiceLoader on every body part, multipart and encoding
    // it creates (jakartaee/mail-api#861), which scans every jar of the application's classpath: a twentieth
    // of the application's CPU under load. Named here, it is instantiated directly. A provider set with -D wins.
    if (System.getProperty(StreamProvider.class.getName()) == null) {
      System.setProperty(StreamProvider.class.getName(), MailStreamProvider.class.getName());
    }
  }

  /**
   * One message to one recipient, named as {@link CaseNotices} names it and resolved to an address here: the
   * only address on the message, so no recipient learns who else was told.
   */
  public record Mail(String messageId, String recipient, String subject, String body,
      List<Attachment> attachments, Sender sender) {

    /** A notice of the application: from its own address. */
    public Mail(String messageId, String recipient, String subject, String body, List<Attachment> attachments) {
      this(messageId, recipient, subject, body, attachments, null);
    }
  }

  /**
   * Who a message is sent for, when it is not the application's own notice: named in From (the address stays the
   * application's, which the mail server may send from) and answered at the recipient's address (Reply-To).
   *
   * @param name e.g. "Delegation of the United Kingdom"
   * @param replyTo a recipient as {@link CaseNotices} names it, e.g. {@code delegation-gb}
   */
  public record Sender(String name, String replyTo) {
  }

  private final JavaMailSender sender;
  private final MailAddresses addresses;
  private final MailSettings settings;

  public SmtpMailer(JavaMailSender sender, MailAddresses addresses, MailSettings settings) {
    if (sender instanceof JavaMailSenderImpl impl) {
      MailConnections.configure(impl);
    }
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

  /**
   * Several messages in a row over one connection (a pass of the dispatcher), so that each costs one SMTP
   * transaction rather than a connection, greeting and login of its own; close it when done. A connection
   * serves {@value #MESSAGES_PER_CONNECTION} messages at most (some servers allow no more), then a new one is
   * opened; a failed message closes it.
   */
  public Session session() {
    return new Session();
  }

  /** At most this many messages over one connection. */
  static final int MESSAGES_PER_CONNECTION = 20;

  /** See {@link #session()}. */
  public final class Session implements AutoCloseable {

    private Transport transport;
    private int sentOnConnection;

    private Session() {
    }

    /**
     * Sends one message and returns when the server accepted it. On a connection that has served earlier
     * messages a failure is tried once more on a new connection (the server may have closed it meanwhile).
     *
     * @throws org.springframework.mail.MailException when the server is unreachable or refuses it
     */
    public Instant send(Mail mail) {
      if (!(sender instanceof JavaMailSenderImpl impl)) {
        return SmtpMailer.this.send(mail);
      }
      MimeMessage message = message(mail);
      boolean reused = transport != null && sentOnConnection < MESSAGES_PER_CONNECTION;
      try {
        return deliver(impl, message, mail.messageId());
      } catch (MailSendException e) {
        if (!reused) {
          throw e;
        }
        return deliver(impl, message, mail.messageId());
      }
    }

    private Instant deliver(JavaMailSenderImpl impl, MimeMessage message, String messageId) {
      if (transport == null || sentOnConnection >= MESSAGES_PER_CONNECTION) {
        close();
        transport = connect(impl);
        sentOnConnection = 0;
      }
      try {
        message.saveChanges();
        // saveChanges sets a Message-ID of its own: the message's own goes back.
        message.setHeader("Message-ID", messageId);
        transport.sendMessage(message, message.getAllRecipients());
        sentOnConnection++;
        return EngineClock.now();
      } catch (MessagingException e) {
        close();
        throw new MailSendException("Message " + messageId + " not accepted", e);
      }
    }

    /** As {@link JavaMailSenderImpl} connects: no login for an empty user name. */
    private static Transport connect(JavaMailSenderImpl impl) {
      String username = "".equals(impl.getUsername()) ? null : impl.getUsername();
      String password = username == null && "".equals(impl.getPassword()) ? null : impl.getPassword();
      try {
        Transport connected = impl.getSession().getTransport(impl.getProtocol() == null ? "smtp" : impl.getProtocol());
        connected.connect(impl.getHost(), impl.getPort(), username, password);
        return connected;
      } catch (AuthenticationFailedException e) {
        throw new MailAuthenticationException(e);
      } catch (MessagingException e) {
        throw new MailSendException("Mail server connection failed", e);
      }
    }

    @Override
    public void close() {
      if (transport != null) {
        try {
          transport.close();
        } catch (MessagingException e) {
          // Each message was accepted or has failed already: a connection that does not close cleanly changes nothing.
        }
        transport = null;
      }
    }
  }

  MimeMessage message(Mail mail) {
    try {
      MimeMessage message = sender.createMimeMessage();
      // Plain text, and attachments (if any) side by side: multipart/mixed, nothing inline.
      MimeMessageHelper helper = mail.attachments().isEmpty() ? new MimeMessageHelper(message, "UTF-8")
          : new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED, "UTF-8");
      if (mail.sender() == null) {
        helper.setFrom(settings.from());
      } else {
        helper.setFrom(settings.from(), mail.sender().name());
        helper.setReplyTo(addresses.of(mail.sender().replyTo()));
      }
      helper.setTo(addresses.of(mail.recipient()));
      helper.setSubject(mail.subject());
      helper.setText(mail.body(), false);
      helper.setSentDate(Date.from(EngineClock.now()));
      for (Attachment attachment : mail.attachments()) {
        helper.getRootMimeMultipart().addBodyPart(part(attachment));
      }
      // JavaMailSenderImpl keeps a Message-ID set before sending (saveChanges would invent a new one).
      message.setHeader("Message-ID", mail.messageId());
      return message;
    } catch (MessagingException | UnsupportedEncodingException e) {
      throw new MailPreparationException("Message " + mail.messageId() + " could not be prepared", e);
    }
  }

  /**
   * A file as MimeMessageHelper attaches one, but in the base64 the file keeps: Jakarta Mail would otherwise read the
   * whole file to choose an encoding and encode it again for every message (a third of the outbox's CPU).
   */
  private static MimeBodyPart part(Attachment file) throws MessagingException {
    MimeBodyPart part = new PreencodedMimeBodyPart("base64");
    part.setDisposition(Part.ATTACHMENT);
    part.setFileName(file.fileName());
    part.setDataHandler(new DataHandler(new ByteArrayDataSource(file.base64(), file.contentType())));
    return part;
  }
}
