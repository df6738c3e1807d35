package dev.safehouse.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safehouse.common.DatasetId;
import dev.safehouse.policy.DisclosureRules.Approval;
import dev.safehouse.policy.DisclosureRules.Mechanism;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryPoliciesTest {
  private static final Path POLICIES = Path.of("policies");
  private static final DatasetId PUBLIC = DatasetId.parse("public-credit");
  private static final DatasetId MARKET = DatasetId.parse("market-credit");
  private static final DatasetId FINANCIAL = DatasetId.parse("financial-credit");

  private static QueryPolicies policies;

  @BeforeAll
  static void loadShipped() {
    policies = QueryPolicies.load(POLICIES, DatasetSchemas.load(POLICIES));
  }

  @Test
  void load_shippedPolicies_definesTheTemplates() {
    assertThat(policies.templates())
        .extracting(ProjectTemplate::name)
        .containsExactly("exploratory", "dp-open", "dp-gaussian");
    DisclosureRules exploratory = policies.template("exploratory").orElseThrow().defaults();
    assertThat(exploratory.k()).isEqualTo(10);
    assertThat(exploratory.dp().required()).isFalse();
    assertThat(exploratory.approval()).isEqualTo(Approval.PER_QUERY);
    DisclosureRules dpOpen = policies.template("dp-open").orElseThrow().defaults();
    assertThat(dpOpen.dp().required()).isTrue();
    assertThat(dpOpen.dp().mechanism()).isEqualTo(Mechanism.LAPLACE);
    assertThat(dpOpen.dp().epsilonPerQuery()).isEqualByComparingTo("0.5");
    assertThat(dpOpen.dp().budget()).isEqualByComparingTo("5");
    assertThat(dpOpen.dp().refresh()).isEqualTo(Duration.ofDays(30));
    assertThat(dpOpen.approval()).isEqualTo(Approval.TRUSTED);
    assertThat(policies.template("dp-gaussian").orElseThrow().defaults().dp().mechanism())
        .isEqualTo(Mechanism.GAUSSIAN);
    assertThat(policies.template("standard")).isEmpty();
  }

  @Test
  void catalog_shippedPolicies_hasFusedAndOneSourcePerDataset() {
    QueryCatalog catalog = policies.catalog();

    assertThat(catalog.sources().keySet())
        .containsExactly("financial_credit", "fused", "market_credit", "public_credit");
    QuerySource fused = catalog.source("fused").orElseThrow();
    assertThat(fused.columns()).hasSize(11 + 7 + 8 - 2);
    assertThat(fused.columns().stream().filter(c -> c.name().equals("uscc"))).hasSize(1);
    QueryColumn uscc = fused.columns().get(0);
    assertThat(uscc.name()).isEqualTo("uscc");
    assertThat(uscc.dataset()).isEqualTo(PUBLIC);
    assertThat(uscc.columnClass()).isEqualTo(ColumnClass.IDENTIFIER);
    assertThat(uscc.aggregates()).isEmpty();
    assertThat(uscc.clampMin()).isNaN();
    assertThat(uscc.filterable()).isFalse();
    assertThat(catalog.source("public_credit").orElseThrow().columns()).hasSize(11);
    assertThat(catalog.source("market_credit").orElseThrow().column("uscc").orElseThrow().dataset())
        .isEqualTo(MARKET);
  }

  @Test
  void catalog_shippedPolicies_carriesTheProvidersColumnRules() {
    QuerySource fused = policies.catalog().source("fused").orElseThrow();

    QueryColumn capital = fused.column("registered_capital").orElseThrow();
    assertThat(capital.aggregates()).containsExactlyInAnyOrder(Aggregate.SUM, Aggregate.AVG);
    assertThat(capital.money()).isTrue();
    assertThat(capital.clampMin()).isEqualTo(0);
    assertThat(capital.clampMax()).isEqualTo(1_000_000);
    assertThat(fused.column("outstanding_balance").orElseThrow().money()).isTrue();
    assertThat(fused.column("guarantee_exposure").orElseThrow().dataset()).isEqualTo(FINANCIAL);
    assertThat(fused.column("administrative_penalties").orElseThrow().aggregates())
        .isEqualTo(EnumSet.of(Aggregate.SUM, Aggregate.AVG, Aggregate.MAX));
    assertThat(fused.column("contract_disputes").orElseThrow().clampMax()).isEqualTo(200);
    assertThat(fused.column("industry").orElseThrow().aggregates())
        .containsExactly(Aggregate.COUNT_DISTINCT);
    assertThat(fused.column("year_established").orElseThrow().aggregates())
        .containsExactly(Aggregate.COUNT_DISTINCT);
    assertThat(fused.column("utility_arrears").orElseThrow().aggregates()).isEmpty();
    QueryColumn dishonest = fused.column("dishonest_debtor").orElseThrow();
    assertThat(dishonest.sensitiveUse()).isEqualTo(SensitiveUse.FILTER_ONLY);
    assertThat(dishonest.filterable()).isTrue();
    assertThat(dishonest.aggregates()).isEmpty();
    QueryColumn badDebt = fused.column("bad_debt").orElseThrow();
    assertThat(badDebt.sensitiveUse()).isEqualTo(SensitiveUse.NEVER);
    assertThat(badDebt.filterable()).isFalse();
    assertThat(fused.columns()).filteredOn(c -> c.aggregates().contains(Aggregate.MIN)).isEmpty();
  }

  @Test
  void rulesFor_providerRaisesK_theProvidersKWins() {
    ProjectTemplate dpOpen = policies.template("dp-open").orElseThrow();

    assertThat(policies.rulesFor(dpOpen, Set.of()).k()).isEqualTo(10);
    assertThat(policies.rulesFor(dpOpen, Set.of(MARKET)).k()).isEqualTo(10);
    DisclosureRules all = policies.rulesFor(dpOpen, Set.of(PUBLIC, MARKET, FINANCIAL));
    assertThat(all.k()).isEqualTo(20);
    assertThat(all.dominance().top1()).isEqualTo(0.4);
    assertThat(all.dominance().top2()).isEqualTo(0.7);
    assertThat(all.rounding().countBase()).isEqualTo(5);
    assertThat(all.dp().epsilonPerQuery()).isEqualByComparingTo("0.25");
    assertThat(all.dp().budget()).isEqualByComparingTo("5");
    assertThat(all.approval()).isEqualTo(Approval.TRUSTED);
  }

  @Test
  void rulesFor_oneProviderRequiresDp_dpIsRequired(@TempDir Path dir) throws IOException {
    PolicyFixtures.copyShipped(dir);
    Files.writeString(
        dir.resolve("disclosure/market-credit.yaml"),
        """
        dataset: market-credit
        templates:
          exploratory:
            dp: {required: true, epsilonPerQuery: 0.1, budget: 2, refresh: P90D}
            approval: per-query
        """);
    QueryPolicies loaded = QueryPolicies.load(dir, DatasetSchemas.load(dir));
    ProjectTemplate exploratory = loaded.template("exploratory").orElseThrow();

    assertThat(loaded.rulesFor(exploratory, Set.of(PUBLIC)).dp().required()).isFalse();
    DisclosureRules merged = loaded.rulesFor(exploratory, Set.of(PUBLIC, MARKET));
    assertThat(merged.dp().required()).isTrue();
    assertThat(merged.dp().epsilonPerQuery()).isEqualTo(new BigDecimal("0.1"));
    assertThat(merged.dp().budget()).isEqualByComparingTo("2");
    assertThat(merged.dp().refresh()).isEqualTo(Duration.ofDays(90));
    assertThat(merged.k()).isEqualTo(10);
  }

  @Test
  void rulesFor_unknownTemplateOrDataset_isRefused() {
    ProjectTemplate dpOpen = policies.template("dp-open").orElseThrow();
    ProjectTemplate forged =
        new ProjectTemplate("dp-open", "t", "d", ProjectTemplate.DEFAULT_RULES);

    assertThatThrownBy(() -> policies.rulesFor(forged, Set.of(PUBLIC)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> policies.rulesFor(dpOpen, Set.of(DatasetId.parse("other-credit"))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void load_noDisclosureFiles_everyColumnDefaults(@TempDir Path dir) throws IOException {
    PolicyFixtures.copyShipped(dir);
    try (var files = Files.list(dir.resolve("disclosure"))) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
    QueryPolicies loaded = QueryPolicies.load(dir, DatasetSchemas.load(dir));
    QuerySource fused = loaded.catalog().source("fused").orElseThrow();

    QueryColumn capital = fused.column("registered_capital").orElseThrow();
    assertThat(capital.aggregates()).containsExactlyInAnyOrder(Aggregate.SUM, Aggregate.AVG);
    assertThat(capital.money()).isFalse();
    assertThat(capital.clampMax()).isEqualTo(10_000_000);
    assertThat(fused.column("dishonest_debtor").orElseThrow().sensitiveUse())
        .isEqualTo(SensitiveUse.NEVER);
  }

  @Test
  void bundleHash_changesWhenAPolicyFileChanges(@TempDir Path dir) throws IOException {
    PolicyFixtures.copyShipped(dir);
    String before = PolicyBundle.hash(dir);
    Path file = dir.resolve("disclosure/public-credit.yaml");
    Files.writeString(file, Files.readString(file).replace("k: 20", "k: 25"));

    assertThat(PolicyBundle.hash(dir)).isNotEqualTo(before);
    assertThat(PolicyBundle.hash(POLICIES)).isEqualTo(PolicyBundle.hash(POLICIES));
  }
}
