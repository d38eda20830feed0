package org.osce.vienna.engine;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A value read from the database at most once per {@link #FRESH_FOR}: the gauges of one Prometheus
 * scrape that come from one query (the open cases of each status) share that query's answer, and a
 * burst of scrapes does not become a burst of queries. Measured on the JVM's monotonic clock, not the
 * engine's, which tests move.
 */
public final class RecentReading<T> implements Supplier<T> {

  /** Short against Prometheus' usual 15 to 60 s between scrapes, long against the time one scrape takes. */
  public static final Duration FRESH_FOR = Duration.ofSeconds(5);

  private final Supplier<T> read;
  private T value;
  private long readAt;

  public RecentReading(Supplier<T> read) {
    this.read = read;
  }

  @Override
  public synchronized T get() {
    long now = System.nanoTime();
    if (value == null || now - readAt >= FRESH_FOR.toNanos()) {
      value = read.get();
      readAt = now;
    }
    return value;
  }
}
