package org.osce.vienna.bench.driver;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** The PostgreSQL cluster both targets use, each in a database of its own: created afresh, and counted. */
final class Database {

  /** What PostgreSQL counted for one database: transactions and rows (pg_stat_database). */
  record Counters(long commits, long inserted, long fetched) {
    Counters minus(Counters before) {
      return new Counters(commits - before.commits, inserted - before.inserted, fetched - before.fetched);
    }
  }

  private final String host;
  private final int port;
  private final String user;
  private final boolean settles;

  /** @param settles whether {@link #settle} does its work (false: the tables as this cluster leaves them) */
  Database(String host, int port, String user, boolean settles) {
    this.host = host;
    this.port = port;
    this.user = user;
    this.settles = settles;
  }

  String url(String database) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  String user() {
    return user;
  }

  void recreate(String database) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + database);
    }
  }

  Counters counters(String database) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      // The statistics collector publishes with a delay; a fresh snapshot is read each time.
      s.execute("SELECT pg_stat_clear_snapshot()");
      try (ResultSet r = s.executeQuery("SELECT xact_commit, tup_inserted, tup_fetched FROM pg_stat_database"
          + " WHERE datname = '" + database + "'")) {
        r.next();
        return new Counters(r.getLong(1), r.getLong(2), r.getLong(3));
      }
    }
  }

  /** One statement as pg_stat_statements counted it in a database: how often, how many rows, how long in all. */
  record CountedStatement(long calls, long rows, double millis, String text) {
  }

  /**
   * Whether the cluster counts statements: pg_stat_statements is loaded ({@code shared_preload_libraries}) and its
   * view can be read. Without it the benchmark runs as before and says so in its report.
   */
  boolean countsStatements() {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
      s.executeQuery("SELECT 1 FROM pg_stat_statements LIMIT 1").close();
      return true;
    } catch (SQLException notLoaded) {
      return false;
    }
  }

  /** Forgets what pg_stat_statements counted for the database. */
  void resetStatements(String database) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("SELECT pg_stat_statements_reset(0, (SELECT oid FROM pg_database WHERE datname = '" + database
          + "'), 0)");
    }
  }

  /** What pg_stat_statements counted for the database since its reset, the most frequent first. */
  List<CountedStatement> statements(String database) throws SQLException {
    List<CountedStatement> statements = new ArrayList<>();
    try (Connection c = connect(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT calls, rows, total_exec_time, query FROM pg_stat_statements"
            + " WHERE dbid = (SELECT oid FROM pg_database WHERE datname = '" + database + "') ORDER BY calls DESC")) {
      while (r.next()) {
        statements.add(new CountedStatement(r.getLong(1), r.getLong(2), r.getDouble(3), r.getString(4)));
      }
    }
    return statements;
  }

  /** The server processes serving the database's connections (their CPU is the target's too). */
  List<Long> backends(String database) throws SQLException {
    List<Long> pids = new ArrayList<>();
    try (Connection c = connect(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT pid FROM pg_stat_activity WHERE datname = '" + database + "'"
            + " AND pid <> pg_backend_pid()")) {
      while (r.next()) {
        pids.add(r.getLong(1));
      }
    }
    return pids;
  }

  /** Whether the cluster's autovacuum daemon runs (this machine's CI configuration turns it off). */
  boolean autovacuums() throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery("SHOW autovacuum")) {
      r.next();
      return "on".equals(r.getString(1));
    }
  }

  /**
   * Brings the target's tables to where the autovacuum daemon of a production server keeps them as they grow
   * (statistics for the planner, visibility maps for index-only scans), when this cluster's daemon is off.
   * Otherwise a registry of thousands of cases would be read with plans made for empty tables.
   */
  void settle(String database) throws SQLException {
    if (!settles || autovacuums()) {
      return;
    }
    try (Connection c = connect(database); Statement s = c.createStatement()) {
      s.execute("VACUUM (ANALYZE)");
    }
  }

  /** The number a counting query gives in the target's database, with its parameters (a timestamp, say). */
  long count(String database, String query, Object... parameters) throws SQLException {
    try (Connection c = connect(database); PreparedStatement s = c.prepareStatement(query)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  List<String> strings(String database, String query) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection c = connect(database); Statement s = c.createStatement(); ResultSet r = s.executeQuery(query)) {
      while (r.next()) {
        values.add(r.getString(1));
      }
    }
    return values;
  }

  /**
   * Runs an update in the time zone of this machine's JVMs, and returns the moment it ran: the engine writes its
   * timestamps (a job's due date, an activity's end) as local time without a zone, so {@code localtimestamp} is "now"
   * to it.
   */
  Timestamp update(String database, String statement) throws SQLException {
    try (Connection c = connect(database); Statement s = c.createStatement()) {
      s.execute("SET TIME ZONE '" + ZoneId.systemDefault().getId() + "'");
      try (ResultSet r = s.executeQuery("SELECT localtimestamp")) {
        r.next();
        Timestamp now = r.getTimestamp(1);
        s.executeUpdate(statement);
        return now;
      }
    }
  }

  private Connection connect() throws SQLException {
    return connect("postgres");
  }

  private Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(url(database), user, null);
  }
}
