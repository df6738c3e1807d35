package dev.safehouse.enclave;

import dev.safehouse.enclave.protocol.FrameCodec;
import dev.safehouse.enclave.protocol.Response;
import dev.safehouse.enclave.protocol.StatusRequest;
import dev.safehouse.enclave.protocol.StatusResponse;
import java.time.Clock;
import java.util.function.LongSupplier;

/** Answers {@link StatusRequest} with process facts; reads no data. */
final class StatusHandler implements RequestHandler<StatusRequest> {
  private final Clock clock;
  private final long startEpochMillis;
  private final LongSupplier requestsServed;

  StatusHandler(Clock clock, long startEpochMillis, LongSupplier requestsServed) {
    this.clock = clock;
    this.startEpochMillis = startEpochMillis;
    this.requestsServed = requestsServed;
  }

  @Override
  public Response handle(StatusRequest request) {
    Runtime runtime = Runtime.getRuntime();
    long used = runtime.totalMemory() - runtime.freeMemory();
    return new StatusResponse(
        FrameCodec.PROTOCOL_VERSION,
        ProcessHandle.current().pid(),
        startEpochMillis,
        Math.max(0, clock.millis() - startEpochMillis),
        requestsServed.getAsLong(),
        Runtime.version().toString(),
        Math.max(0, runtime.maxMemory() - used));
  }
}
