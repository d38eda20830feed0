package org.osce.vienna.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The SQL statements the application sends, each with the thread that sent it: the application's
 * DataSource wrapped by datasource-proxy (the engine's statements and the application's own alike), so a
 * test can count what one HTTP request costs, or see what the job executor sends. The job executor works on its own
 * threads meanwhile; a request's statements are those of the web server's threads ({@link #stopOnRequests}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class CountedStatements {

  /** One statement sent (a batch is one). */
  public record Statement(String thread, String sql) {
  }

  private final Queue<Statement> sent = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean counting = new AtomicBoolean();

  @Bean
  static BeanPostProcessor countingDataSource(ObjectProvider<CountedStatements> log) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        if (!(bean instanceof DataSource dataSource)) {
          return bean;
        }
        QueryExecutionListener listener = new QueryExecutionListener() {
          @Override
          public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
          }

          @Override
          public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
            CountedStatements counted = log.getObject();
            if (!counted.counting.get()) {
              return;
            }
            counted.sent.add(new Statement(Thread.currentThread().getName(),
                queries.isEmpty() ? "" : queries.get(0).getQuery()));
          }
        };
        return ProxyDataSourceBuilder.create(dataSource).name(name).listener(listener).build();
      }
    };
  }

  /** Counts from now on, forgetting what was counted before (nothing is kept while no test counts). */
  public void start() {
    sent.clear();
    counting.set(true);
  }

  /** The statements sent since {@link #start} so far, by any thread; counting goes on. */
  public List<Statement> snapshot() {
    return new ArrayList<>(sent);
  }

  /** Stops counting, for a test that read what it needed with {@link #snapshot}. */
  public void stop() {
    counting.set(false);
  }

  /**
   * Stops counting: the statements sent since {@link #start} by the web server's threads (Tomcat's
   * "http-nio-…-exec-N"), that is by the requests.
   */
  public List<Statement> stopOnRequests() {
    counting.set(false);
    return new ArrayList<>(sent.stream().filter(s -> s.thread().startsWith("http-nio-")).toList());
  }
}
