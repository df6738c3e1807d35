package dev.safehouse.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Typed view of every {@code safehouse.*} setting.
 *
 * <p>Secrets are never settings here: keys come from files or the environment, referenced by
 * location. Durations use the ISO-8601 or the short ({@code 5s}) form.
 */
@ConfigMapping(prefix = "safehouse")
public interface SafehouseConfig {

  /** Token issuer and audience the service accepts and the dev CLI mints. */
  Token token();

  /** The deployment's crypto suite. */
  Crypto crypto();

  /** How the enclave child process is started and supervised. */
  Enclave enclave();

  /** Per-caller request rate limit. */
  RateLimit rateLimit();

  /** The audit log. */
  Audit audit();

  /** Fused credit scores for institutions. */
  Scores scores();

  /** The HTTP layer's own limits. */
  Http http();

  /**
   * The database chosen at start-up by {@link SafehouseMain}; {@code application.properties} uses
   * these as defaults of {@code quarkus.datasource.*}. Not meant to be set by hand: set {@code
   * SAFEHOUSE_DB_URL} or Quarkus' own datasource settings instead.
   */
  Db db();

  /** The deployment's crypto suite. */
  interface Crypto {
    /**
     * The crypto suite, chosen once per deployment: {@code intl} (Tink: SHA-256, AES-GCM, HPKE,
     * Ed25519) or {@code sm} (SM3, SM4-GCM, SM2). It must not change while a database holds the
     * enclave's keys, datasets or audit log of the other suite: the service refuses to start.
     */
    @WithDefault("intl")
    String suite();
  }

  /** Start-up database choice. */
  interface Db {
    /** Vert.x client URL. */
    Optional<String> reactiveUrl();

    /** JDBC URL, for Flyway. */
    Optional<String> jdbcUrl();

    /** Database user. */
    Optional<String> username();

    /** Database password; never logged. */
    Optional<String> password();

    /** Where the database is, without the password, for the start-up report. */
    Optional<String> description();
  }

  /** Token settings. */
  interface Token {
    /** The {@code iss} every accepted token must carry. */
    String issuer();

    /** The {@code aud} every accepted token must contain. */
    String audience();
  }

  /** Enclave process settings. */
  interface Enclave {
    /** Explicit class path for the enclave JVM; derived from the host's own when absent. */
    Optional<String> classpath();

    /** Extra JVM options for the enclave, appended after the hardening defaults. */
    Optional<List<String>> jvmOptions();

    /** How long a started enclave may take to connect and say hello. */
    @WithDefault("30s")
    Duration startTimeout();

    /** How long the host waits for one enclave response. */
    @WithDefault("5s")
    Duration requestTimeout();

    /** First restart delay after the enclave dies; doubled per consecutive failure. */
    @WithDefault("250ms")
    Duration backoffInitial();

    /** Upper bound of the restart delay. */
    @WithDefault("10s")
    Duration backoffMax();

    /** How long the enclave must stay up before the back-off resets. */
    @WithDefault("30s")
    Duration stableAfter();

    /**
     * Where the master key that seals the enclave's keys lives: a KMS key URI, or {@code
     * local-kms://path} for the development keyset (refused by the prod profile).
     */
    String masterKeyUri();

    /** How long the enclave may take to verify, decrypt, validate and load one envelope. */
    @WithDefault("10m")
    Duration loadTimeout();

    /**
     * The development platform's attestation signing key, of the deployment's suite (a Tink JSON
     * Ed25519 keyset for {@code intl}, an SM2 PKCS#8 PEM for {@code sm}); absent where confidential
     * hardware attests instead. The prod profile refuses the one in {@code keys-dev/}.
     */
    Optional<String> platformKeyFile();

    /** The policy bundle the enclave loads and measures. */
    @WithDefault("policies")
    String policiesDir();
  }

  /** The HTTP layer's own limits. */
  interface Http {
    /** Limits on a request's head, answered with problem+json. */
    Limits limits();
  }

  /**
   * Limits on a request's head, answered 414 or 431 with problem+json. Each must stay below its
   * {@code quarkus.http.limits.*} counterpart, past which the HTTP decoder answers with a bare
   * status before the service sees the request.
   */
  interface Limits {
    /** Longest request line ({@code GET /path?query HTTP/1.1}) in bytes. */
    @WithDefault("4096")
    int maxInitialLineLength();

    /** Most bytes of header fields together, as {@code name: value} without line ends. */
    @WithDefault("20K")
    MemorySize maxHeaderSize();
  }

  /** Token-bucket limit per authenticated subject (or per client address when anonymous). */
  interface RateLimit {
    /** Whether the limit is enforced. */
    @WithDefault("true")
    boolean enabled();

    /** Sustained requests per second allowed per caller. */
    @WithDefault("50")
    double requestsPerSecond();

    /** Requests a caller may send at once before being limited. */
    @WithDefault("100")
    int burst();
  }

  /** The audit log. */
  interface Audit {
    /**
     * The log's origin: the first line of every checkpoint and the name of the key that signs it.
     * Change it only for a new log.
     */
    @WithDefault("safehouse.local/audit")
    String origin();

    /** Most entries appended (and fsynced) together in one group commit. */
    @WithDefault("1000")
    int maxBatch();

    /** How long a request waits for its entry to become durable before it is refused (503). */
    @WithDefault("10s")
    Duration appendTimeout();
  }

  /** Fused credit scores for institutions. */
  interface Scores {
    /** Daily quotas against scraping, counted per UTC day. */
    Quota quota();
  }

  /** Score quotas per UTC day; a score beyond either is refused with 429 {@code quota-exceeded}. */
  interface Quota {
    /** Scores one institution may take per UTC day, over all enterprises. */
    @WithDefault("10000")
    int perInstitutionPerDay();

    /** Scores one institution may take about one enterprise per UTC day. */
    @WithDefault("20")
    int perEnterprisePerDay();

    /**
     * How often counts are written to PostgreSQL; after a crash, at most this interval's counts are
     * forgotten.
     */
    @WithDefault("200ms")
    Duration flushInterval();
  }
}
