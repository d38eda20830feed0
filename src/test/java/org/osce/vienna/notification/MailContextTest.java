package org.osce.vienna.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.delivery.LetterComposer;
import org.osce.vienna.delivery.Letters;
import org.osce.vienna.engine.EngineClock;
import org.osce.vienna.signoff.OnBehalfOf;
import org.osce.vienna.support.Fixtures;
import org.osce.vienna.support.H2ApplicationTest;
import org.osce.vienna.support.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Mail tests on an application that sends to the test SMTP server ({@link TestSmtp}); the subclass says
 * which (most share {@link org.osce.vienna.support.H2ApplicationTest}). The outbox is dispatched by the
 * tests, not on a schedule, and no process runs: the tests write the notices as the steps would.
 */
abstract class MailContextTest {

  /** Where the invitations send the heads: Tasklist at the application's public address (the tests' setting). */
  static final String TASKLIST = H2ApplicationTest.TASKLIST_URL;

  @Autowired
  protected CaseRecords cases;
  @Autowired
  protected JdbcTemplate jdbc;
  @Autowired
  protected LetterComposer composer;
  @Autowired
  protected Letters letters;

  private static int caseNumber;

  @BeforeEach
  void emptyOutbox() {
    // Each test counts its own messages: nothing of an earlier test is still to be sent.
    jdbc.update("DELETE FROM vm_notification");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  protected static void clockAt(Instant now) {
    ClockUtil.setCurrentTime(Date.from(now));
  }

  /** A case against Belarus, led by the United Kingdom, as the start step records it. */
  protected String newCase() {
    String reference = "VM-MAIL-" + (++caseNumber);
    cases.create(reference, "Human rights in Belarus", "GB", "BY", null, "officer-gb", EngineClock.now());
    return reference;
  }

  /** A case whose final letter, the 2021 one with its 35 delegations, has been composed. */
  protected String caseWithComposedLetter() {
    String reference = newCase();
    List<String> signatories = new ArrayList<>(List.of("GB"));
    signatories.addAll(Fixtures.CO_SIGNATORIES_2021);
    String html = composer.html(Fixtures.letter(), signatories, LocalDate.of(2021, 11, 4), 10);
    letters.save(reference, new Letters.FinalLetter(html, OnBehalfOf.followingDelegations(signatories),
        Instant.parse("2021-11-04T09:00:00Z")), signatories);
    return reference;
  }

  protected static String label(String reference) {
    return reference + " (Belarus)";
  }
}
