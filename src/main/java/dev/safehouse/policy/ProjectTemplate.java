package dev.safehouse.policy;

import dev.safehouse.policy.DisclosureRules.Approval;
import dev.safehouse.policy.DisclosureRules.Dominance;
import dev.safehouse.policy.DisclosureRules.DpRules;
import dev.safehouse.policy.DisclosureRules.Mechanism;
import dev.safehouse.policy.DisclosureRules.Rounding;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A project template researchers choose from ({@code policies/projects/templates.yaml}): a name,
 * what it is for, and the disclosure rules a project starts from. Providers may tighten those rules
 * for the datasets they own; see {@link QueryPolicies#rulesFor}.
 *
 * @param name a lower-case slug, unique among the templates ({@code dp-open})
 * @param title a short human title
 * @param description what the template is for and what it releases
 * @param defaults the template's own rules, every omitted field taken from {@link #DEFAULT_RULES}
 */
public record ProjectTemplate(
    String name, String title, String description, DisclosureRules defaults) {

  /**
   * The rules a template gets for every field it omits: k 10, dominance 0.5 / 0.85, counts rounded
   * to 5, sums not rounded, means to 2 decimals, DP not required (if a provider requires it:
   * discrete Laplace, ε 0.5 per query, budget 5 per 30 days) and per-query approval.
   */
  public static final DisclosureRules DEFAULT_RULES =
      new DisclosureRules(
          10,
          new Dominance(0.5, 0.85),
          new Rounding(5, 1, 2),
          new DpRules(
              false,
              Mechanism.LAPLACE,
              new BigDecimal("0.5"),
              new BigDecimal("5"),
              Duration.ofDays(30),
              1e-6),
          Approval.PER_QUERY);

  private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  /**
   * Validates.
   *
   * @throws IllegalArgumentException if the name is not a slug of 2 to 63 characters
   */
  public ProjectTemplate {
    if (name == null || name.length() < 2 || name.length() > 63 || !SLUG.matcher(name).matches()) {
      throw new IllegalArgumentException("a template name is a lower-case slug");
    }
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(defaults, "defaults");
  }
}
