package org.osce.vienna.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osce.vienna.delivery.LetterComposer;
import org.osce.vienna.delivery.Letters;
import org.osce.vienna.engine.EngineClock;
import org.osce.vienna.signoff.OnBehalfOf;
import org.osce.vienna.support.Fixtures;
import org.osce.vienna.support.H2ApplicationTest;
import org.osce.vienna.support.ReceivedMail;
import org.osce.vienna.support.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.MailException;

/**
 * The letter by e-mail: sent at once to the addressee's mission with the PDF, delivered when the
 * SMTP server accepted it, and never taken as delivered when the server was not there.
 */
@H2ApplicationTest
class LetterByEmailTest extends MailContextTest {

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  @Autowired
  LetterByEmail letterByEmail;
  @Autowired
  LetterComposer composer;
  @Autowired
  Letters letters;
  @Autowired
  NotificationOutbox outbox;

  /** A case whose final letter, the 2021 one with its 35 delegations, has been composed. */
  private String caseWithComposedLetter() {
    String reference = newCase();
    List<String> signatories = new ArrayList<>(List.of("GB"));
    signatories.addAll(Fixtures.CO_SIGNATORIES_2021);
    String html = composer.html(Fixtures.letter(), signatories, LocalDate.of(2021, 11, 4), 10);
    letters.save(reference, new Letters.FinalLetter(html, OnBehalfOf.followingDelegations(signatories),
        Instant.parse("2021-11-04T09:00:00Z")), signatories);
    return reference;
  }

  @Test
  void theLetterGoesToTheMissionAsPdfAndIsDeliveredWhenTheServerAcceptsIt() throws IOException {
    String reference = caseWithComposedLetter();
    Instant before = EngineClock.now();
    Instant acceptedAt = letterByEmail.send(reference, label(reference), "BY", "GB");
    Instant after = EngineClock.now();

    assertThat(acceptedAt).isBetween(before, after);
    List<ReceivedMail> received = ReceivedMail.all(smtp.getReceivedMessages());
    assertThat(received).singleElement().satisfies(mail -> {
      assertThat(mail.to()).containsExactly("mission-by@example.org");
      // The lead delegation's letter: in its name, and a reply goes to it, not to the application.
      assertThat(mail.from()).isEqualTo("The delegation of the United Kingdom <vienna-mechanism@example.org>");
      assertThat(mail.replyTo()).containsExactly("delegation-gb@example.org");
      assertThat(mail.messageId()).isEqualTo("<vm-letter-" + reference + "@vienna-mechanism>");
      assertThat(mail.subject()).isEqualTo("Vienna (Human Dimension) Mechanism: " + reference + " (Belarus)");
      assertThat(Fixtures.normalise(mail.text())).contains("Please find attached the letter of 4 November 2021",
          "on behalf of the following delegations: Albania, Austria, Belgium,",
          "Ukraine, the United Kingdom, and the United States.", "letter-" + reference + ".pdf",
          "Sent by the delegation of the United Kingdom. A reply to this message goes to the delegation, at "
              + "delegation-gb@example.org.");
      assertThat(mail.text()).doesNotContain("not read");
    });
    ReceivedMail.File pdf = received.get(0).attachments().get(0);
    assertThat(received.get(0).attachments()).hasSize(1);
    assertThat(pdf.fileName()).isEqualTo("letter-" + reference + ".pdf");
    assertThat(pdf.contentType()).startsWith("application/pdf");
    try (PDDocument document = Loader.loadPDF(pdf.content())) {
      String text = Fixtures.normalise(new PDFTextStripper().getText(document));
      assertThat(text).contains("Vienna, 4 November 2021", "Dear Ambassador Dapkiunas,",
          "Switzerland, Ukraine, the United Kingdom, and the United States.",
          "Please respond in detail to the recommendations contained in the 5 November 2020 report");
    }

    // Kept with the case's notifications, as sent, with the time the server took it.
    assertThat(outbox.of(reference)).singleElement().satisfies(n -> {
      assertThat(n.event()).isEqualTo(CaseNotices.LETTER_DELIVERY);
      assertThat(n.recipient()).isEqualTo("mission-by");
      assertThat(n.status()).isEqualTo(NotificationOutbox.SENT);
      assertThat(n.messageId()).isEqualTo("<vm-letter-" + reference + "@vienna-mechanism>");
      assertThat(n.sentAt()).isEqualTo(acceptedAt.truncatedTo(ChronoUnit.MILLIS));
    });
  }

  @Test
  void aLetterSentAgainGoesWithTheSameMessageId() {
    String reference = caseWithComposedLetter();
    letterByEmail.send(reference, label(reference), "BY", "GB");
    letterByEmail.send(reference, label(reference), "BY", "GB");
    assertThat(ReceivedMail.all(smtp.getReceivedMessages())).hasSize(2).extracting(ReceivedMail::messageId)
        .containsOnly("<vm-letter-" + reference + "@vienna-mechanism>");
  }

  @Test
  void whenTheMailServerIsDownTheSendingFailsAndNothingIsTakenAsSent() {
    String reference = caseWithComposedLetter();
    smtp.stop();
    assertThatThrownBy(() -> letterByEmail.send(reference, label(reference), "BY", "GB")).isInstanceOf(MailException.class);
    assertThat(outbox.of(reference)).isEmpty();
  }
}
