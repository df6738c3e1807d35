package dev.safehouse.enclave.host;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The command line that starts one enclave JVM, and the launcher that runs it.
 *
 * <p>Shape: {@code [/bin/sh -c 'ulimit -c 0 && exec "$@"' sh] java <hardening options> <extra
 * options> -cp <classpath> dev.safehouse.enclave.EnclaveMain <socket-path>}. The shell prefix is
 * used when {@code /bin/sh} is executable; it sets the core-file limit (soft and hard) to 0 and
 * then {@code exec}s java, so the child's pid is java's pid.
 *
 * <p>Class path, unless given in {@link EnclaveSettings#classpath()}: if {@code java.class.path} is
 * exactly one {@code quarkus-run.jar} (the packaged fast-jar), its directory's {@code app/*} and
 * {@code lib/main/*}; otherwise {@code java.class.path} as it is (tests, dev mode, plain jars).
 *
 * @param argv the full argument vector, program first
 * @param coreDumpsDisabled whether the OS core-file limit is set to 0 through {@code /bin/sh}
 */
public record EnclaveCommand(List<String> argv, boolean coreDumpsDisabled) {

  /** Fully qualified name of the enclave's main class. */
  public static final String MAIN_CLASS = "dev.safehouse.enclave.EnclaveMain";

  /**
   * JVM options always given to the enclave: a heap for ingest batches and envelopes as they arrive
   * (tables live in DuckDB's native memory; raise it with {@code
   * safehouse.enclave.jvm-options=-Xmx…} for datasets of several GiB); the full JIT, because the
   * AES-GCM, GHASH and SHA-256 intrinsics that ingest and audit signing rely on need C2; no attach,
   * no perf-data file, no core dump or error file (they would hold plaintext); exit on
   * out-of-memory.
   */
  public static final List<String> HARDENING_OPTIONS =
      List.of(
          "-Xmx2g",
          "-XX:+UseSerialGC",
          "-XX:+DisableAttachMechanism",
          "-XX:-CreateCoredumpOnCrash",
          "-XX:+ExitOnOutOfMemoryError",
          "-Xshare:auto",
          "-XX:-UsePerfData",
          "-XX:ErrorFile=/dev/null");

  /** Environment variables passed through to the child; everything else is dropped. */
  public static final List<String> INHERITED_ENVIRONMENT = List.of("LANG", "LC_ALL", "TZ");

  static final Path SHELL = Path.of("/bin/sh");
  static final String CORE_LIMIT_SCRIPT = "ulimit -c 0 && exec \"$@\"";

  /** Copies the argument vector. */
  public EnclaveCommand {
    argv = List.copyOf(argv);
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("argv must not be empty");
    }
  }

  /**
   * Builds the command for this JVM's environment.
   *
   * @param settings the launch settings
   * @param socketPath the host's listening socket, passed as the only program argument
   * @return the command
   * @throws IllegalStateException if no class path can be determined
   */
  public static EnclaveCommand of(EnclaveSettings settings, Path socketPath) {
    return of(
        settings, socketPath, System.getProperty("java.class.path", ""), Files.isExecutable(SHELL));
  }

  static EnclaveCommand of(
      EnclaveSettings settings, Path socketPath, String javaClassPath, boolean shellAvailable) {
    Objects.requireNonNull(socketPath, "socketPath");
    List<String> argv = new ArrayList<>();
    if (shellAvailable) {
      argv.addAll(List.of(SHELL.toString(), "-c", CORE_LIMIT_SCRIPT, "sh"));
    }
    argv.add(javaBinary(settings.javaCommand()));
    argv.addAll(HARDENING_OPTIONS);
    argv.addAll(settings.extraJvmOptions());
    argv.add("-cp");
    argv.add(classpath(settings.classpath(), javaClassPath));
    argv.add(MAIN_CLASS);
    argv.add(socketPath.toString());
    return new EnclaveCommand(argv, shellAvailable);
  }

  static String classpath(Optional<String> explicit, String javaClassPath) {
    if (explicit.isPresent()) {
      return absolute(explicit.get());
    }
    if (javaClassPath == null || javaClassPath.isBlank()) {
      throw new IllegalStateException("java.class.path is empty; set the enclave classpath");
    }
    String[] entries = javaClassPath.split(File.pathSeparator);
    if (entries.length == 1) {
      Path jar = Path.of(entries[0]).toAbsolutePath();
      if (jar.getFileName() != null && jar.getFileName().toString().equals("quarkus-run.jar")) {
        Path app = jar.getParent();
        return app.resolve("app").resolve("*")
            + File.pathSeparator
            + app.resolve("lib").resolve("main").resolve("*");
      }
    }
    return absolute(javaClassPath);
  }

  /**
   * Makes every entry absolute: the child runs in the socket directory, where relative entries
   * would point elsewhere. A trailing {@code *} wildcard survives, since it is a file name here.
   */
  private static String absolute(String classPath) {
    List<String> entries = new ArrayList<>();
    for (String entry : classPath.split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        entries.add(Path.of(entry).toAbsolutePath().toString());
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  static String javaBinary(Optional<Path> explicit) {
    if (explicit.isPresent()) {
      return explicit.get().toString();
    }
    Path fromHome = Path.of(System.getProperty("java.home"), "bin", "java");
    if (Files.isExecutable(fromHome)) {
      return fromHome.toString();
    }
    return ProcessHandle.current().info().command().orElse(fromHome.toString());
  }

  /**
   * Starts the command as a child process.
   *
   * <p>The child runs in {@code workDir}, with stdout and stderr merged into {@link
   * Process#getInputStream()}, and an environment reduced to {@link #INHERITED_ENVIRONMENT}, so the
   * host's secrets in environment variables (database passwords, {@code JAVA_TOOL_OPTIONS}) never
   * reach it.
   *
   * @param workDir the working directory, the host's private socket directory
   * @return the started process
   * @throws IOException if the process cannot be started
   */
  public Process start(Path workDir) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(argv).directory(workDir.toFile()).redirectErrorStream(true);
    Map<String, String> environment = builder.environment();
    Map<String, String> kept = new HashMap<>();
    for (String name : INHERITED_ENVIRONMENT) {
      String value = environment.get(name);
      if (value != null) {
        kept.put(name, value);
      }
    }
    environment.clear();
    environment.putAll(kept);
    return builder.start();
  }
}
