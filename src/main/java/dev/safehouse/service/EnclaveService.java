package dev.safehouse.service;

import dev.safehouse.config.SafehouseConfig;
import dev.safehouse.enclave.host.EnclaveEvent;
import dev.safehouse.enclave.host.EnclaveSettings;
import dev.safehouse.enclave.host.EnclaveState;
import dev.safehouse.enclave.host.EnclaveSupervisor;
import dev.safehouse.enclave.protocol.Request;
import dev.safehouse.enclave.protocol.Response;
import dev.safehouse.enclave.protocol.StatusResponse;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.jboss.logging.Logger;

/**
 * Owns the enclave child process for the life of the service: starts it with the service, records
 * every lifecycle event, exposes its state to health checks and metrics, and stops it on shutdown.
 *
 * <p>The supervisor restarts a dead enclave with back-off; meanwhile {@link #status()} and every
 * enclave-dependent call fail with {@link dev.safehouse.common.EnclaveUnavailableException} (503).
 */
@ApplicationScoped
public class EnclaveService {
  private static final Logger LOG = Logger.getLogger(EnclaveService.class);

  private final SafehouseConfig.Enclave config;
  private final EnclaveLifecycleRecorder recorder;
  private final MeterRegistry metrics;
  private EnclaveSupervisor supervisor;
  private volatile boolean stopping;
  private final List<java.util.function.Consumer<EnclaveEvent>> listeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  EnclaveService(SafehouseConfig config, EnclaveLifecycleRecorder recorder, MeterRegistry metrics) {
    this.config = config.enclave();
    this.recorder = recorder;
    this.metrics = metrics;
  }

  void onStart(@Observes @Priority(100) StartupEvent event) throws InterruptedException {
    EnclaveSettings settings =
        EnclaveSettings.defaults()
            .withExtraJvmOptions(config.jvmOptions().orElse(List.of()))
            .withTimeouts(config.startTimeout(), config.requestTimeout())
            .withBackoff(config.backoffInitial(), config.backoffMax(), config.stableAfter());
    if (config.classpath().isPresent()) {
      settings = settings.withClasspath(config.classpath().get());
    }
    supervisor = new EnclaveSupervisor(settings);
    // The database pool closes with the service, so the enclave's own shutdown is not recorded.
    supervisor.addListener(
        lifecycle -> {
          if (!stopping) {
            recorder.record(lifecycle);
          }
        });
    supervisor.addListener(this::count);
    supervisor.addListener(lifecycle -> listeners.forEach(listener -> listener.accept(lifecycle)));
    metrics.gauge(
        "safehouse.enclave.ready", supervisor, s -> s.state() == EnclaveState.READY ? 1 : 0);
    supervisor.start();
    if (supervisor.awaitReady(config.startTimeout())) {
      LOG.infof("enclave ready (pid %d)", supervisor.childPid().orElse(-1));
    } else {
      LOG.warnf(
          "enclave not ready after %s; readiness stays DOWN while it restarts",
          config.startTimeout());
    }
  }

  void onStop(@Observes ShutdownEvent event) {
    stopping = true;
    if (supervisor != null) {
      supervisor.close();
    }
  }

  /** Returns the supervisor's view of the enclave. */
  public EnclaveState state() {
    return supervisor == null ? EnclaveState.NEW : supervisor.state();
  }

  /** Returns the pid of the running enclave process, if one is alive. */
  public OptionalLong pid() {
    return supervisor == null ? OptionalLong.empty() : supervisor.childPid();
  }

  /** Returns how many enclave processes have been started since the service started. */
  public long generation() {
    return supervisor == null ? 0 : supervisor.generation();
  }

  /**
   * Sends {@code request} to the ready enclave and waits for its answer.
   *
   * @throws dev.safehouse.common.EnclaveUnavailableException if it is down or does not answer
   * @throws dev.safehouse.enclave.host.EnclaveErrorException if it answers with an error
   */
  public <T extends Response> T call(Request request, Class<T> answer, Duration timeout) {
    if (supervisor == null) {
      throw new dev.safehouse.common.EnclaveUnavailableException(
          "the enclave has not been started");
    }
    return supervisor.current().call(request, answer, timeout);
  }

  /** Registers a listener for the enclave's lifecycle events (called on the supervisor thread). */
  public void addListener(java.util.function.Consumer<EnclaveEvent> listener) {
    listeners.add(listener);
  }

  /**
   * Asks the enclave for its status with the configured request timeout.
   *
   * @throws dev.safehouse.common.EnclaveUnavailableException if it is down or does not answer
   */
  public StatusResponse status() {
    return status(config.requestTimeout());
  }

  /**
   * Asks the enclave for its status.
   *
   * @param timeout how long to wait
   * @throws dev.safehouse.common.EnclaveUnavailableException if it is down or does not answer
   */
  public StatusResponse status(Duration timeout) {
    if (supervisor == null) {
      throw new dev.safehouse.common.EnclaveUnavailableException(
          "the enclave has not been started");
    }
    return supervisor.status(timeout);
  }

  private void count(EnclaveEvent event) {
    metrics
        .counter("safehouse.enclave.events", "kind", event.getClass().getSimpleName())
        .increment();
  }
}
