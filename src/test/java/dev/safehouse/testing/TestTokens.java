package dev.safehouse.testing;

import dev.safehouse.cli.DevTokenIssuer;
import dev.safehouse.common.Role;
import dev.safehouse.common.Uscc;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/** Mints tokens for tests with the key {@link SafehouseTestResources} generated, and forgeries. */
public final class TestTokens {
  /** System property holding the base64 PKCS#8 test signing key. */
  public static final String PRIVATE_KEY_PROPERTY = "safehouse-test.token-private-key";

  /** System property holding the test platform's verification key (text form). */
  public static final String PLATFORM_KEY_PROPERTY = "safehouse-test.platform-key";

  /** Issuer the service accepts (application.properties). */
  public static final String ISSUER = "https://safehouse.dev/dev";

  /** Audience the service accepts. */
  public static final String AUDIENCE = "safehouse";

  private TestTokens() {}

  /** A valid token for {@code role}. */
  public static String valid(Role role, String subject) {
    return issuer(ISSUER, AUDIENCE)
        .mint(grant(role, subject), Instant.now(), Duration.ofMinutes(5));
  }

  /** A valid token for an enterprise speaking for {@code uscc}. */
  public static String subject(String subject, Uscc uscc) {
    DevTokenIssuer.Grant grant =
        new DevTokenIssuer.Grant(subject, Role.SUBJECT, Optional.empty(), Optional.of(uscc));
    return issuer(ISSUER, AUDIENCE).mint(grant, Instant.now(), Duration.ofMinutes(5));
  }

  /** A valid token with an organisation claim. */
  public static String withOrganisation(Role role, String subject, String organisation) {
    return withOrganisation(role, subject, organisation, Duration.ofMinutes(5));
  }

  /** A valid token for {@code role} in {@code organisation}, valid for {@code ttl}. */
  public static String withOrganisation(
      Role role, String subject, String organisation, Duration ttl) {
    DevTokenIssuer.Grant grant =
        new DevTokenIssuer.Grant(subject, role, Optional.of(organisation), Optional.empty());
    return issuer(ISSUER, AUDIENCE).mint(grant, Instant.now(), ttl);
  }

  /** A correctly signed token that expired a minute ago. */
  public static String expired(Role role) {
    return issuer(ISSUER, AUDIENCE)
        .mint(
            grant(role, "late"), Instant.now().minus(Duration.ofMinutes(61)), Duration.ofHours(1));
  }

  /** A correctly signed token from another issuer. */
  public static String wrongIssuer(Role role) {
    return issuer("https://evil.example/", AUDIENCE)
        .mint(grant(role, "mallory"), Instant.now(), Duration.ofMinutes(5));
  }

  /** A correctly signed token for another audience. */
  public static String wrongAudience(Role role) {
    return issuer(ISSUER, "another-service")
        .mint(grant(role, "mallory"), Instant.now(), Duration.ofMinutes(5));
  }

