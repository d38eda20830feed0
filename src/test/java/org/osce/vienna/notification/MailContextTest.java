package org.osce.vienna.notification;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.engine.EngineClock;
import org.osce.vienna.support.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application on H2 in memory, sending to the test SMTP server ({@link TestSmtp}). The outbox
 * is dispatched by the tests, not on a schedule, and no process runs: the tests write the notices
 * as the steps would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:mail;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "vienna.demo.enabled=false",
    "vienna.mail.dispatch.enabled=false",
    "vienna.mail.tasklist-url=" + MailContextTest.TASKLIST})
abstract class MailContextTest {

  /** Where the invitations send the heads: Tasklist at the application's public address. */
  static final String TASKLIST = "https://vienna.example.org/camunda/app/tasklist/default/";

  @DynamicPropertySource
  static void smtp(DynamicPropertyRegistry registry) {
    TestSmtp.register(registry);
  }

  @Autowired
  protected CaseRecords cases;
  @Autowired
  protected JdbcTemplate jdbc;

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

  protected static String label(String reference) {
    return reference + " (Belarus)";
  }
}
