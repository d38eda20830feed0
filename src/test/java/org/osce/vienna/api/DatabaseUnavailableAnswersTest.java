package org.osce.vienna.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.ws.rs.core.Response;
import java.net.ServerSocket;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osce.vienna.web.DatabaseUnavailable;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * A database that cannot be reached, once the caller is authenticated: the case API and
 * {@code /engine-rest} answer 503 with Retry-After, however the engine or Spring wrapped the pool's
 * failure; any other failure keeps its answer. The failure is the real one: a Hikari pool whose
 * database does not listen. (DatabaseOutageTest stops a real database under the whole application;
 * there the password check is what fails first.)
 */
class DatabaseUnavailableAnswersTest {

  private static SQLTransientConnectionException poolTimeout;

  @BeforeAll
  static void aPoolWithoutItsDatabase() throws Exception {
    int closedPort;
    try (ServerSocket free = new ServerSocket(0)) {
      closedPort = free.getLocalPort();
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + closedPort + "/gone");
    config.setUsername("nobody");
    config.setConnectionTimeout(250);
    config.setInitializationFailTimeout(-1);
    try (HikariDataSource pool = new HikariDataSource(config)) {
      pool.getConnection().close();
      throw new AssertionError("a connection to a port nobody listens on");
    } catch (SQLTransientConnectionException e) {
      poolTimeout = e;
    }
  }

  @Test
  void theFailureIsRecognisedHoweverItIsWrapped() {
    assertThat(DatabaseUnavailable.causedBy(poolTimeout)).isTrue();
    assertThat(DatabaseUnavailable.causedBy(new ProcessEngineException("engine", poolTimeout))).isTrue();
    assertThat(DatabaseUnavailable.causedBy(new CannotCreateTransactionException("tx", poolTimeout))).isTrue();
    TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
        new SQLException("Connection is closed"));
    rollback.initApplicationException(new ProcessEngineException("persistence", new SQLException("I/O", "08006")));
    assertThat(DatabaseUnavailable.causedBy(rollback)).isTrue();
    // A pooled connection the server closed on its way down (the first statement after the outage).
    assertThat(DatabaseUnavailable.causedBy(new DataAccessResourceFailureException("PreparedStatementCallback",
        new SQLException("FATAL: terminating connection due to administrator command", "57P01")))).isTrue();

    assertThat(DatabaseUnavailable.causedBy(new ProcessEngineException("no such task"))).isFalse();
    assertThat(DatabaseUnavailable.causedBy(new ProcessEngineException("duplicate",
        new SQLException("duplicate key", "23505")))).isFalse();
  }

  @Test
  void theCaseApiAnswers503WithRetryAfter() {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/cases");
    ResponseEntity<ProblemDetail> answer = new ApiProblems(new MultipartProperties()).unexpected(
        new ProcessEngineException("engine", poolTimeout), new ServletWebRequest(request));
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("10");
    assertThat(answer.getBody().getDetail()).contains("database cannot be reached");

    ResponseEntity<ProblemDetail> bug = new ApiProblems(new MultipartProperties()).unexpected(new IllegalStateException("a bug"),
        new ServletWebRequest(request));
    assertThat(bug.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
  }

  @Test
  void engineRestAnswers503WithRetryAfterWhereCamundaWouldAnswer500() {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/engine-rest/task/1/complete");

    EngineRestProblems.ForProcessEngineException engineMapper = new EngineRestProblems.ForProcessEngineException();
    engineMapper.request = request;
    assertUnavailable(engineMapper.toResponse(new ProcessEngineException("engine", poolTimeout)));
    assertThat(engineMapper.toResponse(new ProcessEngineException("no such task")).getStatus()).isEqualTo(500);

    EngineRestProblems.ForThrowable throwableMapper = new EngineRestProblems.ForThrowable();
    throwableMapper.request = request;
    assertUnavailable(throwableMapper.toResponse(new CannotCreateTransactionException("tx", poolTimeout)));

    EngineRestBadInput restMapper = new EngineRestBadInput();
    restMapper.request = request;
    assertUnavailable(restMapper.toResponse(new RestException(Response.Status.INTERNAL_SERVER_ERROR,
        new ProcessEngineException("engine", poolTimeout), "Cannot complete task 1")));
  }

  private static void assertUnavailable(Response response) {
    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeaderString("Retry-After")).isEqualTo("10");
    assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
    assertThat((String) response.getEntity()).contains("\"status\":503", "database cannot be reached",
        "\"instance\":\"/engine-rest/task/1/complete\"");
  }
}
