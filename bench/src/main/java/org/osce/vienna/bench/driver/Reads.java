package org.osce.vienna.bench.driver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/** A read endpoint asked by several clients at once for a while: its latencies and throughput. */
final class Reads {

  record Result(int requests, double seconds, double p50Millis, double p99Millis, long bytes) {
    double perSecond() {
      return requests / seconds;
    }
  }

  private Reads() {
  }

  /**
   * Each client asks for one of {@code paths}, chosen at random, again and again for {@code duration}, after as long
   * again unmeasured: a read path the cases did not take is compiled by the JIT while it is first asked, as the
   * cases' paths are during their warm-up.
   */
  static Result run(EngineRest rest, List<String> paths, int clients, Duration duration) throws Exception {
    ask(rest, paths, clients, duration);
    return ask(rest, paths, clients, duration);
  }

  private static Result ask(EngineRest rest, List<String> paths, int clients, Duration duration) throws Exception {
    List<Double> millis = Collections.synchronizedList(new ArrayList<>());
    List<Long> sizes = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    long until = start + duration.toNanos();
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int client = 0; client < clients; client++) {
        running.add(pool.submit(() -> {
          while (System.nanoTime() < until) {
            String path = paths.get(ThreadLocalRandom.current().nextInt(paths.size()));
            long asked = System.nanoTime();
            sizes.add(rest.read(path));
            millis.add((System.nanoTime() - asked) / 1e6);
          }
          return null;
        }));
      }
      for (Future<?> client : running) {
        client.get();
      }
    } finally {
      pool.shutdownNow();
    }
    List<Double> sorted = millis.stream().sorted().toList();
    return new Result(sorted.size(), (System.nanoTime() - start) / 1e9, percentile(sorted, 50), percentile(sorted, 99),
        sizes.stream().mapToLong(Long::longValue).max().orElse(0));
  }

  private static double percentile(List<Double> sorted, int percent) {
    return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100));
  }
}
