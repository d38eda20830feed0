package org.osce.vienna.crash;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.osce.vienna.crash.CaseClient.Answer;
import org.osce.vienna.crash.CrashOracle.CasePlan;
import org.osce.vienna.crash.CrashOracle.CaseSeen;
import org.osce.vienna.crash.CrashOracle.Notice;
import org.osce.vienna.crash.CrashOracle.Observed;
import org.osce.vienna.crash.CrashOracle.Verdict;
import org.osce.vienna.support.PostgresTestDatabase;
import org.osce.vienna.support.TestSmtp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crash test (security issue): the packaged application runs as a child JVM on a real PostgreSQL
 * and sends mail to a real SMTP server (GreenMail, in this JVM); client threads drive 20 cases
 * ({@code -Dcrashtest.cases=40} for the outside tester's number, a few minutes more) from start to close over the case API and {@code /engine-rest} while the application is killed
 * with SIGKILL five times mid-flight and started again on the same database, and the mail server
 * is down for a while around one of the kills. Then every case must be closed, unattended, with
 * each timeline entry and each notice exactly once and each e-mail in each mailbox once; the one
 * copy allowed is the one docs/operations.md promises: a message the server accepted just before a kill goes
 * again with the same Message-ID ({@link CrashOracle} says exactly what is checked).
 *
 * <p>Runs in {@code ./mvnw verify} (failsafe, after {@code package}); skip with {@code -DskipITs}.
 * Figures in the log (and {@code target/crash-test/figures.txt}); the application's logs in
 * {@code target/crash-test/app-N.log}, one per start. {@code -Dcrashtest.cases=}, {@code -Dcrashtest.kills=}
 * and {@code -Dcrashtest.seed=} change the run.
 */
@Tag("crash")
class CrashRecoveryIT {

  private static final Logger LOG = LoggerFactory.getLogger(CrashRecoveryIT.class);

  /** 20 keeps the test near two and a half minutes on a small shared machine; the six starts take half of it. */
  static final int CASES = Integer.getInteger("crashtest.cases", 20);
  static final int KILLS = Integer.getInteger("crashtest.kills", 5);
  static final int CLIENT_THREADS = 4;
  /** The kill around which the mail server is down (0: no outage). */
  static final int OUTAGE_AT_KILL = Math.min(3, KILLS);
  /** Once the application is up after the last kill, every case closes within this time, unattended. */
  static final Duration CLOSE_DEADLINE = Duration.ofMinutes(5);
  /** Only so that a run that hangs ends: starts on a loaded machine can take minutes each. */
  static final Duration RUN_DEADLINE = Duration.ofMinutes(40);
  static final Duration DRAIN_DEADLINE = Duration.ofMinutes(3);
  /**
   * Each start does some work before the next kill, whatever the clients' progress: its job executor takes
   * up the jobs the killed instance left, its dispatcher passes over the outbox (every second). The kill
   * comes when the clients have also reached its mark, at a random moment up to 3 s after both. (It was
   * 10 s: the clients reach their marks in a few seconds, so the instance then sat idle until the kill.)
   */
  static final Duration MIN_UPTIME_BEFORE_KILL = Duration.ofSeconds(5);
  /** How long the mail server stays down once the application is up again after the kill of the outage. */
  static final Duration OUTAGE_AFTER_RESTART = Duration.ofSeconds(10);

  static final String ADMIN = "crash-admin";
  static final List<String> LEADS = List.of("GB", "DE", "FR", "US", "CA", "SE", "NL", "NO");
  static final List<String> CO_SIGNERS = List.of("GB", "DE", "FR", "US", "CA", "SE", "NL", "NO", "FI", "DK", "IE", "AT");
  static final List<String> ADDRESSEES = List.of("RU", "BY", "AZ", "TM", "TJ");

  private final Path directory = Path.of("target", "crash-test");
  private final List<String> figures = new ArrayList<>();
  private final List<Instant> interruptions = new ArrayList<>();
  private Instant outageFrom;

  @Test
  void everyCaseClosesWithNoDuplicateOrLostNoticeThroughKillsAndAMailOutage() throws Exception {
    // No Spring here to configure logging: logback's default would log everything at DEBUG.
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("com.icegreen")).setLevel(Level.WARN);
    long seed = Long.getLong("crashtest.seed", System.currentTimeMillis());
    Random random = new Random(seed);
    recreate(directory);
    // GreenMail's session threads die with a stack trace when a kill cuts a message off: one line each will do.
    AtomicInteger cutSessions = new AtomicInteger();
    Thread.UncaughtExceptionHandler handler = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
      cutSessions.incrementAndGet();
      LOG.info("[crash-test] {}: {}", thread.getName(), e.getCause() == null ? e : e.getCause());
    });
    try {
      run(random, seed, cutSessions);
    } finally {
      Thread.setDefaultUncaughtExceptionHandler(handler);
    }
  }

  private void run(Random random, long seed, AtomicInteger cutSessions) throws Exception {
    Instant begun = Instant.now();
    String database = PostgresTestDatabase.newDatabase("crash");
    figure("seed %d; %d cases, %d kills, %d client threads; database %s", seed, CASES, KILLS, CLIENT_THREADS, database);

    try (CrashSmtp smtp = new CrashSmtp(TestSmtp.HOST, TestSmtp.PORT);
        ChildApplication app = new ChildApplication(applicationJar(), directory, Map.of(
            "SPRING_DATASOURCE_URL", database,
            "SPRING_DATASOURCE_USERNAME", "postgres",
            "SPRING_DATASOURCE_PASSWORD", "",
            "CAMUNDA_BPM_ADMINUSER_ID", ADMIN,
            "CAMUNDA_BPM_ADMINUSER_PASSWORD", CaseClient.password(ADMIN)), List.of(
            "--spring.profiles.active=postgres",
            "--spring.mail.host=" + TestSmtp.HOST,
            "--spring.mail.port=" + TestSmtp.PORT,
            // The outbox is passed over every second; after a failure it is tried again soon, and a
            // notice claimed by a killed instance is taken over after 20 s (production: 10 s, 30 s..30 min, 5 min).
            "--vienna.mail.dispatch.interval=1s",
            "--vienna.mail.dispatch.first-retry=2s",
            "--vienna.mail.dispatch.max-retry=10s",
            "--vienna.mail.dispatch.claim-timeout=20s",
            // A job locked by a killed instance is taken up again when its lock expires (engine default 5 min).
            "--camunda.bpm.job-execution.lock-time-in-millis=30000",
            // A job that failed (a letter by e-mail while the mail server is down) is tried again after 10 s,
            // up to ten times (production: after a minute, five times): longer than the outage, whose letters
            // otherwise held their cases a minute after the last kill.
            "--camunda.bpm.generic-properties.properties.failedJobRetryTimeCycle=R10/PT10S"))) {
      smtp.start();
      app.start();
      figure("first start: %d s; logs %s", app.startDurations().get(0).toSeconds(), app.logs());

      Instant deadline = begun.plus(RUN_DEADLINE);
      CaseClient client = new CaseClient(app, deadline);
      createUsers(client);
      List<CaseRun> runs = plans(CASES, random).stream().map(CaseRun::new).toList();
      int totalSteps = runs.stream().mapToInt(CaseRun::expectedSteps).sum();
      // The clients stop at each kill's mark until that kill has happened (CaseClient.allowedSteps).
      client.allowedSteps.set(mark(totalSteps, 1));

      ExecutorService clients = Executors.newFixedThreadPool(CLIENT_THREADS);
      AtomicReference<Throwable> clientFailure = new AtomicReference<>();
      Instant drivingFrom = Instant.now();
      for (int t = 0; t < CLIENT_THREADS; t++) {
        List<CaseRun> mine = new ArrayList<>();
        for (int i = t; i < runs.size(); i += CLIENT_THREADS) {
          mine.add(runs.get(i));
        }
        clients.submit(() -> {
          try {
            drive(mine, client, deadline);
          } catch (RuntimeException | AssertionError e) {
            clientFailure.compareAndSet(null, e);
          }
        });
      }

      // The kills, spread over the run by the clients' progress, each at a random moment after its mark.
      Instant lastKill = null;
      Instant lastUp = Instant.now();
      int killsMidFlight = 0;
      for (int kill = 1; kill <= KILLS; kill++) {
        int mark = mark(totalSteps, kill);
        Instant notBefore = lastUp.plus(MIN_UPTIME_BEFORE_KILL);
        while ((client.steps.get() < mark || Instant.now().isBefore(notBefore)) && runs.stream().anyMatch(r -> !r.closed)
            && clientFailure.get() == null) {
          assertThat(Instant.now()).as("progress to kill %d (%d of %d steps; last answers %s); logs %s", kill,
              client.steps.get(), totalSteps, tail(client.unexpected), app.logs()).isBefore(deadline);
          ChildApplication.pause(Duration.ofMillis(200));
        }
        ChildApplication.pause(Duration.ofMillis(random.nextInt(3000)));
        boolean outage = kill == OUTAGE_AT_KILL;
        if (outage) {
          outageFrom = Instant.now();
          interruptions.add(outageFrom);
          smtp.stop();
          ChildApplication.pause(Duration.ofSeconds(3));
        }
        String stages = stages(runs);
        String inFlight = inFlight(database);
        long open = runs.stream().filter(r -> !r.closed).count();
        killsMidFlight += open > 0 ? 1 : 0;
        long pid = app.pid();
        lastKill = Instant.now();
        interruptions.add(lastKill);
        app.kill();
        figure("kill %d: pid %d at +%d s, %d of %d steps done, %d cases open (%s); %s", kill, pid,
            Duration.between(drivingFrom, lastKill).toSeconds(), client.steps.get(), totalSteps, open, stages,
            inFlight);
        app.start();
        lastUp = Instant.now();
        client.allowedSteps.set(kill < KILLS ? mark(totalSteps, kill + 1) : Integer.MAX_VALUE);
        figure("  restart %d: healthy after %d s", kill, app.startDurations().get(kill).toSeconds());
        if (outage) {
          // The mail server stays down a while longer: notices wait and are tried again (after 2 s, 4 s, 8 s),
          // and a letter by e-mail fails and is retried (its job, 10 s later).
          ChildApplication.pause(OUTAGE_AFTER_RESTART);
          smtp.start();
          figure("  mail outage: %d s, around kill %d", Duration.between(outageFrom, Instant.now()).toSeconds(), kill);
        }
      }
      Instant closeBy = lastUp.plus(CLOSE_DEADLINE);
      while (runs.stream().anyMatch(r -> !r.closed) && Instant.now().isBefore(closeBy) && clientFailure.get() == null) {
        ChildApplication.pause(Duration.ofMillis(500));
      }
      Instant allClosed = Instant.now();
      List<String> notClosed = runs.stream().filter(r -> !r.closed)
          .map(r -> r.plan.reference() + " (" + r.lastStatus + ")").toList();
      Throwable failure = clientFailure.get();
      clients.shutdownNow();
      if (failure != null) {
        throw new AssertionError("A client failed; logs " + app.logs(), failure);
      }
      assertThat(notClosed).as("cases not closed %s after the application was up again (answers no step expected:"
          + " %s); logs %s", CLOSE_DEADLINE, tail(client.unexpected), app.logs()).isEmpty();
      figure("all %d cases closed %d s after the clients began; %d s after the last kill, %d s after the"
              + " application was up again", runs.size(), Duration.between(drivingFrom, allClosed).toSeconds(),
          lastKill == null ? 0 : Duration.between(lastKill, allClosed).toSeconds(),
          Duration.between(lastUp, allClosed).toSeconds());
      assertThat(killsMidFlight).as("kills while cases were still open").isEqualTo(KILLS);

      // The outbox empties by itself: every notice sent, also those a killed instance had claimed.
      awaitOutboxSent(database, app);
      figure("outbox empty %d s after the last case closed", Duration.between(allClosed, Instant.now()).toSeconds());

      Observed observed = observe(runs, client, database, smtp);
      Verdict verdict = CrashOracle.check(observed);
      long resent = observed.notices().stream().filter(n -> n.attempts() > 1).count();
      figure("timeline entries %d; outbox messages (one per notice and recipient) %d (%d needed more than one attempt);"
              + " e-mail copies received %d;"
              + " extra copies after a kill or outage (same Message-ID) %d",
          observed.cases().values().stream().mapToInt(c -> c.timeline().size()).sum(), observed.notices().size(),
          resent, observed.copies().size(), verdict.tolerated().size());
      verdict.tolerated().stream().collect(Collectors.groupingBy(CrashOracle.ToleratedCopy::messageId, TreeMap::new,
          Collectors.toList())).forEach((messageId, copies) -> figure(
              "  sent again: %s (%s), %d recipient(s); first copies accepted by %s, %s", messageId,
              observed.notices().stream().filter(n -> messageId.equals(n.messageId())).map(Notice::event).findFirst()
                  .orElse("?"), copies.size(), copies.stream().map(CrashOracle.ToleratedCopy::firstAt)
                  .max(Comparator.naturalOrder()).orElseThrow(), interruptionName(copies.get(0).interruption())));
      figure("calls that failed because the application was down, retried after restart: %d;"
          + " SMTP sessions cut off by a kill or the outage: %d; answers no step expected: %d", client.failedCalls.get(),
          cutSessions.get(), client.unexpected.size());
      client.unexpected.forEach(answer -> figure("  unexpected: %s", answer));
      figure("starts: %s; total %d s", app.startDurations().stream().map(d -> d.toSeconds() + " s").toList(),
          Duration.between(begun, Instant.now()).toSeconds());
      Files.write(directory.resolve("figures.txt"), figures);

      assertThat(verdict.problems()).as("lost or duplicated after %d kills (logs: %s)", KILLS, app.logs()).isEmpty();
      theOracleCatchesWhatItMust(observed);
    }
  }

  /** Drives a client thread's cases round-robin until all are closed, waiting out the application's restarts. */
  private static void drive(List<CaseRun> runs, CaseClient client, Instant deadline) {
    while (runs.stream().anyMatch(r -> !r.closed) && Instant.now().isBefore(deadline)) {
      boolean acted = false;
      for (CaseRun run : runs) {
        if (run.closed) {
          continue;
        }
        try {
          acted |= run.step(client) == CaseRun.Step.ACTED;
        } catch (CaseClient.ApplicationDown down) {
          client.awaitRestart();
        }
      }
      if (!acted && runs.stream().anyMatch(r -> !r.closed)) {
        // Only the job executor can move these cases on now: read them again in a second (as the clients of docs/api.md do).
        ChildApplication.pause(Duration.ofSeconds(1));
      }
    }
  }

  /** Officers and heads of the States in play, created over /engine-rest as an administrator would. */
  private static void createUsers(CaseClient client) {
    for (String code : CO_SIGNERS) {
      String lower = code.toLowerCase(Locale.ROOT);
      createUser(client, CaseRun.officer(code), "delegation-" + lower);
      createUser(client, CaseRun.head(code), "delegation-" + lower, "heads-" + lower);
    }
  }

  private static void createUser(CaseClient client, String id, String... groups) {
    Answer created = client.post(ADMIN, "/engine-rest/user/create", Map.of(
        "profile", Map.of("id", id, "firstName", id, "lastName", "Crash", "email", id + "@example.org"),
        "credentials", Map.of("password", CaseClient.password(id))));
    assertThat(created.status()).as("create user %s: %s", id, created).isEqualTo(204);
    for (String group : groups) {
      Answer member = client.put(ADMIN, "/engine-rest/group/" + group + "/members/" + id);
      assertThat(member.status()).as("%s into %s: %s", id, group, member).isEqualTo(204);
    }
  }

  /** Cases of eight leads towards five addressees, two or three invited each; some decline, half go by e-mail. */
  static List<CasePlan> plans(int count, Random random) {
    List<CasePlan> plans = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String lead = LEADS.get(i % LEADS.size());
      String addressee = ADDRESSEES.get(i % ADDRESSEES.size());
      List<String> pool = new ArrayList<>(CO_SIGNERS.stream().filter(code -> !code.equals(lead)).toList());
      Collections.shuffle(pool, random);
      List<String> invited = List.copyOf(pool.subList(0, 2 + i % 2));
      Set<String> declining = i % 4 == 0 ? Set.of(invited.get(invited.size() - 1)) : Set.of();
      plans.add(new CasePlan(String.format("VM-CRASH-%s-%02d", addressee, i + 1), lead, addressee, invited,
          declining, i % 2 == 0));
    }
    return plans;
  }

  private void awaitOutboxSent(String database, ChildApplication app) throws SQLException {
    Instant deadline = Instant.now().plus(DRAIN_DEADLINE);
    while (true) {
      Map<String, Integer> waiting = new TreeMap<>();
      try (Connection connection = connect(database); Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery(
              "SELECT status, COUNT(*) FROM vm_notification WHERE status <> 'SENT' GROUP BY status")) {
        while (rows.next()) {
          waiting.put(rows.getString(1), rows.getInt(2));
        }
      }
      if (waiting.isEmpty()) {
        return;
      }
      assertThat(Instant.now()).as("outbox not sent within %s: %s; logs %s", DRAIN_DEADLINE, waiting, app.logs())
          .isBefore(deadline);
      ChildApplication.pause(Duration.ofMillis(500));
    }
  }

  private String interruptionName(Instant at) {
    return (at.equals(outageFrom) ? "mail outage began " : "kill at ") + at;
  }

  /** What the application is doing at the moment of a kill: jobs it holds, notices not yet sent. */
  private static String inFlight(String database) throws SQLException {
    try (Connection connection = connect(database); Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT (SELECT COUNT(*) FROM act_ru_job),"
            + " (SELECT COUNT(*) FROM act_ru_job WHERE lock_owner_ IS NOT NULL),"
            + " (SELECT COUNT(*) FROM vm_notification WHERE status <> 'SENT')")) {
      row.next();
      return String.format(Locale.ROOT, "jobs %d (%d locked by the instance), notices unsent %d", row.getInt(1),
          row.getInt(2), row.getInt(3));
    }
  }

  private Observed observe(List<CaseRun> runs, CaseClient client, String database, CrashSmtp smtp) throws SQLException {
    Map<String, CaseSeen> cases = new LinkedHashMap<>();
    for (CaseRun run : runs) {
      Answer read = client.get(CaseRun.officer(run.plan.lead()), "/api/cases/" + run.plan.reference());
      assertThat(read.status()).as("GET %s: %s", run.plan.reference(), read).isEqualTo(200);
      List<String> signatories = new ArrayList<>();
      read.json().path("signatories").forEach(code -> signatories.add(code.asText()));
      List<String> timeline = new ArrayList<>();
      read.json().path("timeline").forEach(entry -> timeline.add(entry.path("event").asText()));
      cases.put(run.plan.reference(), new CaseSeen(read.json().path("status").asText(), signatories, timeline));
    }
    List<Notice> notices = new ArrayList<>();
    List<String> leftovers = new ArrayList<>();
    try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
      try (ResultSet rows = statement.executeQuery("SELECT id, case_reference, event, recipients, status, message_id,"
          + " attempts FROM vm_notification ORDER BY id")) {
        while (rows.next()) {
          notices.add(new Notice(rows.getLong("id"), rows.getString("case_reference"), rows.getString("event"),
              List.of(rows.getString("recipients").split(",")), rows.getString("status"), rows.getString("message_id"),
              rows.getInt("attempts")));
        }
      }
      Map<String, String> engine = new LinkedHashMap<>();
      engine.put("incidents", "SELECT COUNT(*) FROM act_ru_incident");
      engine.put("running process instances", "SELECT COUNT(*) FROM act_ru_execution WHERE parent_id_ IS NULL");
      engine.put("jobs left", "SELECT COUNT(*) FROM act_ru_job WHERE process_instance_id_ IS NOT NULL");
      engine.put("cases not CLOSED in vm_case", "SELECT COUNT(*) FROM vm_case WHERE status <> 'CLOSED'");
      for (Map.Entry<String, String> query : engine.entrySet()) {
        try (ResultSet rows = statement.executeQuery(query.getValue())) {
          rows.next();
          if (rows.getInt(1) != 0) {
            leftovers.add(query.getKey() + ": " + rows.getInt(1));
          }
        }
      }
    }
    return new Observed(runs.stream().map(r -> r.plan).toList(), cases, notices, smtp.copies(),
        List.copyOf(interruptions), leftovers);
  }

  /**
   * The checks fail when they must: the run's own observations with one thing duplicated or lost at a
   * time (a timeline entry, an outbox row, an e-mail) are each reported.
   */
  private static void theOracleCatchesWhatItMust(Observed observed) {
    CasePlan first = observed.plans().get(0);
    CasePlan second = observed.plans().get(1);

    Map<String, CaseSeen> duplicatedEntry = new HashMap<>(observed.cases());
    CaseSeen seen = duplicatedEntry.get(first.reference());
    duplicatedEntry.put(first.reference(), new CaseSeen(seen.status(), seen.signatories(),
        Stream.concat(seen.timeline().stream(), Stream.of("LETTER_DELIVERED")).toList()));
    assertReported(observed.withCases(duplicatedEntry), first.reference() + ": timeline has LETTER_DELIVERED 2");

    Map<String, CaseSeen> lostEntry = new HashMap<>(observed.cases());
    seen = lostEntry.get(second.reference());
    lostEntry.put(second.reference(), new CaseSeen(seen.status(), seen.signatories(),
        seen.timeline().stream().filter(e -> !e.equals("CASE_CLOSED")).toList()));
    assertReported(observed.withCases(lostEntry), second.reference() + ": timeline has CASE_CLOSED 0");

    Notice closing = observed.notices().stream()
        .filter(n -> n.caseReference().equals(first.reference()) && n.event().equals("CASE_CLOSED")).findFirst()
        .orElseThrow();
    String recipient = closing.recipients().get(0);
    List<Notice> duplicatedNotice = new ArrayList<>(observed.notices());
    duplicatedNotice.add(new Notice(999_999, closing.caseReference(), closing.event(), closing.recipients(), "SENT",
        "<vm-notification-999999@vienna-mechanism>", 1));
    assertReported(observed.withNotices(duplicatedNotice), first.reference() + ": notice CASE_CLOSED for " + recipient
        + " is in the outbox 2");
    List<Notice> lostNotice = observed.notices().stream().filter(n -> n.id() != closing.id()).toList();
    assertReported(observed.withNotices(lostNotice), first.reference() + ": notice CASE_CLOSED for " + recipient
        + " is in the outbox 0");
    // The old way, one message to all the recipients of a notice, is reported too.
    List<Notice> together = new ArrayList<>(observed.notices().stream()
        .filter(n -> !(n.caseReference().equals(closing.caseReference()) && n.event().equals("CASE_CLOSED"))).toList());
    together.add(new Notice(closing.id(), closing.caseReference(), closing.event(), List.copyOf(
        first.expectedNotices().get("CASE_CLOSED")), "SENT", closing.messageId(), 1));
    assertReported(observed.withNotices(together), "expected one message per recipient");

    // An e-mail lost, and one received twice although no kill or outage came just after the first copy. The
    // e-mail tampered with is one received once: a tolerated second copy (after a kill) can arrive long after
    // the kill, and a third copy of it would be reported as received 3 times.
    Map<List<String>, Long> received = observed.copies().stream()
        .collect(Collectors.groupingBy(c -> List.of(c.messageId(), c.recipient()), Collectors.counting()));
    CrashSmtp.Copy copy = observed.copies().stream()
        .filter(c -> received.get(List.of(c.messageId(), c.recipient())) == 1)
        .max(Comparator.comparing(c -> distanceToInterruption(c.receivedAt(), observed.interruptions())))
        .orElseThrow();
    List<CrashSmtp.Copy> lostCopy = observed.copies().stream()
        .filter(c -> !(c.messageId().equals(copy.messageId()) && c.recipient().equals(copy.recipient()))).toList();
    assertReported(observed.withCopies(lostCopy), "no e-mail received for " + copy.messageId() + " " + copy.recipient());
    if (distanceToInterruption(copy.receivedAt(), observed.interruptions())
        .compareTo(CrashOracle.CRASH_WINDOW.plusSeconds(2)) > 0) {
      List<CrashSmtp.Copy> duplicatedCopy = new ArrayList<>(observed.copies());
      duplicatedCopy.add(new CrashSmtp.Copy(copy.messageId(), copy.recipient(), copy.receivedAt().plusSeconds(1)));
      assertReported(observed.withCopies(duplicatedCopy), "e-mail " + copy.messageId() + " " + copy.recipient()
          + " received 2 times (duplicated");
    } else {
      LOG.info("[crash-test] every e-mail came close to a kill: the check of a duplicated e-mail is not tried");
    }
  }

  private static Duration distanceToInterruption(Instant at, List<Instant> interruptions) {
    return interruptions.stream().map(i -> Duration.between(at, i).abs()).min(Comparator.naturalOrder())
        .orElse(Duration.ofDays(1));
  }

  private static void assertReported(Observed tampered, String problem) {
    assertThat(CrashOracle.check(tampered).problems()).as("the checks must report: %s", problem)
        .anySatisfy(reported -> assertThat(reported).contains(problem));
  }

  /** How many of the cases the clients last saw at each status, e.g. "DRAFTING 4, SIGN_OFF 12". */
  private static String stages(List<CaseRun> runs) {
    return runs.stream().collect(Collectors.groupingBy(r -> r.lastStatus, TreeMap::new, Collectors.counting()))
        .entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
  }

  private static List<String> tail(List<String> list) {
    synchronized (list) {
      return List.copyOf(list.subList(Math.max(0, list.size() - 5), list.size()));
    }
  }

  private void figure(String format, Object... arguments) {
    String line = String.format(Locale.ROOT, format, arguments);
    figures.add(line);
    LOG.info("[crash-test] {}", line);
  }

  private static Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(database, "postgres", "");
  }

  /** The jar `package` built (failsafe passes its name; else the one in target/, not *.original). */
  private static Path applicationJar() throws IOException {
    String configured = System.getProperty("crashtest.jar");
    if (configured != null && Files.isRegularFile(Path.of(configured))) {
      return Path.of(configured);
    }
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files.filter(p -> p.getFileName().toString().matches("vienna-mechanism-.*\\.jar"))
          .filter(p -> !p.getFileName().toString().endsWith("-plain.jar"))
          .max(Comparator.comparing(p -> p.toFile().lastModified()))
          .orElseThrow(() -> new AssertionError("No application jar in target/: run ./mvnw package (or verify) first"));
    }
  }

  private static void recreate(Path directory) throws IOException {
    if (Files.exists(directory)) {
      try (Stream<Path> files = Files.walk(directory)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
    Files.createDirectories(directory);
  }

  /** The clients' progress at which kill {@code kill} comes: spread over the run, the last well before its end. */
  private static int mark(int totalSteps, int kill) {
    return (int) Math.round(totalSteps * kill / (KILLS + 1.5));
  }
}
