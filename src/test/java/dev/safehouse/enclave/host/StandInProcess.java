package dev.safehouse.enclave.host;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real but idle child ({@code sleep 60}) standing in for the enclave, so a test can play the
 * enclave over the socket; what the supervisor writes to its stdin is captured instead.
 */
final class StandInProcess extends Process {
  private final Process sleeper;
  private final ByteArrayOutputStream stdin = new ByteArrayOutputStream();

  private StandInProcess(Process sleeper) {
    this.sleeper = sleeper;
  }

  static StandInProcess start() throws IOException {
    return new StandInProcess(new ProcessBuilder("sleep", "60").start());
  }

  /** Returns the session token the supervisor wrote, once its line is complete. */
  synchronized String token() {
    String written = stdin.toString(StandardCharsets.US_ASCII);
    return written.endsWith("\n") ? written.strip() : null;
  }

  @Override
  public OutputStream getOutputStream() {
    return new OutputStream() {
      @Override
      public void write(int b) {
        synchronized (StandInProcess.this) {
          stdin.write(b);
        }
      }
    };
  }

  @Override
  public InputStream getInputStream() {
    return sleeper.getInputStream();
  }

  @Override
  public InputStream getErrorStream() {
    return sleeper.getErrorStream();
  }

  @Override
  public int waitFor() throws InterruptedException {
    return sleeper.waitFor();
  }

  @Override
  public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
    return sleeper.waitFor(timeout, unit);
  }

  @Override
  public int exitValue() {
    return sleeper.exitValue();
  }

  @Override
  public void destroy() {
    sleeper.destroy();
  }

  @Override
  public Process destroyForcibly() {
    sleeper.destroyForcibly();
    return this;
  }

  @Override
  public boolean isAlive() {
    return sleeper.isAlive();
  }

  @Override
  public long pid() {
    return sleeper.pid();
  }

  @Override
  public ProcessHandle toHandle() {
    return sleeper.toHandle();
  }

  @Override
  public CompletableFuture<Process> onExit() {
    return sleeper.onExit().thenApply(p -> this);
  }
}
