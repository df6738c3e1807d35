package dev.safehouse.service;

import java.util.Optional;

/** What an enterprise lets an institution use its fused score for: the stages of a loan. */
public enum ConsentPurpose {
  /** Deciding whether to lend (贷前). */
  PRE_LOAN("pre-loan"),
  /** Monitoring a running loan (贷中). */
  IN_LOAN("in-loan"),
  /** Collection and review after the loan (贷后). */
  POST_LOAN("post-loan");

  private final String wireName;

  ConsentPurpose(String wireName) {
    this.wireName = wireName;
  }

  /** Returns the name used in requests, responses and the database, such as {@code pre-loan}. */
  public String wireName() {
    return wireName;
  }

  /** Returns the purpose named {@code name} exactly, or empty. */
  public static Optional<ConsentPurpose> fromWireName(String name) {
    for (ConsentPurpose purpose : values()) {
      if (purpose.wireName.equals(name)) {
        return Optional.of(purpose);
      }
    }
    return Optional.empty();
  }
}
