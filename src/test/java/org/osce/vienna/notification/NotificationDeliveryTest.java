package org.osce.vienna.notification;

import org.osce.vienna.signoff.CoSigningInvited;
import org.osce.vienna.response.ResponseRecorded;
import org.osce.vienna.response.ResponseDeadlinePassed;
import org.osce.vienna.meeting.MeetingTargetPassed;
import org.osce.vienna.meeting.MeetingRequested;
import org.osce.vienna.followup.CaseClosed;
import org.osce.vienna.delivery.MechanismInvoked;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osce.vienna.followup.FollowUpAction;
import org.osce.vienna.casefile.ParticipatingState;
import org.osce.vienna.casefile.ParticipatingStates;
import org.osce.vienna.notification.NotificationOutbox.Notification;
import org.osce.vienna.support.Fixtures;
import org.osce.vienna.support.ReceivedMail;
import org.osce.vienna.support.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The outbox sent to a real SMTP server: who receives which notice with which words and calendar
 * entry, and what happens while the server is down (nothing lost, each message once when it is
 * back) or when a sender dies between sending and recording (the same Message-ID again). On each
 * database: {@link H2NotificationDeliveryTest}, {@link PostgresNotificationDeliveryTest}.
 */
abstract class NotificationDeliveryTest extends MailContextTest {

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  @Autowired
  CaseNotices notices;
  @Autowired
  NotificationOutbox outbox;
  @Autowired
  NotificationDispatcher dispatcher;
  @Autowired
  SmtpMailer mailer;
  @Autowired
  TestRestTemplate rest;

  /** The administrator of the profile (demo, or postgres): health details are for managers and administrators. */
  @org.springframework.beans.factory.annotation.Value("${camunda.bpm.admin-user.id}")
  String adminId;
  @org.springframework.beans.factory.annotation.Value("${camunda.bpm.admin-user.password}")
  String adminPassword;
  private static final Instant NOW = Instant.parse("2021-11-16T08:30:00Z");
  private static final Instant DUE = Instant.parse("2021-11-15T22:59:59.999Z");
  private static final Instant MEETING_TARGET = Instant.parse("2021-11-23T10:00:00Z");

  private List<ReceivedMail> received() {
    return ReceivedMail.all(smtp.getReceivedMessages());
  }

  /** GreenMail keeps one copy per recipient: the copies of each Message-ID. */
  private Map<String, Long> copiesPerMessageId() {
    return received().stream().collect(Collectors.groupingBy(ReceivedMail::messageId, Collectors.counting()));
  }

  private List<ReceivedMail> inMailbox(String address) {
    return ReceivedMail.all(smtp.findReceivedMessages(user -> user.getEmail().equals(address), m -> true)
        .toArray(MimeMessage[]::new));
  }

  private Notification only(String reference, String event) {
    return outbox.of(reference).stream().filter(n -> n.event().equals(event)).reduce((a, b) -> {
      throw new AssertionError("More than one " + event);
    }).orElseThrow();
  }

  @Test
  void theInvocationNoticeReachesEachOfThe57DelegationsOnce() {
    String reference = newCase();
    List<String> signatories = new ArrayList<>(List.of("GB"));
    signatories.addAll(Fixtures.CO_SIGNATORIES_2021);
    notices.invocation(new MechanismInvoked(reference, label(reference), "BY", signatories));

    assertThat(dispatcher.dispatchDue()).isEqualTo(1);
    assertThat(dispatcher.dispatchDue()).as("a second pass sends nothing").isZero();

    Notification notice = only(reference, CaseNotices.MECHANISM_INVOKED);
    assertThat(notice.status()).isEqualTo(NotificationOutbox.SENT);
    assertThat(notice.sentAt()).isNotNull();
    assertThat(notice.attempts()).isEqualTo(1);
    assertThat(notice.messageId()).isEqualTo("<vm-notification-" + notice.id() + "@vienna-mechanism>");

    List<ParticipatingState> states = ParticipatingStates.all().list();
    assertThat(states).hasSize(57);
    assertThat(received()).hasSize(57);
    for (ParticipatingState state : states) {
      String address = "delegation-" + state.code().toLowerCase() + "@example.org";
      assertThat(inMailbox(address)).as(address).singleElement().satisfies(mail -> {
        assertThat(mail.messageId()).isEqualTo(notice.messageId());
        assertThat(mail.from()).isEqualTo("vienna-mechanism@example.org");
        assertThat(mail.subject()).isEqualTo("Vienna Mechanism invoked: " + reference + " (Belarus)");
        assertThat(mail.text()).contains("invoked with regard to Belarus, case " + reference + " (Belarus).",
            "on behalf of 35 participating States: Albania, Austria,",
            "Ukraine, the United Kingdom, and the United States.", "case " + reference + ".");
      });
    }
  }

