package org.osce.vienna.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application jar run as a child JVM, as an operator runs it (profile "postgres"),
 * killed with SIGKILL and started again on the same database. Each start writes its own log file.
 *
 * <p>The jar is run unpacked as Spring Boot's tools unpack it for a deployment
 * ({@code java -Djarmode=tools -jar app.jar extract}, then {@code java -jar} on the unpacked jar): the same
 * application, its classes and libraries as plain jars next to it. A start then takes about 11 s of CPU
 * where reading the classes out of the packed jar's nested jars took 18 s; the six starts are most of the
 * test's time.
 */
final class ChildApplication implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

  private final Path jar;
  private final Path logDirectory;
  private final Map<String, String> environment;
  private final List<String> arguments;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final List<Duration> startDurations = new ArrayList<>();
  private final Thread killOnExit = new Thread(this::destroyNow, "crash-test-child-killer");

  private Process process;
  private String baseUrl;
  private Path log;
  private int starts;
  /** Whether clients may call: set once the application answers healthy, cleared before it is killed. */
  private boolean up;

  ChildApplication(Path jar, Path logDirectory, Map<String, String> environment, List<String> arguments) {
    this.jar = unpacked(jar, logDirectory.resolve("application"));
    this.logDirectory = logDirectory;
    this.environment = Map.copyOf(environment);
    this.arguments = List.copyOf(arguments);
    Runtime.getRuntime().addShutdownHook(killOnExit);
  }

  /** Starts the jar on a free port and waits until it reports itself healthy. */
  void start() {
    Instant begun = Instant.now();
    Process started;
    String url;
    synchronized (this) {
      if (process != null && process.isAlive()) {
        throw new IllegalStateException("The application is still running (pid " + process.pid() + ")");
      }
      starts++;
      int port = freePort();
      url = "http://127.0.0.1:" + port;
      log = logDirectory.resolve("app-" + starts + ".log");
      // C1 only and the serial collector: a start costs half the CPU on a small, shared machine.
      List<String> command = new ArrayList<>(List.of(java(), "-Xmx512m",
          "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString()));
      command.addAll(arguments);
      command.add("--server.port=" + port);
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(log.toFile());
      builder.environment().putAll(environment);
      try {
        Files.createDirectories(logDirectory);
        started = builder.start();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start " + command, e);
      }
      process = started;
      baseUrl = url;
    }
    awaitHealthy(started, url, begun);
    synchronized (this) {
      startDurations.add(Duration.between(begun, Instant.now()));
      up = true;
      notifyAll();
    }
  }

  /** Unpacks the jar into {@code directory} (which must not exist yet); the unpacked jar to run. */
  private static Path unpacked(Path jar, Path directory) {
    Path log = directory.resolveSibling("unpack.log");
    List<String> command = List.of(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
        directory.toString());
    try {
      Files.createDirectories(directory.getParent());
      Process unpacking = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!unpacking.waitFor(2, TimeUnit.MINUTES) || unpacking.exitValue() != 0) {
        unpacking.destroyForcibly();
        throw new AssertionError("Cannot unpack " + jar + "; see " + log.toAbsolutePath());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    Path unpacked = directory.resolve(jar.getFileName());
    if (!Files.isRegularFile(unpacked)) {
      throw new AssertionError("No " + unpacked + " after unpacking " + jar + "; see " + log.toAbsolutePath());
    }
    return unpacked;
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private void awaitHealthy(Process started, String url, Instant begun) {
    Instant deadline = begun.plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!started.isAlive()) {
        throw new AssertionError("The application (start " + starts + ") exited with " + started.exitValue()
            + " before it was healthy; see " + log.toAbsolutePath());
      }
      if (healthy(url)) {
        return;
      }
      pause(Duration.ofMillis(100));
    }
    throw new AssertionError("The application (start " + starts + ") was not healthy within " + START_TIMEOUT
        + "; see " + log.toAbsolutePath());
  }

  private boolean healthy(String url) {
    try {
      HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url + "/actuator/health"))
          .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return answer.statusCode() == 200 && answer.body().contains("\"status\":\"UP\"");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** SIGKILL ({@link Process#destroyForcibly()} on Linux): no shutdown hook, no graceful stop, no commit. */
  void kill() {
    Process victim;
    synchronized (this) {
      up = false;
      victim = process;
    }
    victim.destroyForcibly();
    waitForExit(victim);
  }

  /** A graceful stop (SIGTERM) at the end of the test. */
  void stop() {
    Process running;
    synchronized (this) {
      up = false;
      running = process;
    }
    if (running == null || !running.isAlive()) {
      return;
    }
    running.destroy();
    try {
      if (!running.waitFor(60, TimeUnit.SECONDS)) {
        running.destroyForcibly();
        waitForExit(running);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running.destroyForcibly();
    }
  }

  private static void waitForExit(Process process) {
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Blocks until the application is up (again); the base URL of the running instance. */
  synchronized String awaitUp(Instant deadline) {
    while (!up) {
      long wait = Duration.between(Instant.now(), deadline).toMillis();
      if (wait <= 0) {
        throw new AssertionError("The application was not up again by " + deadline + "; see " + logs());
      }
      try {
        wait(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return baseUrl;
  }

  synchronized long pid() {
    return process.pid();
  }

  synchronized int starts() {
    return starts;
  }

  synchronized List<Duration> startDurations() {
    return List.copyOf(startDurations);
  }

  /** Where the log files are, for failure messages. */
  String logs() {
    return logDirectory.toAbsolutePath() + "/app-*.log";
  }

  private void destroyNow() {
    Process running;
    synchronized (this) {
      running = process;
    }
    if (running != null && running.isAlive()) {
      running.destroyForcibly();
    }
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the hook runs anyway
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
