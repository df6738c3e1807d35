package dev.safehouse.common;

import java.util.Locale;
import java.util.Optional;

/**
 * The roles a caller's token can carry, in its {@code groups} claim, by their lower-case names.
 *
 * <p>Each role sees only what ARCHITECTURE.md grants it; authorisation is checked per endpoint.
 */
public enum Role {
  /** A licensed financial institution requesting fused scores with consent. */
  INSTITUTION,
  /** A researcher running approved aggregate queries. */
  RESEARCHER,
  /** A data steward approving projects, templates, budgets and consents. */
  STEWARD,
  /** An auditor reading and verifying the access log. */
  AUDITOR,
  /** A data provider uploading encrypted datasets. */
  PROVIDER,
  /** An enterprise (data subject); its token carries its {@code uscc}. */
  SUBJECT,
  /** An operator of the service. */
  ADMIN;

  /** Names usable in {@code @RolesAllowed}. */
  public static final String INSTITUTION_NAME = "institution";

  /** Name of {@link #RESEARCHER}. */
  public static final String RESEARCHER_NAME = "researcher";

  /** Name of {@link #STEWARD}. */
  public static final String STEWARD_NAME = "steward";

  /** Name of {@link #AUDITOR}. */
  public static final String AUDITOR_NAME = "auditor";

  /** Name of {@link #PROVIDER}. */
  public static final String PROVIDER_NAME = "provider";

  /** Name of {@link #SUBJECT}. */
  public static final String SUBJECT_NAME = "subject";

  /** Name of {@link #ADMIN}. */
  public static final String ADMIN_NAME = "admin";

  /** Returns the name used in tokens, e.g. {@code auditor}. */
  public String claimName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Returns the role named {@code claimName} (as in tokens), if there is one. */
  public static Optional<Role> fromClaimName(String claimName) {
    for (Role role : values()) {
      if (role.claimName().equals(claimName)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
