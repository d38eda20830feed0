package org.osce.vienna.process;

/** The names the BPMN model uses, spelled once, so Java never repeats a BPMN name by hand. */
public final class ProcessConstants {

  /** Process definition key (contract). */
  public static final String PROCESS_KEY = "vienna-mechanism";

  private ProcessConstants() {
  }
}
