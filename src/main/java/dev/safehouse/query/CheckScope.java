package dev.safehouse.query;

import dev.safehouse.common.DatasetId;
import dev.safehouse.policy.ColumnType;
import dev.safehouse.policy.DisclosureRules;
import dev.safehouse.policy.QuerySource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What one check knows while it walks a statement: policy, source, text and findings. */
final class CheckScope {
  final Set<DatasetId> projectDatasets;
  final DisclosureRules rules;
  final EnumDomains domains;
  final QueryText text;
  final NodeSpans spans;
  final Violations violations;
  private final Map<String, QueryPlan.Parameter> parameters = new LinkedHashMap<>();
  private QuerySource source;
  private String alias;

  CheckScope(
      Set<DatasetId> projectDatasets,
      DisclosureRules rules,
      EnumDomains domains,
      QueryText text,
      Violations violations) {
    this.projectDatasets = Set.copyOf(projectDatasets);
    this.rules = rules;
    this.domains = domains;
    this.text = text;
    this.spans = new NodeSpans(text);
    this.violations = violations;
  }

  void source(QuerySource source, String alias) {
    this.source = source;
    this.alias = alias;
  }

  /** The source read, once resolved. */
  Optional<QuerySource> source() {
    return Optional.ofNullable(source);
  }

  /** Whether {@code qualifier} (normalised) names the source or its alias. */
  boolean namesSource(String qualifier) {
    return source != null && (qualifier.equals(source.name()) || qualifier.equals(alias));
  }

  /** Reports {@code rule} at the span of {@code node}, or at {@code fallback}. */
  void report(QueryRule rule, Object node, Span fallback, Object... arguments) {
    violations.add(rule, spans.of(node, fallback), arguments);
  }

  /**
   * Declares a parameter used against a column of {@code type} with {@code allowed} enum values
   * (empty if not an enum or unknown); false if it was used against another type before.
   */
  boolean declare(String name, ColumnType type, Optional<List<String>> allowed) {
    QueryPlan.Parameter previous = parameters.get(name);
    if (previous == null) {
      parameters.put(name, new QueryPlan.Parameter(name, type, allowed));
      return true;
    }
    if (previous.type() != type) {
      return false;
    }
    if (allowed.isPresent()) {
      List<String> narrowed =
          previous
              .allowedValues()
              .map(values -> values.stream().filter(allowed.get()::contains).toList())
              .orElse(allowed.get());
      parameters.put(name, new QueryPlan.Parameter(name, type, Optional.of(narrowed)));
    }
    return true;
  }

  List<QueryPlan.Parameter> parameters() {
    return List.copyOf(parameters.values());
  }
}
