package dev.safehouse.cli.demo;

import static dev.safehouse.cli.demo.SyntheticDistributions.clamp;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Writes demo CSVs for the three datasets of {@code policies/datasets/}: {@code public-credit.csv}
 * for every enterprise, {@code market-credit.csv} for about 85 % and {@code financial-credit.csv}
 * for about 75 % of them.
 *
 * <p>Traits are correlated through a latent risk: dishonest judgment debtors (about 3 %) have more
 * penalties, worse tax grades, slower payments, more overdue loans and more bad debt. The same
 * entity count and seed always give byte-identical files. Synthetic data only: the seeded,
 * non-cryptographic generator is right here and nowhere else.
 */
public final class SyntheticCreditData {
  private static final String[] INDUSTRIES = {
    "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S",
    "T"
  };
  private static final double[] INDUSTRY_WEIGHTS = {
    2, 1, 30, 1, 1, 10, 25, 3, 8, 2, 5, 7, 5, 1, 0.5, 1, 1, 1, 1, 0.5
  };
  private static final String[] TAX_GRADES = {"A", "B", "M", "C", "D"};
  private static final String[] RISK_CLASSES = {"A", "B", "C", "D"};
  private static final String[] CUSTOMS = {"AA", "A", "B", "C"};

  private SyntheticCreditData() {}

  /** How many rows each file received. */
  public record Counts(int publicRows, int marketRows, int financialRows) {}

  /**
   * Writes the three files into {@code dir}.
   *
   * @param entities how many enterprises, at least 1
   * @param seed the generator's seed
   * @throws IOException if a file cannot be written
   */
  public static Counts write(Path dir, int entities, long seed) throws IOException {
    if (entities < 1) {
      throw new IllegalArgumentException("--entities must be at least 1");
    }
    Files.createDirectories(dir);
    SplittableRandom random = new SplittableRandom(seed);
    SyntheticDistributions d = new SyntheticDistributions(random.split());
    Set<String> used = new HashSet<>();
    int market = 0;
    int financial = 0;
    try (BufferedWriter pub = writer(dir, "public-credit.csv");
        BufferedWriter mkt = writer(dir, "market-credit.csv");
        BufferedWriter fin = writer(dir, "financial-credit.csv")) {
      pub.write(
          "uscc,region_code,industry,registered_capital,year_established,administrative_penalties,"
              + "dishonest_debtor,abnormal_operations,tax_credit_grade,samr_risk_class,customs_credit_class\n");
      mkt.write(
          "uscc,on_time_payment_rate,avg_payment_delay_days,contract_disputes,complaints,"
              + "supplier_rating,utility_arrears\n");
      fin.write(
          "uscc,loan_count,outstanding_balance,max_overdue_days_24m,overdue_count_24m,"
              + "guarantee_exposure,bad_debt,credit_line_utilisation\n");
      for (int i = 0; i < entities; i++) {
        SyntheticEnterprise e;
        do {
          e = SyntheticEnterprise.draw(random);
        } while (!used.add(e.uscc().value()));
        pub.write(publicRow(e, d));
        if (e.inMarket()) {
          mkt.write(marketRow(e, d));
          market++;
        }
        if (e.inFinancial()) {
          fin.write(financialRow(e, d));
          financial++;
        }
      }
    }
    return new Counts(entities, market, financial);
  }

  private static BufferedWriter writer(Path dir, String name) throws IOException {
    return Files.newBufferedWriter(dir.resolve(name), StandardCharsets.UTF_8);
  }

  private static String publicRow(SyntheticEnterprise e, SyntheticDistributions d) {
    double stress = e.risk() + (e.dishonest() ? 0.5 : 0);
    int taxGrade =
        (int)
            clamp(
                Math.floor(d.weighted(new double[] {30, 40, 15, 10, 5}) + 3 * stress * d.uniform()),
                0,
                4);
    int riskClass =
        (int)
            clamp(
                Math.floor(4 * stress * d.uniform() + d.weighted(new double[] {60, 25, 10, 5})),
                0,
                3);
    return String.join(
            ",",
            e.uscc().value(),
            e.region(),
            INDUSTRIES[d.weighted(INDUSTRY_WEIGHTS)],
            decimal(clamp(d.logNormal(500, 1.6), 1, 10_000_000), 2),
            Integer.toString(2025 - (int) clamp(Math.abs(d.normal()) * 12, 0, 40)),
            Integer.toString(Math.min(500, d.poisson(0.15 + 3 * stress))),
            Boolean.toString(e.dishonest()),
            Boolean.toString(d.chance(0.02 + 0.2 * stress)),
            TAX_GRADES[taxGrade],
            RISK_CLASSES[riskClass],
            d.chance(0.2) ? CUSTOMS[d.weighted(new double[] {10, 50, 35, 5})] : "")
        + "\n";
  }

  private static String marketRow(SyntheticEnterprise e, SyntheticDistributions d) {
    double stress = e.risk() + (e.dishonest() ? 0.5 : 0);
    double onTime = clamp(0.97 - 0.45 * stress + 0.04 * d.normal(), 0, 1);
    return String.join(
            ",",
            e.uscc().value(),
            decimal(onTime, 4),
            decimal(clamp((1 - onTime) * 60 + 3 * Math.abs(d.normal()), 0, 365), 1),
            Integer.toString(Math.min(200, d.poisson(0.1 + 2 * stress))),
            Integer.toString(Math.min(1000, d.poisson(0.3 + 4 * stress))),
            decimal(clamp(4.3 - 2 * stress + 0.3 * d.normal(), 1, 5), 2),
            Boolean.toString(d.chance(0.03 + 0.25 * stress)))
        + "\n";
  }

  private static String financialRow(SyntheticEnterprise e, SyntheticDistributions d) {
    double stress = e.risk() + (e.dishonest() ? 0.8 : 0);
    int overdueCount = Math.min(100, d.poisson(0.2 + 6 * stress));
    int maxOverdue =
        overdueCount == 0 ? 0 : (int) clamp(d.logNormal(15 + 120 * stress, 0.8), 1, 730);
    boolean badDebt = maxOverdue > 90 && d.chance(0.3 + 0.5 * stress);
    return String.join(
            ",",
            e.uscc().value(),
            Integer.toString(Math.min(200, 1 + d.poisson(1.5))),
            decimal(clamp(d.logNormal(800, 1.3), 0, 5_000_000), 2),
            Integer.toString(maxOverdue),
            Integer.toString(overdueCount),
            d.chance(0.3) ? decimal(clamp(d.logNormal(300, 1.2), 0, 5_000_000), 2) : "0",
            Boolean.toString(badDebt),
            decimal(clamp(0.35 + 0.5 * stress + 0.15 * d.normal(), 0, 1), 4))
        + "\n";
  }

  private static String decimal(double value, int places) {
    return String.format(Locale.ROOT, "%." + places + "f", value);
  }
}
