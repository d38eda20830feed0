package org.osce.vienna.notification;

import java.util.Properties;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * How the application's connections to the mail server are made, beyond {@code spring.mail.*}; anything set there
 * of the same name wins. Both measured with the letter attached, against GreenMail on this machine
 * (docs/performance.md):
 * <ul>
 *   <li>Nagle's algorithm off ({@link NoDelaySockets}): 58 ms a message became about 4.
 *   <li>One thread for every connection's write timeout ({@code mail.smtp.writetimeout}), which drops a cancelled
 *       timeout at once. Left to itself, Jakarta Mail starts a timer thread per connection and keeps each write's
 *       cancelled timeout queued until it would have expired: 2.6 ms of CPU a message, now 0.9.
 * </ul>
 */
final class MailConnections {

  private static final ScheduledThreadPoolExecutor WRITE_TIMEOUTS = new ScheduledThreadPoolExecutor(1, runnable -> {
    Thread thread = new Thread(runnable, "mail-write-timeouts");
    thread.setDaemon(true);
    return thread;
  });

  static {
    WRITE_TIMEOUTS.setRemoveOnCancelPolicy(true);
  }

  private MailConnections() {
  }

  static void configure(JavaMailSenderImpl sender) {
    Properties properties = sender.getJavaMailProperties();
    properties.putIfAbsent("mail.smtp.socketFactory", new NoDelaySockets());
    properties.putIfAbsent("mail.smtp.executor.writetimeout", WRITE_TIMEOUTS);
  }
}
