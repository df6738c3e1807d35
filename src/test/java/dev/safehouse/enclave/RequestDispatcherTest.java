package dev.safehouse.enclave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safehouse.enclave.protocol.ErrorCode;
import dev.safehouse.enclave.protocol.ErrorResponse;
import dev.safehouse.enclave.protocol.StatusRequest;
import dev.safehouse.enclave.protocol.StatusResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RequestDispatcherTest {

  @Test
  void dispatch_registeredHandler_returnsItsResponse() {
    Clock clock = Clock.fixed(Instant.ofEpochMilli(5_000), ZoneOffset.UTC);
    RequestDispatcher dispatcher =
        RequestDispatcher.builder()
            .register(StatusRequest.class, new StatusHandler(clock, 1_000, () -> 3))
            .build();

    StatusResponse status = (StatusResponse) dispatcher.dispatch(new StatusRequest());

    assertThat(status.startEpochMillis()).isEqualTo(1_000);
    assertThat(status.uptimeMillis()).isEqualTo(4_000);
    assertThat(status.requestsServed()).isEqualTo(3);
    assertThat(status.pid()).isEqualTo(ProcessHandle.current().pid());
  }

  @Test
  void dispatch_noHandler_answersUnexpectedMessage() {
    ErrorResponse error =
        (ErrorResponse) RequestDispatcher.builder().build().dispatch(new StatusRequest());
    assertThat(error.code()).isEqualTo(ErrorCode.UNEXPECTED_MESSAGE);
  }

  @Test
  void dispatch_handlerThrows_answersInternalWithoutTheExceptionMessage() {
    RequestDispatcher dispatcher =
        RequestDispatcher.builder()
            .register(
                StatusRequest.class,
                r -> {
                  throw new IllegalStateException("secret value 42");
                })
            .build();

    ErrorResponse error = (ErrorResponse) dispatcher.dispatch(new StatusRequest());

    assertThat(error.code()).isEqualTo(ErrorCode.INTERNAL);
    assertThat(error.safeMessage()).doesNotContain("secret");
  }

  @Test
  void register_twice_fails() {
    RequestDispatcher.Builder builder =
        RequestDispatcher.builder().register(StatusRequest.class, r -> null);
    assertThatThrownBy(() -> builder.register(StatusRequest.class, r -> null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
