package org.osce.vienna.support;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A message as the SMTP server received it, read as a mail client would. */
public record ReceivedMail(MimeMessage message) {

  public record File(String fileName, String contentType, byte[] content) {
    public String text() {
      return new String(content, StandardCharsets.UTF_8);
    }
  }

  public static List<ReceivedMail> all(MimeMessage[] messages) {
    return Arrays.stream(messages).map(ReceivedMail::new).toList();
  }

  public String messageId() {
    return unchecked(message::getMessageID);
  }

  public String subject() {
    return unchecked(message::getSubject);
  }

  public String from() {
    return unchecked(() -> message.getFrom()[0].toString());
  }

  /** Where a reply goes: Reply-To, or From without it. */
  public List<String> replyTo() {
    return unchecked(() -> Arrays.stream(message.getReplyTo()).map(Object::toString).toList());
  }

  public List<String> to() {
    return unchecked(() -> Arrays.stream(message.getAllRecipients()).map(Object::toString).toList());
  }

  /** The plain-text body. */
  public String text() {
    return unchecked(() -> {
      List<Part> parts = parts(message);
      for (Part part : parts) {
        if (part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
          return (String) part.getContent();
        }
      }
      throw new AssertionError("No text body in " + subject());
    });
  }

  public List<File> attachments() {
    return unchecked(() -> {
      List<File> files = new ArrayList<>();
      for (Part part : parts(message)) {
        if (part.getFileName() != null) {
          files.add(new File(part.getFileName(), part.getContentType().toLowerCase(Locale.ROOT),
              part.getInputStream().readAllBytes()));
        }
      }
      return files;
    });
  }

  private static List<Part> parts(Part part) throws Exception {
    List<Part> all = new ArrayList<>();
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        all.addAll(parts(child));
      }
    } else {
      all.add(part);
    }
    return all;
  }

  private interface Read<T> {
    T get() throws Exception;
  }

  private static <T> T unchecked(Read<T> read) {
    try {
      return read.get();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
