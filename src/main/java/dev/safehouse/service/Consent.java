package dev.safehouse.service;

import dev.safehouse.audit.CanonicalJson;
import dev.safehouse.common.InstitutionId;
import dev.safehouse.common.Sha256;
import dev.safehouse.common.Uscc;
import dev.safehouse.storage.ConsentStore.ConsentRow;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An enterprise's consent that one institution may take its fused score for some purposes until a
 * time, unless revoked earlier.
 *
 * @param uscc the granting enterprise: always the code of the subject token that granted it
 * @param institution the organisation id of the institution it is granted to
 * @param purposes wire names of the purposes, sorted, without duplicates, never empty
 * @param grantedBy the {@code sub} of the token that granted it
 * @param revokedAt when the enterprise revoked it, if it did
 */
public record Consent(
    UUID id,
    Uscc uscc,
    InstitutionId institution,
    List<String> purposes,
    Instant validUntil,
    String grantedBy,
    Instant grantedAt,
    Optional<Instant> revokedAt) {
  private static final String FORMAT = "safehouse.consent.v1";
  private static final DateTimeFormatter MICROS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  /** Validates presence and copies the purposes. */
  public Consent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(uscc, "uscc");
    Objects.requireNonNull(institution, "institution");
    purposes = List.copyOf(purposes);
    Objects.requireNonNull(validUntil, "validUntil");
    Objects.requireNonNull(grantedBy, "grantedBy");
    Objects.requireNonNull(grantedAt, "grantedAt");
    Objects.requireNonNull(revokedAt, "revokedAt");
  }

  /** Where a consent stands at some instant. */
  public enum Status {
    /** Neither revoked nor past its end: it can cover requests. */
    LIVE,
    /** Revoked by its enterprise. */
    REVOKED,
    /** Past {@code validUntil}. */
    EXPIRED
  }

  /** Reads a stored consent. */
  static Consent of(ConsentRow row) {
    return new Consent(
        row.id(),
        Uscc.parse(row.uscc()),
        InstitutionId.parse(row.institution()),
        row.purposes(),
        row.validUntil(),
        row.grantedBy(),
        row.grantedAt(),
        row.revokedAt());
  }

  /** Returns the row to store. */
  ConsentRow row() {
    return new ConsentRow(
        id,
        uscc.value(),
        institution.value(),
        purposes,
        validUntil,
        grantedBy,
        grantedAt,
        revokedAt);
  }

  /** Returns the status at {@code now}: revoked wins over expired; expired from validUntil on. */
  public Status status(Instant now) {
    if (revokedAt.isPresent()) {
      return Status.REVOKED;
    }
    return now.isBefore(validUntil) ? Status.LIVE : Status.EXPIRED;
  }

  /** Tells whether the consent names {@code purpose} (a wire name). */
  public boolean covers(String purpose) {
    return purposes.contains(purpose);
  }

  /**
   * Returns the lower-case hex SHA-256 of the consent's terms, for audit entries and receipts: the
   * canonical JSON ({@link CanonicalJson}) of {@code {"format":"safehouse.consent.v1", "id",
   * "uscc", "institution", "purposes" (sorted), "validUntil", "grantedAt"}}, times in UTC with six
   * fractional digits. It does not change when the consent is revoked, nor with who granted it.
   */
  public String consentHash() {
    Map<String, Object> terms =
        Map.of(
            "format", FORMAT,
            "id", id.toString(),
            "uscc", uscc.value(),
            "institution", institution.value(),
            "purposes", purposes.stream().sorted().toList(),
            "validUntil", MICROS.format(validUntil),
            "grantedAt", MICROS.format(grantedAt));
    return Sha256.hex(CanonicalJson.encode(terms));
  }
}
