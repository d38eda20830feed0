package org.osce.vienna.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs the {@link NotificationDispatcher} every {@code vienna.mail.dispatch.interval}, one pass at
 * a time (a fixed delay: a pass never overlaps the next; within a pass, each connection to the mail server has a
 * thread of its own). Off with
 * {@code vienna.mail.dispatch.enabled=false}, e.g. in tests that dispatch by hand.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(prefix = "vienna.mail.dispatch", name = "enabled", havingValue = "true", matchIfMissing = true)
public class DispatchSchedule implements SchedulingConfigurer {

  private static final Logger LOG = LoggerFactory.getLogger(DispatchSchedule.class);

  private final NotificationDispatcher dispatcher;
  private final MailSettings settings;

  public DispatchSchedule(NotificationDispatcher dispatcher, MailSettings settings) {
    this.dispatcher = dispatcher;
    this.settings = settings;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(this::pass, settings.dispatch().interval());
  }

  private void pass() {
    try {
      dispatcher.dispatchDue();
    } catch (RuntimeException e) {
      // E.g. the database is away for a moment: the next pass tries again.
      LOG.warn("Notification dispatch pass failed: {}", e.toString());
    }
  }
}
