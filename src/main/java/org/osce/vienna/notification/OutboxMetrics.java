package org.osce.vienna.notification;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.osce.vienna.engine.RecentReading;
import org.osce.vienna.notification.NotificationOutbox.Backlog;
import org.springframework.stereotype.Component;

/**
 * Gauge {@code vienna_outbox_messages{state}}: the messages not sent yet, {@code waiting} (not tried, or
 * not failed yet) and {@code failed} (failed at least once, being retried); the two add up to what the
 * health component {@code notifications} calls pending. The same reading of the outbox as that component.
 */
@Component
public class OutboxMetrics implements MeterBinder {

  private final RecentReading<Backlog> backlog;

  public OutboxMetrics(NotificationOutbox outbox) {
    this.backlog = new RecentReading<>(outbox::backlog);
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("vienna.outbox.messages", () -> backlog.get().pending() - backlog.get().failing())
        .tag("state", "waiting").description("Messages not sent yet that have not failed").register(registry);
    Gauge.builder("vienna.outbox.messages", () -> backlog.get().failing())
        .tag("state", "failed").description("Messages not sent yet that failed at least once and are retried")
        .register(registry);
  }
}
