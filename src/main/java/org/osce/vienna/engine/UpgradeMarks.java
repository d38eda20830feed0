package org.osce.vienna.engine;

import org.camunda.bpm.engine.ManagementService;

/**
 * Which upgrades of older data have run on this database, each with the version of what it wrote, kept as engine
 * properties ({@code ACT_GE_PROPERTY}, the engine's own place for such marks). An upgrade reads every case, so it runs
 * when it has something new to do, not at every start: with ten thousand cases the three upgrades took 20 seconds of
 * each start (docs/performance.md). Marked only once done, so one that fails half-way runs again at the next start.
 */
public final class UpgradeMarks {

  private static final String PREFIX = "vienna.upgrade.";

  private UpgradeMarks() {
  }

  /** Whether {@code upgrade} has run to its end in {@code version}. */
  public static boolean done(ManagementService management, String upgrade, String version) {
    return version.equals(management.getProperties().get(PREFIX + upgrade));
  }

  public static void markDone(ManagementService management, String upgrade, String version) {
    management.setProperty(PREFIX + upgrade, version);
  }
}
