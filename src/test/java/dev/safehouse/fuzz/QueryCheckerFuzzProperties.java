package dev.safehouse.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safehouse.common.DatasetId;
import dev.safehouse.policy.DatasetSchema;
import dev.safehouse.policy.DatasetSchemas;
import dev.safehouse.policy.DisclosureRules;
import dev.safehouse.policy.ProjectTemplate;
import dev.safehouse.policy.QueryPolicies;
import dev.safehouse.query.CheckResult;
import dev.safehouse.query.EnumDomains;
import dev.safehouse.query.PolicyValidQueries;
import dev.safehouse.query.QueryChecker;
import dev.safehouse.query.Violation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The SQL checker is total and bounded on hostile text: for arbitrary strings (any UTF-16, lone
 * surrogates, NUL, control characters), SQL-flavoured token soup and mutations of policy-valid
 * queries, {@link QueryChecker#check} returns an {@link CheckResult.Accepted} or {@link
 * CheckResult.Denied} (its only documented outcome: a rejection is a value, never an exception) and
 * answers within {@link #BOUND} per input.
 */
class QueryCheckerFuzzProperties {
  private static final String LITERAL_MARKER = "QZXLIT4242424242";
  private static final String NUMBER_MARKER = "913501004242424242";
  private static final Duration BOUND = Duration.ofSeconds(3);
  private static final DatasetSchemas SCHEMAS = DatasetSchemas.load(Path.of("policies"));
  private static final QueryChecker CHECKER =
      new QueryChecker(
          QueryPolicies.load(Path.of("policies"), SCHEMAS).catalog(), EnumDomains.of(SCHEMAS));
  private static final Set<DatasetId> ALL =
      SCHEMAS.all().stream().map(DatasetSchema::id).collect(Collectors.toUnmodifiableSet());
  private static final DisclosureRules RULES = ProjectTemplate.DEFAULT_RULES;

  private static final String[] TOKENS = {
    "SELECT",
    "select",
    "FROM",
    "WHERE",
    "GROUP BY",
    "ORDER BY",
    "LIMIT",
    "HAVING",
    "UNION",
    "JOIN",
    "count(*)",
    "sum(",
    "avg(",
    "min(",
    "max(",
    "(",
    ")",
    ",",
    ";",
    "*",
    "'",
    "\"",
    "`",
    "--",
    "/*",
    "*/",
    "=",
    "<>",
    "!=",
    "<=",
    ">=",
    "IN",
    "NOT",
    "AND",
    "OR",
    "LIKE",
    "NULL",
    ":p",
    ":",
    "?",
    "$1",
    "1e999999",
    "-0",
    "NaN",
    "9".repeat(400),
    "0x7fffffff",
    "fused",
    "public_credit",
    "uscc",
    "region",
    "registered_capital",
    "bad_debt",
    "\u0000",
    "\uD800",
    "\uDFFF",
    "\u202E",
    "\uFEFF",
    "\n",
    "\t",
    " ",
    "pg_sleep(10)",
    "read_csv('/etc/passwd')",
    "WITH",
    "RECURSIVE",
    "CASE WHEN",
    "END",
    "CAST(",
    "AS",
    "::text",
    "E'\\x00'",
    "$$"
  };

  private static CheckResult checkBounded(String sql) {
    long start = System.nanoTime();
    CheckResult result = CHECKER.check(sql, ALL, RULES);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(took).as("time to check").isLessThan(BOUND);
    return result;
  }

  @Example
  void nonAsciiDigits_areDeniedInBoundedTime() {
    for (String digit : new String[] {"\uFF11", "\u0661", "\u0967", "\uD835\uDFD9"}) {
      String sql = "SELECT count(*) FROM fused WHERE registered_capital > " + digit;
      assertThat(checkBounded(sql)).as(sql).isInstanceOf(CheckResult.Denied.class);
      assertThat(checkBounded(digit)).as(digit).isInstanceOf(CheckResult.Denied.class);
    }
  }

  @Property(tries = 400)
  void arbitraryStrings_areAcceptedOrDenied_neverThrow(@ForAll("anyText") String sql) {
    assertThat(checkBounded(sql)).isNotNull();
  }

  @Property(tries = 400)
  void tokenSoup_isAcceptedOrDenied_neverThrows(@ForAll("soup") String sql) {
    assertThat(checkBounded(sql)).isNotNull();
  }

  @Property(tries = 300)
  void mutatedValidQueries_areAcceptedOrDenied_neverThrow(
      @ForAll("valid") String sql,
      @ForAll("positions") int position,
      @ForAll("insertions") String insertion,
      @ForAll("cuts") int cut) {
    int at = Math.floorMod(position, sql.length() + 1);
    String inserted = sql.substring(0, at) + insertion + sql.substring(at);
    String truncated = sql.substring(0, Math.max(0, sql.length() - Math.floorMod(cut, 40)));
    String deleted =
        sql.substring(0, at) + sql.substring(Math.min(sql.length(), at + Math.floorMod(cut, 9)));
    assertThat(checkBounded(inserted)).isNotNull();
    assertThat(checkBounded(truncated)).isNotNull();
    assertThat(checkBounded(deleted)).isNotNull();
  }

  @Property(tries = 20)
  void deeplyNestedAndHugeQueries_areDeniedInBoundedTime(
      @ForAll("depths") int depth, @ForAll("openers") String opener) {
    String nested = "SELECT count(*) FROM fused WHERE " + opener.repeat(depth) + "1";
    assertThat(checkBounded(nested)).isInstanceOf(CheckResult.Denied.class);
    String huge = "SELECT count(*) FROM fused WHERE region IN (" + "'a',".repeat(depth) + "'a')";
    assertThat(checkBounded(huge)).isNotNull();
  }

  @Property(tries = 300)
  void literalsInBrokenOrDeniedQueries_areNeverQuotedInViolations(
      @ForAll("soup") String prefix,
      @ForAll("literals") String literal,
      @ForAll("soup") String suffix) {
    // A quote or dollar left open by the prefix would end at the literal's own opening quote and
    // leave the marker outside any literal, an identifier, which violations may name: the prefix
    // keeps its tokens but not its quotes.
    String sql = prefix.replace("'", "").replace("$", "") + " " + literal + " " + suffix;
    CheckResult result = checkBounded(sql);
    if (result instanceof CheckResult.Denied denied) {
      for (Violation violation : denied.violations()) {
        assertThat(violation.message())
            .as(sql)
            .doesNotContain(LITERAL_MARKER)
            .doesNotContain(NUMBER_MARKER);
      }
    }
  }

  @Provide
  Arbitrary<String> literals() {
    return Arbitraries.of(
        "'" + LITERAL_MARKER + "'",
        "'" + LITERAL_MARKER,
        "E'" + LITERAL_MARKER + "'",
        NUMBER_MARKER,
        NUMBER_MARKER + ".5e3",
        "$$" + LITERAL_MARKER + "$$",
        "'a''" + LITERAL_MARKER + "'");
  }

  @Provide
  Arbitrary<String> anyText() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(300),
        Arbitraries.strings().ascii().ofMaxLength(300),
        Arbitraries.strings()
            .withChars("SELECT count(*)FROMfusedWHERE=';\"\\\u0000")
            .ofMaxLength(200));
  }

  @Provide
  Arbitrary<String> soup() {
    return Arbitraries.of(TOKENS)
        .list()
        .ofMaxSize(60)
        .map(parts -> String.join(" ", parts))
        .edgeCases(edges -> edges.add("SELECT count(*) FROM fused"));
  }

  @Provide
  Arbitrary<String> valid() {
    return PolicyValidQueries.queries();
  }

  @Provide
  Arbitrary<Integer> positions() {
    return Arbitraries.integers().between(0, 10_000);
  }

  @Provide
  Arbitrary<Integer> cuts() {
    return Arbitraries.integers().between(0, 1_000);
  }

  @Provide
  Arbitrary<String> insertions() {
    return Combinators.combine(Arbitraries.of(TOKENS), Arbitraries.strings().all().ofMaxLength(8))
        .as((token, noise) -> token + noise);
  }

  @Provide
  Arbitrary<Integer> depths() {
    return Arbitraries.of(17, 100, 1_000, 5_000, 9_000);
  }

  @Provide
  Arbitrary<String> openers() {
    return Arbitraries.of("(", "NOT ", "(SELECT ", "- ", "CASE WHEN ");
  }
}
