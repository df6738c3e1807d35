package dev.safehouse.policy;

import dev.safehouse.common.DatasetId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The query policy of a bundle: the project templates ({@code projects/templates.yaml}), each
 * provider's disclosure rules ({@code disclosure/<dataset>.yaml}) and the query catalog built from
 * them and the dataset schemas. Immutable once loaded; the enclave and the host load the same
 * bundle (whose {@link PolicyBundle#hash} is part of the enclave's measurement) and so check
 * queries alike.
 *
 * <p>Every YAML file is validated against its JSON Schema (class path {@code policy-schemas/}) and
 * then cross-checked against the dataset schemas and the templates. Every problem is reported at
 * once, each as {@code file:line:column: field: message}.
 */
public final class QueryPolicies {
  private final QueryCatalog catalog;
  private final Map<String, ProjectTemplate> templates;
  private final Map<DatasetId, DisclosurePolicy> disclosures;

  private QueryPolicies(
      QueryCatalog catalog,
      Map<String, ProjectTemplate> templates,
      Map<DatasetId, DisclosurePolicy> disclosures) {
    this.catalog = catalog;
    this.templates = templates;
    this.disclosures = Map.copyOf(disclosures);
  }

  /**
   * Loads {@code projects/templates.yaml} and every {@code disclosure/*.yaml} (or {@code .yml})
   * under {@code policiesDir}. A dataset without a disclosure file gets the column defaults (see
   * {@code policies/README.md}) and no template overrides.
   *
   * @param policiesDir the policies directory
   * @param schemas its dataset schemas, already loaded
   * @throws PolicyException listing every problem, one per line, each naming the file, line, column
   *     and field: YAML syntax, schema violations, and cross-check failures (unknown dataset,
   *     column or template; a field that does not fit the column's class; a clamp outside the
   *     schema's bounds; two disclosure files for one dataset)
   */
  public static QueryPolicies load(Path policiesDir, DatasetSchemas schemas) {
    PolicyProblems problems = new PolicyProblems();
    Map<String, ProjectTemplate> templates = new LinkedHashMap<>();
    Path templatesFile = policiesDir.resolve(ProjectTemplatesFile.PATH);
    if (!Files.isRegularFile(templatesFile)) {
      throw new PolicyException(ProjectTemplatesFile.PATH + ": missing");
    }
    YamlDocument.read(templatesFile, ProjectTemplatesFile.PATH, problems)
        .filter(doc -> PolicySchema.TEMPLATES.validate(doc, problems))
        .ifPresent(
            doc ->
                ProjectTemplatesFile.read(doc, problems).forEach(t -> templates.put(t.name(), t)));
    problems.throwIfAny();

    Map<DatasetId, DisclosurePolicy> disclosures = new HashMap<>();
    Map<String, String> sources = new HashMap<>();
    for (Path file : PolicyBundle.yamlFiles(policiesDir, "disclosure")) {
      String name = "disclosure/" + file.getFileName();
      Optional<YamlDocument> doc =
          YamlDocument.read(file, name, problems)
              .filter(d -> PolicySchema.DISCLOSURE.validate(d, problems));
      if (doc.isEmpty()) {
        continue;
      }
      String dataset = doc.get().root().path("dataset").asText();
      String first = sources.putIfAbsent(dataset, name);
      if (first != null) {
        problems.add(doc.get().problem("/dataset", dataset + " already has its rules in " + first));
        continue;
      }
      DisclosureFile.read(doc.get(), schemas, templates, problems)
          .ifPresent(p -> disclosures.put(p.dataset(), p));
    }
    for (DatasetSchema schema : schemas.all()) {
      disclosures.putIfAbsent(schema.id(), DisclosurePolicy.defaultFor(schema));
    }
    QueryCatalog catalog = CatalogBuilder.build(schemas, disclosures, problems);
    problems.throwIfAny();
    return new QueryPolicies(catalog, templates, disclosures);
  }

  /** Returns the query catalog: {@code fused} and one source per dataset under its table name. */
  public QueryCatalog catalog() {
    return catalog;
  }

  /** Returns the project templates, in file order. */
  public List<ProjectTemplate> templates() {
    return List.copyOf(templates.values());
  }

  /** Finds a template by name. */
  public Optional<ProjectTemplate> template(String name) {
    return Optional.ofNullable(templates.get(name));
  }

  /**
   * Returns the rules a project on {@code template} reading {@code datasets} runs under: the
   * template's defaults merged, by {@link DisclosureRules#mostRestrictive}, with each dataset
   * provider's overrides for that template, datasets taken in id order (which decides the DP
   * mechanism only when the template does not require DP and several providers do).
   *
   * @throws IllegalArgumentException if {@code template} is not one of this bundle's templates or a
   *     dataset is not in the bundle
   */
  public DisclosureRules rulesFor(ProjectTemplate template, Set<DatasetId> datasets) {
    if (!template.equals(templates.get(template.name()))) {
      throw new IllegalArgumentException(
          "not a template of this policy bundle: " + template.name());
    }
    List<DatasetId> ordered = new ArrayList<>(datasets);
    ordered.sort(Comparator.comparing(DatasetId::value));
    DisclosureRules rules = template.defaults();
    for (DatasetId dataset : ordered) {
      DisclosurePolicy policy = disclosures.get(dataset);
      if (policy == null) {
        throw new IllegalArgumentException("not a dataset of this policy bundle: " + dataset);
      }
      Optional<DisclosureRules> override = policy.override(template.name());
      if (override.isPresent()) {
        rules = rules.mostRestrictive(override.get());
      }
    }
    return rules;
  }
}
