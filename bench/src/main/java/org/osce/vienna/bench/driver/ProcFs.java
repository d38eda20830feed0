package org.osce.vienna.bench.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/** CPU time and resident memory of processes on this machine, read from /proc (Linux). */
final class ProcFs {

  /** Clock ticks per second of /proc/[pid]/stat's times (USER_HZ, 100 on Linux). */
  private static final double TICKS = 100.0;

  private ProcFs() {
  }

  /** User + system CPU seconds of the processes (0 for one that has gone). */
  static double cpuSeconds(Collection<Long> pids) {
    double total = 0;
    for (long pid : pids) {
      try {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // The fields after the command name (which may hold spaces) start after its closing parenthesis.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        total += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS;
      } catch (IOException | RuntimeException gone) {
        // the process ended between listing and reading
      }
    }
    return total;
  }

  /** Resident memory in MiB (VmRSS). */
  static double residentMiB(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("No memory figures for process " + pid, e);
    }
    throw new IllegalStateException("No VmRSS for process " + pid);
  }
}
