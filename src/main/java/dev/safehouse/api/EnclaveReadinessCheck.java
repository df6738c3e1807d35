package dev.safehouse.api;

import dev.safehouse.common.SafehouseException;
import dev.safehouse.enclave.protocol.StatusResponse;
import dev.safehouse.service.EnclaveInitializer;
import dev.safehouse.service.EnclaveService;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the enclave: UP only when the enclave process is connected, answers a status round
 * trip within one second, and has been initialised (keys unsealed, policies and datasets loaded).
 * Reports operational facts only. The round trip runs on a worker thread, never on the event loop.
 */
@Readiness
@ApplicationScoped
public class EnclaveReadinessCheck implements AsyncHealthCheck {
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

  private final EnclaveService enclave;
  private final EnclaveInitializer initializer;

  EnclaveReadinessCheck(EnclaveService enclave, EnclaveInitializer initializer) {
    this.enclave = enclave;
    this.initializer = initializer;
  }

  @Override
  public Uni<HealthCheckResponse> call() {
    return Uni.createFrom()
        .item(this::probe)
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
  }

  private HealthCheckResponse probe() {
    HealthCheckResponseBuilder builder =
        HealthCheckResponse.named("enclave")
            .withData("state", enclave.state().name())
            .withData("generation", enclave.generation());
    try {
      StatusResponse status = enclave.status(PROBE_TIMEOUT);
      if (!initializer.initialised()) {
        return builder
            .down()
            .withData("reason", "the enclave's keys and policies are not loaded yet")
            .build();
      }
      return builder
          .up()
          .withData("pid", status.pid())
          .withData("uptimeMillis", status.uptimeMillis())
          .build();
    } catch (SafehouseException e) {
      return builder.down().withData("reason", e.getMessage()).build();
    }
  }
}
