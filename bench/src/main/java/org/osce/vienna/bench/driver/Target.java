package org.osce.vienna.bench.driver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One of the two applications measured, started as its packaged jar on a database of its own. */
final class Target {

  static final String ADMIN = "bench";
  static final String PASSWORD = "bench-secret";
  /** The Java that runs the benchmark runs both targets too. */
  private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

  enum Kind {
    APPLICATION("application", "bench_application"),
    BASELINE("baseline", "bench_baseline");

    final String label;
    final String database;

    Kind(String label, String database) {
      this.label = label;
      this.database = database;
    }
  }

  final Kind kind;
  private final Path jar;
  private final List<String> javaOptions;
  private final int port;
  private final int smtpPort;
  private final Database database;
  private final Path log;
  private Process jvm;

  Target(Kind kind, Path jar, List<String> javaOptions, int port, int smtpPort, Database database, Path log) {
    this.kind = kind;
    this.jar = jar;
    this.javaOptions = javaOptions;
    this.port = port;
    this.smtpPort = smtpPort;
    this.database = database;
    this.log = log;
  }

  EngineRest rest() {
    return new EngineRest(baseUrl(), ADMIN, PASSWORD);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** Starts the jar and returns the seconds until Tasklist answers and the process can be started. */
  double start() throws IOException {
    if (rest().status("/") != -1) {
      throw new IllegalStateException("Port " + port + " is taken (a server left from an earlier run?): the "
          + kind.label + " cannot be measured there");
    }
    List<String> command = new ArrayList<>(List.of(JAVA));
    command.addAll(javaOptions);
    command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port));
    if (kind == Kind.APPLICATION) {
      command.addAll(List.of("--spring.profiles.active=postgres", "--spring.mail.host=127.0.0.1",
          "--spring.mail.port=" + smtpPort));
    }
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("SPRING_DATASOURCE_URL", database.url(kind.database));
    builder.environment().put("SPRING_DATASOURCE_USERNAME", database.user());
    builder.environment().put("CAMUNDA_BPM_ADMINUSER_ID", ADMIN);
    builder.environment().put("CAMUNDA_BPM_ADMINUSER_PASSWORD", PASSWORD);
    long startedAt = System.nanoTime();
    jvm = builder.start();
    // A benchmark stopped half-way (Ctrl-C, a failure) leaves no server running.
    Process started = jvm;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(started)));
    EngineRest rest = rest();
    long until = startedAt + Duration.ofMinutes(3).toNanos();
    while (rest.status("/camunda/app/tasklist/default/") != 200
        || rest.status("/engine-rest/process-definition/key/vienna-mechanism") != 200) {
      if (!jvm.isAlive() || System.nanoTime() > until) {
        throw new IllegalStateException("The " + kind.label + " did not start; see " + log);
      }
      sleep(100);
    }
    return (System.nanoTime() - startedAt) / 1e9;
  }

  /** Starts on an empty database. */
  double startFresh() throws IOException, SQLException {
    database.recreate(kind.database);
    return start();
  }

  void stop() {
    stop(jvm);
  }

  private static void stop(Process jvm) {
    jvm.destroy();
    try {
      if (!jvm.waitFor(60, TimeUnit.SECONDS)) {
        jvm.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      jvm.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** CPU seconds of the JVM alone. */
  double jvmCpuSeconds() {
    return ProcFs.cpuSeconds(List.of(jvm.pid()));
  }

  /** CPU seconds of the JVM and of the database's server processes serving it. */
  double cpuSeconds() throws SQLException {
    List<Long> pids = new ArrayList<>(database.backends(kind.database));
    pids.add(jvm.pid());
    return ProcFs.cpuSeconds(pids);
  }

  /** The live heap after a full collection, and the classes holding most of it, from the JDK's own jcmd. */
  record Heap(double liveMiB, List<String> biggest) {
  }

  /**
   * Forces a full collection and reads what is still live ({@code jcmd GC.class_histogram}: live objects only): what
   * the target holds, not what its collector has not given back yet.
   */
  Heap liveHeap() throws IOException, InterruptedException {
    Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
        Long.toString(jvm.pid()), "GC.class_histogram").redirectErrorStream(true).start();
    List<String> lines = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
        .lines().toList();
    jcmd.waitFor();
    String total = lines.stream().filter(line -> line.startsWith("Total")).findFirst()
        .orElseThrow(() -> new IllegalStateException("jcmd gave no heap histogram: " + lines));
    double bytes = Double.parseDouble(total.trim().split("\\s+")[2]);
    // "   1:   123456   7890123  [B (java.base@17)": rank, instances, bytes, class (jcmd's first line, "<pid>:", is not).
    List<String> biggest = lines.stream().filter(line -> line.matches("\\s*\\d+:\\s+\\d+\\s+\\d+\\s+.*")).limit(10)
        .map(line -> line.trim().split("\\s+"))
        .map(f -> String.format(Locale.ROOT, "%s: %.1f MiB in %s objects", f[3], Long.parseLong(f[2]) / 1048576.0, f[1]))
        .toList();
    return new Heap(bytes / 1048576.0, biggest);
  }

  double residentMiB() {
    return ProcFs.residentMiB(jvm.pid());
  }

  /** The application's notices not sent yet (pending, or being sent): its outbox. The baseline sends none. */
  long unsentNotices() throws SQLException {
    return kind == Kind.APPLICATION ? database.count(kind.database,
        "SELECT count(*) FROM vm_notification WHERE status IN ('PENDING', 'SENDING')") : 0;
  }

  /**
   * Waits until the application's outbox has sent everything it holds, as it would have long before the next
   * phase in use (a reply deadline falls due ten days after the delivery whose notices queued). Returns the
   * seconds it waited.
   */
  double awaitNoticesSent() throws SQLException {
    long startedAt = System.nanoTime();
    long until = startedAt + Duration.ofMinutes(30).toNanos();
    long unsent;
    while ((unsent = unsentNotices()) > 0) {
      if (System.nanoTime() > until) {
        throw new IllegalStateException("The " + kind.label + " still holds " + unsent + " unsent notices after 30 min");
      }
      sleep(200);
    }
    return (System.nanoTime() - startedAt) / 1e9;
  }

  Database.Counters counters() throws SQLException {
    return database.counters(kind.database);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
