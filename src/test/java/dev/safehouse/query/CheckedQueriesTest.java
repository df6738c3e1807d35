package dev.safehouse.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckedQueriesTest {
  private static final String SQL = "SELECT industry, count(*) FROM fused GROUP BY industry";

  @Test
  void sameCheck_isAnsweredFromMemory_andDifferentInputsAreCheckedAgain() {
    CheckedQueries checked = new CheckedQueries(TestCatalog.checker(), 2);

    CheckResult first = checked.check(SQL, TestCatalog.ALL_DATASETS, TestCatalog.rules(false));

    assertThat(checked.check(SQL, TestCatalog.ALL_DATASETS, TestCatalog.rules(false)))
        .isSameAs(first);
    assertThat(checked.check(SQL, TestCatalog.ALL_DATASETS, TestCatalog.rules(true)))
        .isNotSameAs(first)
        .isInstanceOf(CheckResult.Accepted.class);
    assertThat(
            checked.check(
                SQL, Set.of(TestCatalog.dataset("market-credit")), TestCatalog.rules(false)))
        .as("the project's datasets are part of the check")
        .isInstanceOf(CheckResult.Denied.class);
  }

  @Test
  void leastRecentlyUsed_isForgottenBeyondCapacity() {
    CheckedQueries checked = new CheckedQueries(TestCatalog.checker(), 1);
    CheckResult first = checked.check(SQL, TestCatalog.ALL_DATASETS, TestCatalog.rules(false));
    checked.check("SELECT count(*) FROM fused", TestCatalog.ALL_DATASETS, TestCatalog.rules(false));

    assertThat(checked.check(SQL, TestCatalog.ALL_DATASETS, TestCatalog.rules(false)))
        .isNotSameAs(first)
        .isEqualTo(first);
    assertThatThrownBy(() -> new CheckedQueries(TestCatalog.checker(), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
