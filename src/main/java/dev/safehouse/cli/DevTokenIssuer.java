package dev.safehouse.cli;

import dev.safehouse.common.Role;
import dev.safehouse.common.Uscc;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Mints RS256 JWTs in the shape the service accepts: {@code iss}, {@code aud}, {@code sub}, {@code
 * groups} (one role), optional {@code org}, and {@code uscc} for the {@code subject} role.
 *
 * <h2>Security guarantees</h2>
 *
 * For development and tests only: whoever holds the signing key can mint any role. Production
 * tokens come from the deployment's identity provider, whose public key the service is configured
 * with.
 */
public final class DevTokenIssuer {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final PrivateKey signingKey;
  private final String issuer;
  private final String audience;

  /**
   * Creates an issuer.
   *
   * @param signingKey an RSA private key of at least 2048 bits
   * @param issuer the {@code iss} claim
   * @param audience the {@code aud} claim
   */
  public DevTokenIssuer(PrivateKey signingKey, String issuer, String audience) {
    this.signingKey = Objects.requireNonNull(signingKey, "signingKey");
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.audience = Objects.requireNonNull(audience, "audience");
  }

  /**
   * What a token states about its holder.
   *
   * @param subject the {@code sub} claim, not blank
   * @param role the single role in {@code groups}
   * @param organisation the {@code org} claim, if any
   * @param uscc the enterprise's code; required for and only allowed with {@link Role#SUBJECT}
   */
  public record Grant(
      String subject, Role role, Optional<String> organisation, Optional<Uscc> uscc) {
    /** Validates the grant. */
    public Grant {
      if (subject == null || subject.isBlank()) {
        throw new IllegalArgumentException("a token needs a subject (--sub)");
      }
      Objects.requireNonNull(role, "role");
      Objects.requireNonNull(organisation, "organisation");
      Objects.requireNonNull(uscc, "uscc");
      if (role == Role.SUBJECT && uscc.isEmpty()) {
        throw new IllegalArgumentException("a subject token needs the enterprise's --uscc");
      }
      if (role != Role.SUBJECT && uscc.isPresent()) {
        throw new IllegalArgumentException("--uscc is only for the subject role");
      }
    }
  }

  /**
   * Signs a token for {@code grant} valid from {@code now} for {@code ttl}.
   *
   * @throws IllegalArgumentException if {@code ttl} is not positive
   */
  public String mint(Grant grant, Instant now, Duration ttl) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("token lifetime must be positive");
    }
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(issuer);
    claims.setAudience(audience);
    claims.setSubject(grant.subject());
    claims.setStringListClaim("groups", List.of(grant.role().claimName()));
    grant.organisation().ifPresent(org -> claims.setStringClaim("org", org));
    grant.uscc().ifPresent(code -> claims.setStringClaim("uscc", code.value()));
    claims.setIssuedAt(NumericDate.fromMilliseconds(now.toEpochMilli()));
    claims.setExpirationTime(NumericDate.fromMilliseconds(now.plus(ttl).toEpochMilli()));
    byte[] jti = new byte[16];
    RANDOM.nextBytes(jti);
    claims.setJwtId(HexFormat.of().formatHex(jti));

    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(signingKey);
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    jws.setHeader("typ", "JWT");
    try {
      return jws.getCompactSerialization();
    } catch (JoseException e) {
      throw new IllegalStateException("could not sign the token", e);
    }
  }
}
