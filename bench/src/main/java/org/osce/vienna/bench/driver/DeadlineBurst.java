package org.osce.vienna.bench.driver;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;

/**
 * Many reply deadlines falling due at once, as after a long outage or in a registry of many cases: N
 * cases are delivered, then their reply timers are made due together (their due date set to now in
 * the database, as a clock would pass them), and the driver counts how soon the first missed deadline
 * is recorded, how long until all are, and how long until all their notices are sent.
 */
final class DeadlineBurst {

  /**
   * @param notifiedSeconds until the last missed deadline is recorded and every notice it queued has been accepted by
   *     the mail server (the baseline sends none: the same as {@code allSeconds})
   * @param deliveryNoticesSeconds how long the application took to send what its outbox held before the deadlines fell
   *     due (the deliveries' notices)
   * @param statements what the deadlines cost in SQL, from their due date to the last notice (empty when the cluster
   *     does not count statements)
   */
  record Result(int deadlines, double firstSeconds, double allSeconds, double notifiedSeconds,
      double deliveryNoticesSeconds, List<Database.CountedStatement> statements) {
    double perSecond() {
      return deadlines / allSeconds;
    }
  }

  /** The reply deadlines' timer jobs (a job names its element through its job definition). */
  private static final String REPLY_TIMERS =
      "job_def_id_ IN (SELECT id_ FROM act_ru_jobdef WHERE act_id_ = 'Event_ResponseDeadlinePassed')";
  /** The end of the missed-deadline path: reached once the missed deadline is recorded (and, in the application, its notices queued). */
  private static final String RECORDED = "EndEvent_MissedDeadlineRecorded";
  private static final Duration PATIENCE = Duration.ofMinutes(30);

  private DeadlineBurst() {
  }

  /**
   * With {@code informParticipatingStates} false the cases are delivered without telling the 57 delegations: 10,000
   * cases would otherwise queue 570,000 notices before the deadlines are made due.
   */
  static Result run(Target target, Database database, int deadlines, int clients, boolean informParticipatingStates,
      boolean countStatements) throws Exception {
    String db = target.kind.database;
    long waitingBefore = database.count(db, "SELECT count(*) FROM act_ru_job WHERE " + REPLY_TIMERS);
    Load.run(target.rest(), clients, deadlines, 1,
        (rest, reference, coSigners) -> FullCase.deliver(rest, reference, coSigners, informParticipatingStates));
    long waiting = database.count(db, "SELECT count(*) FROM act_ru_job WHERE " + REPLY_TIMERS);
    if (waiting - waitingBefore != deadlines) {
      throw new IllegalStateException("Expected " + deadlines + " new reply timers, found " + (waiting - waitingBefore));
    }
    // Ten days pass between a delivery and its reply deadline: the delivery's notices have long been sent when the
    // deadline falls due. Made due at once with them still queued, the deadlines would be measured against a mail
    // backlog that a real burst does not meet.
    double deliveryNotices = target.awaitNoticesSent();
    database.settle(db);
    if (countStatements) {
      database.resetStatements(db);
    }
    long start = System.nanoTime();
    Timestamp due = database.update(db, "UPDATE act_ru_job SET duedate_ = localtimestamp WHERE " + REPLY_TIMERS);
    double first = Double.NaN;
    double all = Double.NaN;
    long done = 0;
    long until = start + PATIENCE.toNanos();
    while (true) {
      double seconds = (System.nanoTime() - start) / 1e9;
      if (Double.isNaN(all)) {
        done = recordedSince(database, db, due);
        if (done > 0 && Double.isNaN(first)) {
          first = seconds;
        }
        if (done >= waiting) {
          all = seconds;
        }
      }
      if (!Double.isNaN(all) && target.unsentNotices() == 0) {
        return new Result((int) done, first, all, seconds, deliveryNotices,
            countStatements ? database.statements(db) : List.of());
      }
      if (System.nanoTime() > until) {
        throw new IllegalStateException("After " + PATIENCE + ", " + done + " of " + waiting
            + " missed deadlines recorded, " + target.unsentNotices() + " notices unsent");
      }
      Thread.sleep(100);
    }
  }

  /**
   * The missed deadlines recorded since they fell due. Asked ten times a second: it reads the engine's index of the end
   * times from that moment on, not the whole activity history (which, with 10,000 cases, is read in tens of
   * milliseconds of the targets' CPU, at each question).
   */
  private static long recordedSince(Database database, String db, Timestamp due) throws SQLException {
    return database.count(db, "SELECT count(*) FROM act_hi_actinst WHERE end_time_ >= ? AND act_id_ = '" + RECORDED + "'",
        due);
  }
}
