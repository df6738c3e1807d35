package dev.safehouse.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safehouse.common.InstitutionId;
import dev.safehouse.common.Sha256;
import dev.safehouse.common.Uscc;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The consent hash: its canonical form, and what it does and does not depend on. */
class ConsentHashTest {
  private static final UUID ID = UUID.fromString("0b5e8f3c-2a4d-4c1e-9f7a-3d2b1c0e9f8a");
  private static final Uscc USCC = Uscc.parse("9144030071526726XG");

  private static Consent consent(List<String> purposes, String grantedBy, Instant revokedAt) {
    return new Consent(
        ID,
        USCC,
        InstitutionId.parse("bank-one"),
        purposes,
        Instant.parse("2027-01-01T00:00:00Z"),
        grantedBy,
        Instant.parse("2025-06-30T08:15:30.123456Z"),
        Optional.ofNullable(revokedAt));
  }

  @Test
  void consentHash_isSha256OfTheCanonicalTerms() {
    String canonical =
        "{\"format\":\"safehouse.consent.v1\",\"grantedAt\":\"2025-06-30T08:15:30.123456Z\","
            + "\"id\":\"0b5e8f3c-2a4d-4c1e-9f7a-3d2b1c0e9f8a\",\"institution\":\"bank-one\","
            + "\"purposes\":[\"in-loan\",\"pre-loan\"],\"uscc\":\"9144030071526726XG\","
            + "\"validUntil\":\"2027-01-01T00:00:00.000000Z\"}";
    assertThat(consent(List.of("in-loan", "pre-loan"), "acme", null).consentHash())
        .isEqualTo(Sha256.hex(canonical.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void consentHash_ignoresPurposeOrderRevocationAndGrantor() {
    String hash = consent(List.of("in-loan", "pre-loan"), "acme", null).consentHash();
    assertThat(consent(List.of("pre-loan", "in-loan"), "acme", null).consentHash()).isEqualTo(hash);
    assertThat(consent(List.of("in-loan", "pre-loan"), "other", Instant.now()).consentHash())
        .isEqualTo(hash);
  }

  @Test
  void consentHash_changesWithTheTerms() {
    assertThat(consent(List.of("pre-loan"), "acme", null).consentHash())
        .isNotEqualTo(consent(List.of("in-loan", "pre-loan"), "acme", null).consentHash());
  }
}
