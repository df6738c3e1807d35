package dev.safehouse.enclave.host;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How the host launches and supervises the enclave process. Immutable; every field is validated on
 * construction.
 *
 * @param classpath the enclave's class path; empty to derive it from {@code java.class.path} (see
 *     {@link EnclaveCommand})
 * @param javaCommand the {@code java} executable; empty for {@code ${java.home}/bin/java}
 * @param extraJvmOptions options appended after the built-in ones (so {@code -Xmx1g} overrides the
 *     default heap); each must start with {@code -} and contain no whitespace, and options that
 *     would weaken isolation (agents, debuggers, attach, core dumps, JMX, perf data) are rejected
 * @param startTimeout how long a new child may take to connect and say Hello
 * @param requestTimeout default time a request may wait for its response
 * @param backoffInitial first restart delay after a failure
 * @param backoffMax largest restart delay; the delay doubles up to it
 * @param stableAfter how long a child must stay READY for the delay to reset to {@code
 *     backoffInitial}
 */
public record EnclaveSettings(
    Optional<String> classpath,
    Optional<Path> javaCommand,
    List<String> extraJvmOptions,
    Duration startTimeout,
    Duration requestTimeout,
    Duration backoffInitial,
    Duration backoffMax,
    Duration stableAfter) {

  private static final List<String> FORBIDDEN_OPTION_PREFIXES =
      List.of(
          "-agentlib",
          "-agentpath",
          "-javaagent",
          "-xrun",
          "-xdebug",
          "-xx:-disableattachmechanism",
          "-xx:+createcoredumponcrash",
          "-xx:+useperfdata",
          "-xx:+enabledynamicagentloading",
          "-dcom.sun.management",
          "-xx:+startattachlistener",
          "-xx:errorfile",
          "-cp",
          "-classpath",
          "--class-path",
          "-jar");

  /**
   * Validates the fields.
   *
   * @throws IllegalArgumentException if a duration is not positive, {@code backoffMax <
   *     backoffInitial}, the class path is blank, or an extra JVM option is malformed or forbidden
   */
  public EnclaveSettings {
    Objects.requireNonNull(classpath, "classpath");
    Objects.requireNonNull(javaCommand, "javaCommand");
    extraJvmOptions = List.copyOf(extraJvmOptions);
    requirePositive(startTimeout, "startTimeout");
    requirePositive(requestTimeout, "requestTimeout");
    requirePositive(backoffInitial, "backoffInitial");
    requirePositive(backoffMax, "backoffMax");
    requirePositive(stableAfter, "stableAfter");
    if (backoffMax.compareTo(backoffInitial) < 0) {
      throw new IllegalArgumentException("backoffMax must not be less than backoffInitial");
    }
    if (classpath.isPresent() && classpath.get().isBlank()) {
      throw new IllegalArgumentException("classpath must not be blank when given");
    }
    for (String option : extraJvmOptions) {
      checkOption(option);
    }
  }

  /**
   * Returns the defaults: derived class path and java, no extra options, start timeout 20 s,
   * request timeout 10 s, back-off 250 ms doubling to 10 s, reset after 30 s READY.
   */
  public static EnclaveSettings defaults() {
    return new EnclaveSettings(
        Optional.empty(),
        Optional.empty(),
        List.of(),
        Duration.ofSeconds(20),
        Duration.ofSeconds(10),
        Duration.ofMillis(250),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30));
  }

  /** Returns a copy with an explicit class path. */
  public EnclaveSettings withClasspath(String value) {
    return new EnclaveSettings(
        Optional.of(value),
        javaCommand,
        extraJvmOptions,
        startTimeout,
        requestTimeout,
        backoffInitial,
        backoffMax,
        stableAfter);
  }

  /** Returns a copy with an explicit java executable. */
  public EnclaveSettings withJavaCommand(Path value) {
    return new EnclaveSettings(
        classpath,
        Optional.of(value),
        extraJvmOptions,
        startTimeout,
        requestTimeout,
        backoffInitial,
        backoffMax,
        stableAfter);
  }

  /** Returns a copy with the given extra JVM options. */
  public EnclaveSettings withExtraJvmOptions(List<String> value) {
    return new EnclaveSettings(
        classpath,
        javaCommand,
        value,
        startTimeout,
        requestTimeout,
        backoffInitial,
        backoffMax,
        stableAfter);
  }

  /** Returns a copy with the given start and request timeouts. */
  public EnclaveSettings withTimeouts(Duration start, Duration request) {
    return new EnclaveSettings(
        classpath,
        javaCommand,
        extraJvmOptions,
        start,
        request,
        backoffInitial,
        backoffMax,
        stableAfter);
  }

  /** Returns a copy with the given back-off bounds and stability period. */
  public EnclaveSettings withBackoff(Duration initial, Duration max, Duration stable) {
    return new EnclaveSettings(
        classpath,
        javaCommand,
        extraJvmOptions,
        startTimeout,
        requestTimeout,
        initial,
        max,
        stable);
  }

  private static void requirePositive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }

  private static void checkOption(String option) {
    Objects.requireNonNull(option, "extraJvmOptions element");
    if (!option.startsWith("-") || option.isBlank() || option.chars().anyMatch(c -> c <= 0x20)) {
      throw new IllegalArgumentException(
          "extra JVM options must start with - and contain no whitespace");
    }
    String lower = option.toLowerCase(Locale.ROOT);
    for (String prefix : FORBIDDEN_OPTION_PREFIXES) {
      if (lower.startsWith(prefix)) {
        throw new IllegalArgumentException(
            "extra JVM option not allowed for the enclave: " + prefix);
      }
    }
  }
}