  @Test
  void eachNoticeGoesToWhomCaseNoticesNamesWithItsWordsAndItsCalendarEntry() {
    clockAt(NOW);
    String reference = newCase();
    String label = label(reference);
    List<String> signatories = List.of("GB", "DE", "FR");
    notices.invitedToCoSign(new CoSigningInvited(reference, label, List.of("DE", "FR"), Instant.parse("2021-11-02T17:00:00Z")));
    notices.deadlinePassed(new ResponseDeadlinePassed(reference, label, signatories, DUE));
    notices.responseReceived(new ResponseRecorded(reference, label, signatories, false, 3));
    notices.meetingRequested(new MeetingRequested(reference, label, signatories, "BY", 7, MEETING_TARGET));
    notices.meetingTargetPassed(new MeetingTargetPassed(reference, label, signatories, 7, MEETING_TARGET));
    notices.caseClosed(new CaseClosed(reference, label, signatories,
        List.of(FollowUpAction.PERMANENT_COUNCIL_STATEMENT, FollowUpAction.MOSCOW_MECHANISM)));

    assertThat(dispatcher.dispatchDue()).isEqualTo(6);
    Map<String, ReceivedMail> bySubject = received().stream()
        .collect(Collectors.toMap(ReceivedMail::subject, Function.identity(), (a, b) -> a));
    List<String> signatoryAddresses = List.of("delegation-gb@example.org", "delegation-de@example.org",
        "delegation-fr@example.org");

    assertThat(bySubject.get("Invitation to co-sign: " + label)).satisfies(mail -> {
      assertThat(mail.to()).containsExactly("delegation-de@example.org", "delegation-fr@example.org");
      assertThat(mail.text()).contains("Your delegation is invited to co-sign",
          "before 2 November 2021, 18:00 CET", "Vienna (Human Dimension) Mechanism, case " + reference + ".");
      assertThat(mail.attachments()).isEmpty();
    });

    assertThat(bySubject.get("Response deadline passed: " + label)).satisfies(mail -> {
      assertThat(mail.to()).containsExactlyElementsOf(signatoryAddresses);
      assertThat(mail.text()).contains("No written response was registered by the deadline, "
          + "15 November 2021, 23:59 CET", "A late response will still be accepted and recorded as late.");
      assertThat(mail.attachments()).singleElement().satisfies(ics -> {
        assertThat(ics.fileName()).isEqualTo("response-deadline-" + reference + ".ics");
        assertThat(ics.contentType()).startsWith("text/calendar").contains("method=publish");
        assertThat(ics.text()).startsWith("BEGIN:VCALENDAR\r\n").contains(
            "\r\nUID:vm-response-due-" + reference + "@vienna-mechanism\r\n",
            "\r\nDTSTAMP:20211116T083000Z\r\n",
            "\r\nDTSTART:20211115T225959Z\r\n",
            "\r\nSUMMARY:Response due: " + label + "\r\n").endsWith("END:VCALENDAR\r\n");
      });
    });

    assertThat(bySubject.get("Response received: " + label)).satisfies(mail -> {
      assertThat(mail.to()).containsExactlyElementsOf(signatoryAddresses);
      assertThat(mail.text()).contains("has been received 3 day(s) late", "assessed question by question");
      assertThat(mail.attachments()).isEmpty();
    });

    assertThat(bySubject.get("Bilateral meeting requested: " + label)).satisfies(mail -> {
      assertThat(mail.to()).containsExactlyElementsOf(signatoryAddresses);
      assertThat(mail.text()).startsWith("Belarus requested a bilateral meeting")
          .contains("by 23 November 2021, 11:00 CET");
      assertThat(mail.attachments()).singleElement().satisfies(ics -> {
        assertThat(ics.fileName()).isEqualTo("meeting-target-" + reference + "-7.ics");
        assertThat(ics.text()).contains("\r\nUID:vm-meeting-target-" + reference + "-7@vienna-mechanism\r\n",
            "\r\nSEQUENCE:0\r\n", "\r\nDTSTART:20211123T100000Z\r\n");
      });
    });

    assertThat(bySubject.get("Bilateral meeting target passed: " + label)).satisfies(mail -> {
      assertThat(mail.to()).containsExactlyElementsOf(signatoryAddresses);
      assertThat(mail.text()).contains("not arranged within one week", "the target was 23 November 2021, 11:00 CET");
      // The same calendar entry as the request's, revised.
      assertThat(mail.attachments()).singleElement().satisfies(ics -> assertThat(ics.text()).contains(
          "\r\nUID:vm-meeting-target-" + reference + "-7@vienna-mechanism\r\n", "\r\nSEQUENCE:1\r\n",
          "\r\nDTSTART:20211123T100000Z\r\n"));
    });

    assertThat(bySubject.get("Case closed: " + label)).satisfies(mail -> {
      assertThat(mail.to()).containsExactlyElementsOf(signatoryAddresses);
      assertThat(mail.text()).contains("The case " + label + " is closed.",
          "a statement at the Permanent Council; the Moscow Mechanism.");
    });

    // One copy per recipient, and each notice's own Message-ID.
    assertThat(received()).hasSize(2 + 3 * 5);
    assertThat(copiesPerMessageId()).hasSize(6);
    assertThat(outbox.of(reference)).allSatisfy(n -> assertThat(n.status()).isEqualTo(NotificationOutbox.SENT));
  }

