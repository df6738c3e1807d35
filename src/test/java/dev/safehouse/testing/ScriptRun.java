package dev.safehouse.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of a repository script ({@code reliability/*.sh}, {@code console-tests/run.sh}) from an
 * integration test: its output goes to a file under {@code target/}, and a run that outlives its
 * time limit is killed with all its descendants.
 *
 * @param ended whether the script ended within the limit
 * @param exitStatus its exit status (-1 if it was killed)
 * @param tail the last lines of its output, for assertion messages
 */
public record ScriptRun(boolean ended, int exitStatus, String tail) {
  /** Runs {@code bash script args...} from the repository root with {@code env} added. */
  public static ScriptRun of(
      String script, List<String> args, Map<String, String> env, Path output, Duration limit)
      throws IOException, InterruptedException {
    Files.createDirectories(output.toAbsolutePath().getParent());
    List<String> command = new ArrayList<>(List.of("bash", script));
    command.addAll(args);
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
    builder.environment().putAll(env);
    Process p = builder.start();
    boolean ended = p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    if (!ended) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      p.waitFor();
    }
    List<String> lines = Files.readAllLines(output);
    String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    return new ScriptRun(ended, ended ? p.exitValue() : -1, tail);
  }
}
