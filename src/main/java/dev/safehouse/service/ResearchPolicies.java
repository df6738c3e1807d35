package dev.safehouse.service;

import dev.safehouse.common.DatasetId;
import dev.safehouse.common.InvalidRequestException;
import dev.safehouse.config.SafehouseConfig;
import dev.safehouse.policy.DatasetSchemas;
import dev.safehouse.policy.DisclosureRules;
import dev.safehouse.policy.ProjectTemplate;
import dev.safehouse.policy.QueryPolicies;
import dev.safehouse.query.CheckedQueries;
import dev.safehouse.query.EnumDomains;
import dev.safehouse.query.QueryChecker;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The host's copy of the policy bundle's query rules: the first line of checks, so a researcher
 * learns at once what the enclave would refuse. The enclave loads and enforces the same files
 * itself; its copy is part of its measurement.
 */
@ApplicationScoped
public class ResearchPolicies {
  private final QueryPolicies policies;
  private final CheckedQueries checker;

  ResearchPolicies(SafehouseConfig config) {
    Path dir = Path.of(config.enclave().policiesDir());
    DatasetSchemas schemas = DatasetSchemas.load(dir);
    this.policies = QueryPolicies.load(dir, schemas);
    this.checker =
        new CheckedQueries(new QueryChecker(policies.catalog(), EnumDomains.of(schemas)), 1024);
  }

  /** Returns the loaded policies. */
  public QueryPolicies policies() {
    return policies;
  }

  /** Returns the checker over the policies' catalog, which remembers recent checks. */
  public CheckedQueries checker() {
    return checker;
  }

  /**
   * Returns the named template.
   *
   * @throws InvalidRequestException naming the known templates if there is none of that name
   */
  public ProjectTemplate template(String name) {
    return policies
        .template(name)
        .orElseThrow(
            () ->
                new InvalidRequestException(
                    "unknown project template; known: "
                        + String.join(
                            ", ", policies.templates().stream().map(t -> t.name()).toList())));
  }

  /**
   * Parses dataset ids and checks that the policy bundle knows each.
   *
   * @throws InvalidRequestException if one is malformed or unknown, or none is given
   */
  public Set<DatasetId> datasets(List<String> names) {
    if (names == null || names.isEmpty()) {
      throw new InvalidRequestException("a project reads at least one dataset");
    }
    Set<DatasetId> ids = new LinkedHashSet<>();
    for (String name : names) {
      DatasetId id = DatasetId.parse(name);
      boolean known =
          policies.catalog().sources().values().stream()
              .flatMap(source -> source.columns().stream())
              .anyMatch(column -> column.dataset().equals(id));
      if (!known) {
        throw new InvalidRequestException("unknown dataset " + id);
      }
      ids.add(id);
    }
    return ids;
  }

  /** Returns the rules a project with this template and these datasets runs under. */
  public DisclosureRules rules(String template, List<String> datasets) {
    return policies.rulesFor(template(template), datasets(datasets));
  }
}
