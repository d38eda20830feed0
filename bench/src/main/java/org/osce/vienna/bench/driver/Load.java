package org.osce.vienna.bench.driver;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Cases played by a number of clients at once, each client one case after another. */
final class Load {

  record Result(int cases, double seconds) {
    double casesPerSecond() {
      return cases / seconds;
    }
  }

  private static final AtomicInteger SERIAL = new AtomicInteger();

  private Load() {
  }

  /** What each client does with a case: play it through, or only up to a point. */
  interface Play {
    void play(EngineRest rest, String reference, int coSigners) throws Exception;
  }

  static Result run(EngineRest rest, int clients, int cases, int coSigners) throws Exception {
    return run(rest, clients, cases, coSigners, FullCase::play);
  }

  static Result run(EngineRest rest, int clients, int cases, int coSigners, Play play) throws Exception {
    AtomicInteger left = new AtomicInteger(cases);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long started = System.nanoTime();
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int client = 0; client < clients; client++) {
        running.add(pool.submit(() -> {
          while (left.getAndDecrement() > 0) {
            play.play(rest, "BENCH-" + ProcessHandle.current().pid() + "-" + SERIAL.incrementAndGet(), coSigners);
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
    return new Result(cases, (System.nanoTime() - started) / 1e9);
  }
}
