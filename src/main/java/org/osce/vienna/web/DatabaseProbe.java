package org.osce.vienna.web;

import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether the database answers, known within {@code vienna.health.database-timeout}: the pool's own
 * wait for a connection is longer, and a health check that waits as long as callers do tells the load
 * balancer nothing in time. The check runs on a thread of its own; while one is under way no other is
 * started (a database that hangs never piles up threads), and a result is reused for as long as the
 * timeout, so the health components that need the database ask it once per health request.
 */
@Component
public class DatabaseProbe {

  /** What the probe found: reachable (with the database's name) or not (with the reason). */
  public record Result(boolean reachable, String detail, long atNanos) {
  }

  private final DataSource dataSource;
  private final Duration timeout;
  private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
    Thread t = new Thread(runnable, "database-probe");
    t.setDaemon(true);
    return t;
  });
  private Future<Result> running;
  private Result last;

  public DatabaseProbe(DataSource dataSource, @Value("${vienna.health.database-timeout}") Duration timeout) {
    this.dataSource = dataSource;
    this.timeout = timeout;
  }

  public Duration timeout() {
    return timeout;
  }

  public Result check() {
    Future<Result> probe;
    synchronized (this) {
      if (last != null && System.nanoTime() - last.atNanos() < timeout.toNanos()) {
        return last;
      }
      if (running == null || running.isDone()) {
        running = thread.submit(this::probe);
      }
      probe = running;
    }
    Result result;
    try {
      result = probe.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      result = unreachable("No answer from the database within " + timeout.toMillis() + " ms");
    } catch (ExecutionException e) {
      result = unreachable(String.valueOf(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      result = unreachable("Interrupted while waiting for the database");
    }
    synchronized (this) {
      last = result;
    }
    return result;
  }

  private Result probe() {
    try (Connection connection = dataSource.getConnection()) {
      int seconds = (int) Math.max(1, timeout.toSeconds());
      if (!connection.isValid(seconds)) {
        return unreachable("The database connection is not valid");
      }
      return new Result(true, connection.getMetaData().getDatabaseProductName(), System.nanoTime());
    } catch (SQLException e) {
      return unreachable(e.getMessage());
    }
  }

  private static Result unreachable(String reason) {
    return new Result(false, reason, System.nanoTime());
  }

  @PreDestroy
  void stop() {
    thread.shutdownNow();
  }
}
