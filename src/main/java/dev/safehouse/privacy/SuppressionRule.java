package dev.safehouse.privacy;

/** The catalogue of output rules that may withhold a value, each with a stable id for reports. */
public enum SuppressionRule {
  /**
   * Fewer than k distinct enterprises: the whole cell without DP, decided on the noisy count with
   * DP; also a mean or sum over fewer than k non-null values.
   */
  K_THRESHOLD("k-threshold"),
  /** The largest one or two contributions dominate a sum or mean of a money metric. */
  DOMINANCE("dominance");

  private final String id;

  SuppressionRule(String id) {
    this.id = id;
  }

  /** Returns the stable id, e.g. {@code "k-threshold"}. */
  public String id() {
    return id;
  }
}