  /** A token signed by a key the service does not know. */
  public static String foreignKey(Role role) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return new DevTokenIssuer(generator.generateKeyPair().getPrivate(), ISSUER, AUDIENCE)
        .mint(grant(role, "mallory"), Instant.now(), Duration.ofMinutes(5));
  }

  /** A valid token whose payload was changed to claim the admin role, keeping the signature. */
  public static String tampered(Role role) {
    String[] parts = valid(role, "mallory").split("\\.");
    String payload = decode(parts[1]).replace("\"" + role.claimName() + "\"", "\"admin\"");
    return parts[0] + "." + encode(payload) + "." + parts[2];
  }

  /** An unsigned token ({@code alg: none}) with otherwise valid claims. */
  public static String algNone(Role role) {
    String[] parts = valid(role, "mallory").split("\\.");
    return encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
  }

  /**
   * A correctly signed token whose {@code nbf} and {@code iat} lie ten minutes in the future
   * (beyond smallrye-jwt's default 60 s clock skew), with an {@code exp} after them. It is {@code
   * nbf} that makes it invalid: smallrye-jwt accepts an {@code iat} in the future.
   */
  public static String notYetValid(Role role) {
    Instant later = Instant.now().plus(Duration.ofMinutes(10));
    JwtClaims claims = claims(grant(role, "early"));
    claims.setIssuedAt(NumericDate.fromMilliseconds(later.toEpochMilli()));
    claims.setNotBefore(NumericDate.fromMilliseconds(later.toEpochMilli()));
    claims.setExpirationTime(
        NumericDate.fromMilliseconds(later.plus(Duration.ofMinutes(5)).toEpochMilli()));
    return sign(claims, privateKey(), AlgorithmIdentifiers.RSA_USING_SHA256);
  }

  /** How {@link #hs256WithPublicKey(Role, PublicKeyBytes)} turns the public key into a secret. */
  public enum PublicKeyBytes {
    /** The X.509 {@code SubjectPublicKeyInfo} DER bytes. */
    DER,
    /** The base64 text of the DER bytes, as in {@code mp.jwt.verify.publickey}. */
    BASE64,
    /** The PEM text, {@code -----BEGIN PUBLIC KEY-----} and all. */
    PEM
  }

  /**
   * An algorithm-confusion forgery: otherwise valid claims signed HS256 with the service's RSA
   * public key, in the DER encoding, as the HMAC secret.
   */
  public static String hs256WithPublicKey(Role role) {
    return hs256WithPublicKey(role, PublicKeyBytes.DER);
  }

  /**
   * An algorithm-confusion forgery: otherwise valid claims signed HS256 with the service's RSA
   * public key, encoded as {@code encoding}, as the HMAC secret.
   */
  public static String hs256WithPublicKey(Role role, PublicKeyBytes encoding) {
    byte[] der = publicKey().getEncoded();
    String base64 = Base64.getEncoder().encodeToString(der);
    byte[] secret =
        switch (encoding) {
          case DER -> der;
          case BASE64 -> base64.getBytes(StandardCharsets.US_ASCII);
          case PEM ->
              ("-----BEGIN PUBLIC KEY-----\n"
                      + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                          .encodeToString(der)
                      + "\n-----END PUBLIC KEY-----\n")
                  .getBytes(StandardCharsets.US_ASCII);
        };
    JwtClaims claims = claims(grant(role, "mallory"));
    claims.setIssuedAtToNow();
    claims.setExpirationTimeMinutesInTheFuture(5);
    return sign(claims, new HmacKey(secret), AlgorithmIdentifiers.HMAC_SHA256);
  }

  /**
   * Signs arbitrary claims with the test key, adding valid {@code iss}, {@code aud}, {@code iat}
   * and {@code exp}; for tokens that {@link DevTokenIssuer} refuses to mint.
   *
   * @param claimsJson a JSON object of further claims
   */
  public static String signedClaims(String claimsJson) {
    try {
      JwtClaims claims = JwtClaims.parse(claimsJson);
      claims.setIssuer(ISSUER);
      claims.setAudience(AUDIENCE);
      claims.setIssuedAtToNow();
      claims.setExpirationTimeMinutesInTheFuture(5);
      JsonWebSignature jws = new JsonWebSignature();
      jws.setPayload(claims.toJson());
      jws.setKey(privateKey());
      jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
      return jws.getCompactSerialization();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static DevTokenIssuer.Grant grant(Role role, String subject) {
    Optional<Uscc> uscc =
        role == Role.SUBJECT ? Optional.of(Uscc.parse("91350100M000100Y43")) : Optional.empty();
    return new DevTokenIssuer.Grant(subject, role, Optional.empty(), uscc);
  }

  private static JwtClaims claims(DevTokenIssuer.Grant grant) {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(ISSUER);
    claims.setAudience(AUDIENCE);
    claims.setSubject(grant.subject());
    claims.setStringListClaim("groups", List.of(grant.role().claimName()));
    grant.uscc().ifPresent(code -> claims.setStringClaim("uscc", code.value()));
    claims.setGeneratedJwtId();
    return claims;
  }

  private static String sign(JwtClaims claims, Key key, String algorithm) {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(key);
    jws.setAlgorithmHeaderValue(algorithm);
    jws.setHeader("typ", "JWT");
    jws.setDoKeyValidation(false);
    try {
      return jws.getCompactSerialization();
    } catch (JoseException e) {
      throw new IllegalStateException(e);
    }
  }

  private static PublicKey publicKey() {
    RSAPrivateCrtKey key = (RSAPrivateCrtKey) privateKey();
    try {
      return KeyFactory.getInstance("RSA")
          .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static DevTokenIssuer issuer(String issuer, String audience) {
    return new DevTokenIssuer(privateKey(), issuer, audience);
  }

  private static PrivateKey privateKey() {
    String encoded = System.getProperty(PRIVATE_KEY_PROPERTY);
    if (encoded == null) {
      throw new IllegalStateException("SafehouseTestResources has not started");
    }
    try {
      return KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(encoded)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String decode(String part) {
    return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
  }

  private static String encode(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
