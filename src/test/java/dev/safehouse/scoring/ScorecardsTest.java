package dev.safehouse.scoring;

import static dev.safehouse.scoring.ScoringFixtures.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.safehouse.common.Sha256;
import dev.safehouse.policy.DatasetSchemas;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScorecardsTest {
  @TempDir Path dir;

  @Test
  void load_shippedPolicies_holdsSmeDefault() throws IOException {
    Scorecards cards = Scorecards.load(ScoringFixtures.SHIPPED, ScoringFixtures.schemas());

    Scorecard card = cards.find("sme-default").orElseThrow();
    assertThat(cards.all()).containsExactly(card);
    assertThat(card.range()).isEqualTo(new ScoreRange(300, 900));
    assertThat(card.grades())
        .extracting(Grade::letter, Grade::zh, Grade::minScore)
        .containsExactly(
            tuple("A", "低风险", 720),
            tuple("B", "一般", 650),
            tuple("C", "较高", 560),
            tuple("D", "高", 300));
    assertThat(card.features()).hasSize(11);
    assertThat(card.reasons())
        .containsKeys("OVERDUE_24M", "DISHONEST_DEBTOR", "NO_FINANCIAL_HISTORY");
    assertThat(card.reasons().get("OVERDUE_24M").en()).isEqualTo("Overdue in the last 24 months");
    byte[] bytes = Files.readAllBytes(ScoringFixtures.SHIPPED.resolve("scoring/sme-default.yaml"));
    assertThat(card.version()).isEqualTo(Sha256.hex(bytes));
  }

  @Test
  void load_shippedPolicies_everyCatalogueReasonIsUsed() {
    Scorecard card =
        Scorecards.load(ScoringFixtures.SHIPPED, ScoringFixtures.schemas())
            .find("sme-default")
            .orElseThrow();
    Set<String> used =
        card.features().stream()
            .flatMap(f -> Stream.concat(f.bins().stream().map(Bin::points), Stream.of(f.missing())))
            .flatMap(p -> p.reason().stream())
            .map(ReasonCode::code)
            .collect(Collectors.toSet());
    assertThat(used).isEqualTo(card.reasons().keySet());
  }

  @Test
  void version_fileChanged_changes() throws IOException {
    DatasetSchemas schemas = ScoringFixtures.schemas();
    Path file = ScoringFixtures.write(dir, "tiny", ScoringFixtures.TINY);
    String before = Scorecards.load(dir, schemas).find("tiny").orElseThrow().version();

    Files.writeString(file, "# a comment\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    String after = Scorecards.load(dir, schemas).find("tiny").orElseThrow().version();

    assertThat(before).isEqualTo(Sha256.hex(ScoringFixtures.TINY.getBytes(StandardCharsets.UTF_8)));
    assertThat(after).isNotEqualTo(before).hasSize(64);
  }

  @Test
  void score_beyondTheRange_clampedToItsBounds() throws IOException {
    // Base 880: no overdue (+40) and tax A (+30) give 950, clamped to 900. Base 320: overdue (-40,
    // lost 80) and tax D (-60, lost 90) give 220, clamped to 300; tax lost more, so it comes first.
    ScoringFixtures.write(
        dir, "tiny", ScoringFixtures.TINY.replace("baseScore: 600", "baseScore: 880"));
    Scorecard high = Scorecards.load(dir, ScoringFixtures.schemas()).find("tiny").orElseThrow();
    ScoringFixtures.write(
        dir, "tiny", ScoringFixtures.TINY.replace("baseScore: 600", "baseScore: 320"));
    Scorecard low = Scorecards.load(dir, ScoringFixtures.schemas()).find("tiny").orElseThrow();

    ScoreResult top = high.score(values("max_overdue_days_24m", 0L, "tax_credit_grade", "A"));
    ScoreResult bottom = low.score(values("max_overdue_days_24m", 5L, "tax_credit_grade", "D"));

    assertThat(top.score()).isEqualTo(900);
    assertThat(top.grade().letter()).isEqualTo("A");
    assertThat(bottom.score()).isEqualTo(300);
    assertThat(bottom.grade().letter()).isEqualTo("D");
    assertThat(bottom.reasons())
        .extracting(ReasonCode::code)
        .containsExactly("TAX_GRADE_LOW", "OVERDUE_24M");
  }

  @Test
  void load_noScoringDirectory_noScorecards() {
    assertThat(Scorecards.load(dir, ScoringFixtures.schemas()).all()).isEmpty();
  }

  @Test
  void gradeOf_cutOffs_inclusiveMinimums() {
    Scorecard card =
        Scorecards.load(ScoringFixtures.SHIPPED, ScoringFixtures.schemas())
            .find("sme-default")
            .orElseThrow();
    assertThat(card.gradeOf(720).letter()).isEqualTo("A");
    assertThat(card.gradeOf(719).letter()).isEqualTo("B");
    assertThat(card.gradeOf(650).letter()).isEqualTo("B");
    assertThat(card.gradeOf(649).letter()).isEqualTo("C");
    assertThat(card.gradeOf(560).letter()).isEqualTo("C");
    assertThat(card.gradeOf(559).letter()).isEqualTo("D");
    assertThat(card.gradeOf(300).letter()).isEqualTo("D");
  }
}
