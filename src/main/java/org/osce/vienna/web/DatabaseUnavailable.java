package org.osce.vienna.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a database that cannot be reached from any other failure, however deeply the engine, MyBatis
 * or Spring wrapped it, and words the 503 its callers get: the database being away is no fault of
 * the caller's and no bug, and it passes.
 */
public final class DatabaseUnavailable {

  /** How long a caller is asked to wait before trying again; the pool reconnects as soon as the database is back. */
  public static final Duration RETRY_AFTER = Duration.ofSeconds(10);

  private DatabaseUnavailable() {
  }

  /** Whether this failure, or one it wraps, is "no connection to the database". */
  public static boolean causedBy(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientConnectionException // the pool's "no connection within the timeout"
          || t instanceof CannotGetJdbcConnectionException
          || (t instanceof CannotCreateTransactionException && t.getCause() instanceof SQLException)
          || (t instanceof SQLException sql && isConnectionFailure(sql))) {
        return true;
      }
      // A broken connection also fails the rollback; Spring then throws the rollback's failure and
      // keeps the first one (the engine's, with the connection failure) aside.
      if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
          && causedBy(rollback.getApplicationException())) {
        return true;
      }
    }
    return false;
  }

  /**
   * SQLSTATE class 08: connection exception (the server went away, refused or broke the connection); and 57P01 to
   * 57P03, the server shutting down or starting: a pooled connection the server closed on its way down fails its next
   * statement with "terminating connection due to administrator command" (57P01).
   */
  private static boolean isConnectionFailure(SQLException e) {
    String state = e.getSQLState();
    return state != null && (state.startsWith("08") || List.of("57P01", "57P02", "57P03").contains(state));
  }

  public static ProblemDetail problem() {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
        "The database cannot be reached just now, so the request could not be carried out. Try again in "
            + RETRY_AFTER.toSeconds() + " seconds.");
    problem.setTitle("Temporarily unavailable");
    return problem;
  }

  public static String retryAfterSeconds() {
    return Long.toString(RETRY_AFTER.toSeconds());
  }

  /** One line for the log, without a stack trace: the cause an operator looks for. */
  public static String reason(Throwable failure) {
    Throwable deepest = failure;
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
        return reason(rollback.getApplicationException());
      }
      if (t instanceof SQLException) {
        return t.getMessage();
      }
      deepest = t;
    }
    return deepest.getMessage();
  }
}
