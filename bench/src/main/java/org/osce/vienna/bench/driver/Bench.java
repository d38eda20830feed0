package org.osce.vienna.bench.driver;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * The benchmark (docs/performance.md): the application and the bare baseline, each on an empty
 * PostgreSQL database of its own, started and loaded in turn, pair after pair, the order swapped in each
 * pair so that neither always runs on a warmer machine. Run by {@code bench/run}; options as
 * {@code --name=value}: pairs, sizes (co-signers per case), clients, cases-per-client, warm-up-cases, bursts,
 * burst-informs-states, open-cases, read-seconds, settle, targets, out (and the jars and Java options of each target).
 */
public final class Bench {

  private Bench() {
  }

  public static void main(String[] args) {
    try {
      run(args);
    } catch (Exception | Error failure) {
      // Exit at once: the mail server's threads would keep the JVM (and, through the shutdown hooks, the
      // servers under test) alive.
      failure.printStackTrace();
      System.exit(1);
    }
    System.exit(0);
  }

  private static void run(String[] args) throws Exception {
    // The driver reports its own figures; the mail server's and the HTTP client's chatter is not wanted.
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
    Map<String, String> options = options(args);
    int pairs = Integer.parseInt(options.getOrDefault("pairs", "3"));
    List<Integer> sizes = numbers(options.getOrDefault("sizes", "34,3"));
    List<Integer> clientCounts = numbers(options.getOrDefault("clients", "1,4,16"));
    int casesPerClient = Integer.parseInt(options.getOrDefault("cases-per-client", "2"));
    // A server runs for months: its cases are measured once the JIT compiler has compiled most of what they run. For
    // about sixty 2021-size cases each target's CPU per case falls, to half of what the first cost
    // (docs/performance.md, eighth round).
    int warmUpCases = Integer.parseInt(options.getOrDefault("warm-up-cases", "60"));
    List<Integer> bursts = numbers(options.getOrDefault("bursts", "1000"));
    boolean burstInformsStates = Boolean.parseBoolean(options.getOrDefault("burst-informs-states", "true"));
    int openCases = Integer.parseInt(options.getOrDefault("open-cases", "10000"));
    Duration readFor = Duration.ofSeconds(Integer.parseInt(options.getOrDefault("read-seconds", "20")));
    Path out = Path.of(options.getOrDefault("out", "bench/results/latest.md"));
    Path logs = Files.createDirectories(Path.of("bench/target/logs"));
    boolean settle = Boolean.parseBoolean(options.getOrDefault("settle", "true"));
    Database database = new Database("127.0.0.1", Integer.parseInt(options.getOrDefault("pg-port", "5432")), "postgres",
        settle);

    SmtpServer mail = SmtpServer.start(0);
    int smtpPort = mail.port();
    Map<Target.Kind, Target> targets = new LinkedHashMap<>();
    targets.put(Target.Kind.APPLICATION, new Target(Target.Kind.APPLICATION,
        Path.of(options.getOrDefault("application-jar", "target/vienna-mechanism-0.1.0-SNAPSHOT.jar")),
        javaOptions(options.get("application-java-options")), 18181, smtpPort, database,
        logs.resolve("application.log")));
    targets.put(Target.Kind.BASELINE, new Target(Target.Kind.BASELINE,
        Path.of(options.getOrDefault("baseline-jar", "bench/target/vienna-mechanism-bench-0.1.0-SNAPSHOT.jar")),
        javaOptions(options.get("baseline-java-options")), 18182, smtpPort, database, logs.resolve("baseline.log")));
    // --targets=application measures one target alone (to profile it); the ratios then stay empty.
    targets.keySet().retainAll(Arrays.stream(options.getOrDefault("targets", "application,baseline").split(","))
        .map(name -> Target.Kind.valueOf(name.trim().toUpperCase(Locale.ROOT))).toList());
    boolean countsStatements = database.countsStatements();
    boolean autovacuum = database.autovacuums();
    StringBuilder statements = new StringBuilder();
    StringBuilder heaps = new StringBuilder();

    String started = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
    String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
    Figures figures = new Figures();
    int biggest = sizes.stream().max(Integer::compare).orElseThrow();
    int measuredClients = clientCounts.contains(4) ? 4 : clientCounts.get(clientCounts.size() - 1);
    for (int pair = 1; pair <= pairs; pair++) {
      List<Target> order = new ArrayList<>(targets.values());
      if (pair % 2 == 0) {
        Collections.reverse(order);
      }
      for (Target target : order) {
        System.out.printf("pair %d: %s%n", pair, target.kind.label);
        figures.add("start-up to Tasklist, empty database", "s", target.kind, target.startFresh());
        EngineRest rest = target.rest();
        // Warm-up: the first cases load classes and compile code, in both alike; not measured. Their notices are sent
        // before the measured cases start, which are charged with their own.
        Load.run(rest, 4, warmUpCases, biggest);
        target.awaitNoticesSent();
        for (int size : sizes) {
          for (int clients : clientCounts) {
            int unavailableBefore = EngineRest.UNAVAILABLE.get();
            double cpuBefore = target.cpuSeconds();
            double jvmCpuBefore = target.jvmCpuSeconds();
            double driverCpuBefore = ProcFs.cpuSeconds(List.of(ProcessHandle.current().pid()));
            long messagesBefore = mail.messages();
            long callsBefore = EngineRest.CALLS.get();
            Database.Counters before = target.counters();
            boolean measured = size == biggest && clients == measuredClients;
            if (measured && countsStatements) {
              database.resetStatements(target.kind.database);
            }
            Load.Result result = Load.run(rest, clients, Math.max(2, clients * casesPerClient), size);
            double cpu = target.cpuSeconds() - cpuBefore;
            double jvmCpu = target.jvmCpuSeconds() - jvmCpuBefore;
            double driverCpu = ProcFs.cpuSeconds(List.of(ProcessHandle.current().pid())) - driverCpuBefore;
            long messages = mail.messages() - messagesBefore;
            long calls = EngineRest.CALLS.get() - callsBefore;
            Database.Counters work = target.counters().minus(before);
            String kind = (size + 1) + " signatories";
            figures.add("full cases, " + kind + ", " + clients + " clients", "cases/s", target.kind,
                result.casesPerSecond());
            figures.add("full cases, " + kind + ", " + clients + " clients: answered 503, asked again", "times",
                target.kind, EngineRest.UNAVAILABLE.get() - unavailableBefore);
            if (measured) {
              figures.add("CPU per case, " + kind + " (JVM + its PostgreSQL backends)", "s", target.kind,
                  cpu / result.cases());
              figures.add("CPU per case, " + kind + ", of the JVM alone", "s", target.kind, jvmCpu / result.cases());
              // The driver shares the machine: its clients and the SMTP server receiving the target's mail (the
              // application's only) take CPU from the target's two cores.
              figures.add("CPU per case of the driver and its SMTP server, " + kind, "s", target.kind,
                  driverCpu / result.cases());
              // The notices are sent after the step that causes them: those of the last cases leave after the clock.
              figures.add("messages the SMTP server took while the cases ran, per case, " + kind, "messages",
                  target.kind, (double) messages / result.cases());
              figures.add("calls to /engine-rest per case (each poll for a task or the end included), " + kind, "calls",
                  target.kind, (double) calls / result.cases());
              figures.add("rows inserted per case, " + kind, "rows", target.kind,
                  (double) work.inserted() / result.cases());
              figures.add("rows fetched per case, " + kind, "rows", target.kind,
                  (double) work.fetched() / result.cases());
              figures.add("transactions per case, " + kind, "commits", target.kind,
                  (double) work.commits() / result.cases());
              if (countsStatements) {
                List<Database.CountedStatement> counted = database.statements(target.kind.database);
                figures.add("SQL statements per case, " + kind, "statements", target.kind,
                    counted.stream().mapToLong(Database.CountedStatement::calls).sum() / (double) result.cases());
                if (pair == 1) {
                  statements.append(statementsPer(target, kind, "case", counted, result.cases()));
                }
              }
            }
            System.out.printf("  %d signatories, %d clients: %.2f cases/s%n", size + 1, clients,
                result.casesPerSecond());
          }
        }
        for (int burst : bursts) {
          boolean counted = countsStatements && pair == 1 && burst == bursts.get(bursts.size() - 1);
          DeadlineBurst.Result due = DeadlineBurst.run(target, database, burst, 16, burstInformsStates, counted);
          String deadlines = burst + " reply deadlines due at once" + (burstInformsStates ? "" : " (the 57 not told)");
          if (target.kind == Target.Kind.APPLICATION) {
            figures.add(deadlines + ": the delivery notices sent first, in", "s", target.kind,
                due.deliveryNoticesSeconds());
          }
          figures.add(deadlines + ": first recorded after", "s", target.kind, due.firstSeconds());
          figures.add(deadlines + ": all recorded after", "s", target.kind, due.allSeconds());
          figures.add(deadlines + ": recorded per second", "1/s", target.kind, due.perSecond());
          figures.add(deadlines + ": all recorded and their notices sent after", "s", target.kind,
              due.notifiedSeconds());
          if (counted) {
            statements.append(statementsPer(target, burst + " reply deadlines due at once", "deadline",
                due.statements(), due.deadlines()));
          }
          System.out.printf("  %d deadlines: first after %.1f s, all after %.1f s, told after %.1f s%n", burst,
              due.firstSeconds(), due.allSeconds(), due.notifiedSeconds());
        }
        // A registry of many open cases (each left at its first task), as after years of use: the reads and the
        // memory below are measured with them in the database.
        Load.Result opened = Load.run(target.rest(), 8, openCases, 0, FullCase::open);
        figures.add(openCases + " cases opened, 8 clients", "cases/s", target.kind, opened.casesPerSecond());
        long cases = database.count(target.kind.database, "SELECT count(*) FROM act_hi_procinst");
        // A registry is read long after its notices went out: the reads are not measured against a mail backlog.
        target.awaitNoticesSent();
        database.settle(target.kind.database);
        if (target.kind == Target.Kind.APPLICATION) {
          readCaseApi(target, database, readFor, figures, cases);
        }
        Target.Heap heap = target.liveHeap();
        figures.add("live heap after the load, after a full collection (" + cases + " cases in the database)", "MiB",
            target.kind, heap.liveMiB());
        if (pair == 1) {
          heaps.append("\n### ").append(target.kind.label).append(": the ten largest\n\n")
              .append(heap.biggest().stream().map(line -> "- " + line).collect(Collectors.joining("\n"))).append("\n");
        }
        figures.add("resident memory after the load (" + cases + " cases in the database)", "MiB", target.kind,
            target.residentMiB());
        target.stop();
        figures.add("start-up to Tasklist, restart", "s", target.kind, target.start());
        target.stop();
      }
    }
    mail.close();

    String report = "# Benchmark run of " + started + "\n\n"
        + "Command: `bench/run " + String.join(" ", args) + "`  \n"
        + "Machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + memory() + ", Java "
        + System.getProperty("java.version") + "; load average before " + loadBefore + ", after "
        + Files.readString(Path.of("/proc/loadavg")).trim() + "  \n"
        + pairs + " pairs; each full case: " + casesPerClient + " per client (at least 2), after " + warmUpCases
        + " warm-up cases of " + (biggest + 1) + " signatories at 4 clients"
        + (autovacuum ? "" : "; autovacuum is off on this cluster: " + (settle
            ? "before the deadlines are made due and before the reads, the driver runs VACUUM (ANALYZE) in the"
                + " target's database, as the daemon would have"
            : "the tables are measured as it leaves them (--settle=false), without statistics"))
        + "\n\n"
        + figures.table()
        + (countsStatements ? "\n## Where the statements go (pg_stat_statements, the first pair)\n" + statements
            : "\npg_stat_statements is not loaded on this cluster: no statements counted.\n")
        + "\n## What the heap holds after the load (jcmd GC.class_histogram, the first pair)\n" + heaps;
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, report);
    System.out.println(report);
  }

  /** The case API's reads at 8 clients (the application only: the baseline has no case API). */
  private static void readCaseApi(Target target, Database database, Duration duration, Figures figures, long cases)
      throws Exception {
    List<String> references = database.strings(target.kind.database, "SELECT business_key_ FROM act_hi_procinst");
    Reads.Result one = Reads.run(target.rest(), references.stream().map(r -> "/api/cases/" + r).toList(), 8, duration);
    String with = ", " + cases + " cases";
    figures.add("GET /api/cases/{reference}, 8 clients" + with + ": p50", "ms", target.kind, one.p50Millis());
    figures.add("GET /api/cases/{reference}, 8 clients" + with + ": p99", "ms", target.kind, one.p99Millis());
    figures.add("GET /api/cases/{reference}, 8 clients: requests", "1/s", target.kind, one.perSecond());
    // The list as a system reads it: a 50-case page (the default size), its total in X-Total-Count.
    Reads.Result waiting = Reads.run(target.rest(), List.of("/api/cases?status=AWAITING_RESPONSE&size=50"), 8,
        duration);
    figures.add("GET /api/cases?status=AWAITING_RESPONSE, a 50-case page, 8 clients" + with + ": p99", "ms", target.kind,
        waiting.p99Millis());
    figures.add("GET /api/cases?status=AWAITING_RESPONSE, a 50-case page, 8 clients: requests", "1/s", target.kind,
        waiting.perSecond());
    figures.add("GET /api/cases?status=AWAITING_RESPONSE, a 50-case page: size of the answer", "KiB", target.kind,
        waiting.bytes() / 1024.0);
    // The first page of the whole registry, newest first, as Cockpit's Cases view opens it.
    Reads.Result newest = Reads.run(target.rest(), List.of("/api/cases?size=50"), 8, duration);
    figures.add("GET /api/cases, the first 50-case page, 8 clients" + with + ": p99", "ms", target.kind,
        newest.p99Millis());
  }

  /** The statements a case (or a deadline) costs a target, the most frequent first, for the report. */
  private static String statementsPer(Target target, String kind, String unit, List<Database.CountedStatement> counted,
      int cases) {
    StringBuilder table = new StringBuilder("\n### " + target.kind.label + ", " + kind + ": the 25 most frequent\n\n"
        + String.format("| per %1$s | rows per %1$s | ms per %1$s | statement |%n|---|---|---|---|%n", unit));
    for (Database.CountedStatement statement : counted.stream().limit(25).toList()) {
      String text = statement.text().replaceAll("\\s+", " ").replace("|", "\\|");
      table.append(String.format(Locale.ROOT, "| %.1f | %.1f | %.1f | `%s` |%n", statement.calls() / (double) cases,
          statement.rows() / (double) cases, statement.millis() / cases,
          text.length() > 160 ? text.substring(0, 157) + "..." : text));
    }
    return table.toString();
  }

  /** Extra options for a target's JVM (e.g. a flight recording), separated by spaces; none if not given. */
  private static List<String> javaOptions(String options) {
    return options == null || options.isBlank() ? List.of() : List.of(options.trim().split("\\s+"));
  }

  private static String memory() throws IOException {
    return Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException("Options are --name=value, not " + arg);
      }
      options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
    }
    return options;
  }

  private static List<Integer> numbers(String list) {
    return Arrays.stream(list.split(",")).map(String::trim).map(Integer::parseInt).toList();
  }
}
