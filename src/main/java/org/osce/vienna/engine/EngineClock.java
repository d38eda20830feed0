package org.osce.vienna.engine;

import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * "Now" for every step of the procedure: the engine's clock, the one its timers run on, so that
 * a recorded time and a fired deadline never disagree (and tests can move time for both at once).
 */
public final class EngineClock {

  private EngineClock() {
  }

  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
