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
 * each test context gets a database of its own, created empty, as production would start. The server
 * stops after the test contexts have closed, so that each application shuts down with its database.
 */
public final class PostgresTestDatabase {

  private static EmbeddedPostgres server;
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private PostgresTestDatabase() {
  }

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        // Not zonky's own shutdown hook: it would run beside Spring's, which closes the cached test
        // contexts, and each application would then wait out its connection timeouts on a database that
        // is gone (the fork was killed after 30 s). Spring Boot runs its shutdown handlers after the
        // contexts are closed (also in a JVM without any, such as the crash test's).
        server = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start the embedded PostgreSQL server", e);
      }
      EmbeddedPostgres started = server;
      SpringApplication.getShutdownHandlers().add(() -> {
        try {
          started.close();
        } catch (IOException ignored) {
          // the JVM is going away; the data directory is temporary
        }
      });
    }
    return server;
  }

  /** Creates a new empty database and returns its JDBC URL. */
  public static String newDatabase(String prefix) {
    String name = prefix + "_" + DATABASES.incrementAndGet();
    try (Connection connection = server().getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create test database " + name, e);
    }
    return server().getJdbcUrl("postgres", name);
  }

  /**
   * Points the application (profile "postgres") at a new database, with an admin as production needs: the
   * shared context's way ({@link PostgresApplicationTest}), one database each time such a context starts.
   */
  public static final class Settings implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      TestPropertyValues.of("spring.datasource.url=" + newDatabase("shared"), "spring.datasource.username=postgres",
          "spring.datasource.password=", "camunda.bpm.admin-user.id=admin",
          "camunda.bpm.admin-user.password=admin-secret").applyTo(context);
    }
  }

}
