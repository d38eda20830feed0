package org.osce.vienna.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real PostgreSQL server (zonky's embedded binaries from Maven Central) shared by the test run;
 * each test context gets a database of its own, created empty, as production would start.
 *
 * <p>The server stops when the JVM ends, but not with zonky's own shutdown hook: that would run beside
 * Spring's, which closes the cached test contexts, and each application would then wait out its
 * connection timeouts on a database already gone (the test JVM was killed after 30 s). For the test
 * contexts it stops in a Spring Boot shutdown handler, which runs once the contexts are closed; for a
 * JVM without them (the crash test's, where no Spring application runs and so no handler either) in a
 * shutdown hook of its own.
 */
public final class PostgresTestDatabase {

  private static EmbeddedPostgres server;
  private static boolean stopsAfterTheContexts;
  private static boolean stopsWithTheJvm;
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private PostgresTestDatabase() {
  }

  private static synchronized EmbeddedPostgres server(boolean forTestContexts) {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start the embedded PostgreSQL server", e);
      }
    }
    EmbeddedPostgres started = server;
    Runnable stop = () -> {
      try {
        started.close();
      } catch (IOException ignored) {
        // the JVM is going away; the data directory is temporary
      }
    };
    if (forTestContexts && !stopsAfterTheContexts) {
      SpringApplication.getShutdownHandlers().add(stop);
      stopsAfterTheContexts = true;
    } else if (!forTestContexts && !stopsWithTheJvm) {
      Runtime.getRuntime().addShutdownHook(new Thread(stop, "embedded-postgres-stop"));
      stopsWithTheJvm = true;
    }
    return server;
  }

  /** Creates a new empty database for a test without an application context, and returns its JDBC URL. */
  public static String newDatabase(String prefix) {
    return newDatabase(prefix, false);
  }

  private static String newDatabase(String prefix, boolean forTestContexts) {
    String name = prefix + "_" + DATABASES.incrementAndGet();
    EmbeddedPostgres postgres = server(forTestContexts);
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create test database " + name, e);
    }
    return postgres.getJdbcUrl("postgres", name);
  }

  /**
   * Points the application (profile "postgres") at a new database, with an admin as production needs: the
   * shared context's way ({@link PostgresApplicationTest}), one database each time such a context starts.
   */
  public static final class Settings implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      TestPropertyValues.of("spring.datasource.url=" + newDatabase("shared", true), "spring.datasource.username=postgres",
          "spring.datasource.password=", "camunda.bpm.admin-user.id=admin",
          "camunda.bpm.admin-user.password=admin-secret").applyTo(context);
    }
  }

}