  @Test
  void whileTheMailServerIsDownNothingIsLostAndEachMessageGoesOnceWhenItIsBack() {
    clockAt(NOW);
    String reference = newCase();
    String label = label(reference);
    notices.invitedToCoSign(new CoSigningInvited(reference, label, List.of("DE", "FR"), NOW.plus(Duration.ofDays(5))));
    notices.deadlinePassed(new ResponseDeadlinePassed(reference, label, List.of("GB", "DE"), DUE));
    notices.caseClosed(new CaseClosed(reference, label, List.of("GB"), List.of()));
    smtp.stop();

    assertThat(dispatcher.dispatchDue()).isZero();
    assertThat(outbox.of(reference)).hasSize(3).allSatisfy(n -> {
      assertThat(n.status()).isEqualTo(NotificationOutbox.PENDING);
      assertThat(n.attempts()).isEqualTo(1);
      assertThat(n.lastError()).isNotBlank();
      assertThat(n.nextAttemptAt()).isEqualTo(NOW.plus(Duration.ofSeconds(30)));
    });
    assertThat(notificationsHealth()).contains("\"status\":\"DELAYED\"", "\"pending\":3", "\"failed\":3",
        "\"oldestPendingAge\":\"PT0S\"");
    // A mail server that is down does not take the application out of service.
    ResponseEntity<String> overall = rest.withBasicAuth(adminId, adminPassword).getForEntity("/actuator/health", String.class);
    assertThat(overall.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(overall.getBody()).startsWith("{\"status\":\"UP\"").contains("\"notifications\":{\"description\":\"Messages are waiting to be retried\",\"status\":\"DELAYED\"");

    assertThat(dispatcher.dispatchDue()).as("nothing is due during the back-off").isZero();
    clockAt(NOW.plus(Duration.ofSeconds(31)));
    assertThat(dispatcher.dispatchDue()).isZero();
    assertThat(outbox.of(reference)).allSatisfy(n -> {
      assertThat(n.attempts()).isEqualTo(2);
      assertThat(n.nextAttemptAt()).isEqualTo(NOW.plus(Duration.ofSeconds(31 + 60)));
    });

    smtp.start();
    assertThat(dispatcher.dispatchDue()).as("still waiting out the back-off").isZero();
    clockAt(NOW.plus(Duration.ofSeconds(31 + 60)));
    assertThat(dispatcher.dispatchDue()).isEqualTo(3);
    clockAt(NOW.plus(Duration.ofDays(1)));
    assertThat(dispatcher.dispatchDue()).isZero();

    assertThat(outbox.of(reference)).allSatisfy(n -> {
      assertThat(n.status()).isEqualTo(NotificationOutbox.SENT);
      assertThat(n.attempts()).isEqualTo(3);
      assertThat(n.sentAt()).isEqualTo(NOW.plus(Duration.ofSeconds(31 + 60)));
    });
    Map<String, Long> expected = Map.of(
        only(reference, CaseNotices.CO_SIGNING_INVITATION).messageId(), 2L,
        only(reference, CaseNotices.RESPONSE_DEADLINE_PASSED).messageId(), 2L,
        only(reference, CaseNotices.CASE_CLOSED).messageId(), 1L);
    assertThat(copiesPerMessageId()).isEqualTo(expected);
    for (String address : List.of("delegation-de@example.org", "delegation-fr@example.org", "delegation-gb@example.org")) {
      List<String> ids = inMailbox(address).stream().map(ReceivedMail::messageId).toList();
      assertThat(ids).as(address).doesNotHaveDuplicates();
    }
    assertThat(notificationsHealth()).contains("\"status\":\"UP\"", "\"pending\":0", "\"failed\":0");
  }

  @Test
  void aMessageWhoseSenderDiedBetweenSendingAndRecordingGoesAgainWithTheSameMessageId() {
    clockAt(NOW);
    String reference = newCase();
    notices.caseClosed(new CaseClosed(reference, label(reference), List.of("GB"), List.of()));
    Notification notice = only(reference, CaseNotices.CASE_CLOSED);

    // A sender claims the row and the server accepts the message; the sender dies before recording it.
    NotificationOutbox.Due due = outbox.due(NOW, Duration.ofMinutes(5), 10).get(0);
    assertThat(outbox.claim(due, NOW)).isTrue();
    assertThat(outbox.claim(due, NOW)).as("a row is claimed once").isFalse();
    mailer.send(new SmtpMailer.Mail(notice.messageId(), notice.recipients(), notice.subject(), notice.body(),
        List.of()));

    assertThat(dispatcher.dispatchDue()).as("the claim is still held").isZero();
    clockAt(NOW.plus(Duration.ofMinutes(5)));
    assertThat(dispatcher.dispatchDue()).isEqualTo(1);

    assertThat(only(reference, CaseNotices.CASE_CLOSED)).satisfies(n -> {
      assertThat(n.status()).isEqualTo(NotificationOutbox.SENT);
      assertThat(n.attempts()).isEqualTo(2);
    });
    // At least once: the receiver has two copies, recognisable as one message by their Message-ID.
    assertThat(inMailbox("delegation-gb@example.org")).hasSize(2).extracting(ReceivedMail::messageId)
        .containsOnly(notice.messageId());
  }

  @Test
  void healthShowsAnEmptyOutboxAsUp() {
    assertThat(notificationsHealth()).contains("\"status\":\"UP\"", "\"pending\":0", "\"failed\":0")
        .doesNotContain("oldestPendingAge");
  }

  private String notificationsHealth() {
    ResponseEntity<String> health = rest.withBasicAuth(adminId, adminPassword).getForEntity("/actuator/health/outbox",
        String.class);
    assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
    return health.getBody();
  }
}
