package dev.safehouse.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProblemTypeTest {

  @Test
  void uris_areStableAndDistinct() {
    Set<String> seen = new HashSet<>();
    for (ProblemType type : ProblemType.values()) {
      assertThat(type.uri().toString()).startsWith(ProblemType.BASE_URI).matches(".*/[a-z-]+$");
      assertThat(seen.add(type.uri().toString())).as(type.name()).isTrue();
      assertThat(type.status()).isBetween(400, 599);
    }
    assertThat(ProblemType.RATE_LIMITED.uri())
        .hasToString("https://safehouse.dev/problems/rate-limited");
  }

  @Test
  void forStatus_mapsHttpLayerStatuses() {
    assertThat(ProblemType.forStatus(404)).isEqualTo(ProblemType.NOT_FOUND);
    assertThat(ProblemType.forStatus(405)).isEqualTo(ProblemType.METHOD_NOT_ALLOWED);
    assertThat(ProblemType.forStatus(413)).isEqualTo(ProblemType.PAYLOAD_TOO_LARGE);
    assertThat(ProblemType.forStatus(414)).isEqualTo(ProblemType.URI_TOO_LONG);
    assertThat(ProblemType.forStatus(431)).isEqualTo(ProblemType.HEADERS_TOO_LARGE);
    assertThat(ProblemType.forStatus(400)).isEqualTo(ProblemType.INVALID_REQUEST);
    assertThat(ProblemType.forStatus(503)).isEqualTo(ProblemType.SERVICE_UNAVAILABLE);
    assertThat(ProblemType.forStatus(418)).isEqualTo(ProblemType.INVALID_REQUEST);
    assertThat(ProblemType.forStatus(502)).isEqualTo(ProblemType.INTERNAL);
  }
}
