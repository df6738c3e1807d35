package dev.safehouse.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * CPU time consumed so far (Linux {@code /proc}) by this JVM (the server and the benchmark's
 * clients), its child processes (the enclave) and PostgreSQL's processes, so a benchmark can say
 * where each request's CPU went. Where {@code /proc} is missing, every figure is zero.
 */
record CpuTime(long jvmTicks, long childTicks, long postgresTicks) {
  private static final double MS_PER_TICK = 10.0; // USER_HZ is 100 on Linux

  static CpuTime now() {
    long self = ProcessHandle.current().pid();
    long children =
        ProcessHandle.current().descendants().mapToLong(p -> ticks(p.pid(), null)).sum();
    long postgres = 0;
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      postgres =
          procs
              .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
              .mapToLong(p -> ticks(Long.parseLong(p.getFileName().toString()), "postgres"))
              .sum();
    } catch (IOException e) {
      // no /proc: report zeros
    }
    return new CpuTime(ticks(self, null), children, postgres);
  }

  /** CPU milliseconds per request, by process group, between {@code before} and now. */
  record PerRequest(double jvm, double enclave, double postgres) {
    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%.2f ms (this JVM %.2f, enclave %.2f, PostgreSQL %.2f)",
          jvm + enclave + postgres,
          jvm,
          enclave,
          postgres);
    }
  }

  PerRequest since(CpuTime before, int requests) {
    return new PerRequest(
        (jvmTicks - before.jvmTicks) * MS_PER_TICK / requests,
        (childTicks - before.childTicks) * MS_PER_TICK / requests,
        (postgresTicks - before.postgresTicks) * MS_PER_TICK / requests);
  }

  /** utime + stime of a process (optionally only if its command is {@code name}), else 0. */
  private static long ticks(long pid, String name) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      int close = stat.lastIndexOf(')');
      if (name != null && !stat.substring(stat.indexOf('(') + 1, close).equals(name)) {
        return 0;
      }
      String[] fields = stat.substring(close + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
    } catch (IOException | RuntimeException e) {
      return 0; // the process ended meanwhile
    }
  }
}
