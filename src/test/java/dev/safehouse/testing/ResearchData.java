package dev.safehouse.testing;

import dev.safehouse.common.Uscc;
import dev.safehouse.crypto.Signer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Hand-built credit data whose cells are known, for the disclosure-control tests. Every enterprise
 * appears in all three sources. Region 110101: industry C has 30 enterprises, F has 9 (one short of
 * k = 10), G has 12 of which one holds 1 000 000 of registered capital and the others 100 each (a
 * dominated sum). Region 310101: industry C has 25 enterprises, one of them the only one with
 * registered capital 777 (the target of the differencing attack). Region 440300: industry K has 400
 * enterprises, enough to clear the release threshold under differential privacy.
 */
public final class ResearchData {
  /** Enterprises in region 110101, industry C. */
  public static final int BEIJING_C = 30;

  /** Enterprises in region 110101, industry F: one short of k. */
  public static final int BEIJING_F = 9;

  /** Enterprises in region 110101, industry G: one dominates the capital. */
  public static final int BEIJING_G = 12;

  /** Enterprises in region 310101, industry C. */
  public static final int SHANGHAI_C = 25;

  /** Enterprises in region 440300, industry K: a cell large enough to be released under DP. */
  public static final int SHENZHEN_K = 400;

  /** The registered capital only one Shanghai enterprise has. */
  public static final String UNIQUE_CAPITAL = "777";

  private ResearchData() {}

  /** One enterprise. */
  private record Row(Uscc uscc, String region, String industry, String capital) {}

  private static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    add(rows, "110101", "C", BEIJING_C, i -> "1000");
    add(rows, "110101", "F", BEIJING_F, i -> "500");
    add(rows, "110101", "G", BEIJING_G, i -> i == 0 ? "1000000" : "100");
    add(rows, "310101", "C", SHANGHAI_C, i -> i == 0 ? UNIQUE_CAPITAL : "2000");
    add(rows, "440300", "K", SHENZHEN_K, i -> "300");
    return rows;
  }

  /** Returns the codes of the enterprises, in file order. */
  public static List<Uscc> usccs() {
    return rows().stream().map(Row::uscc).toList();
  }

  /**
   * Loads the three sources into the running service's enclave through the provider path, under a
   * freshly registered provider key.
   */
  public static void load(URI server) throws Exception {
    Signer key = TestSuite.current().newSigner();
    TestDatasets.registerKey(key);
    Path dir = Files.createTempDirectory("research-data");
    for (Map.Entry<String, byte[]> csv : csvs().entrySet()) {
      TestDatasets.load(server, dir, key, csv.getKey(), csv.getValue(), 32 * 1024);
    }
  }

  /** Returns the three CSVs by dataset id. */
  public static Map<String, byte[]> csvs() {
    List<Row> rows = rows();
    StringBuilder pub =
        new StringBuilder(
            "uscc,region_code,industry,registered_capital,year_established,"
                + "administrative_penalties,dishonest_debtor,abnormal_operations,tax_credit_grade,"
                + "samr_risk_class,customs_credit_class\n");
    StringBuilder market =
        new StringBuilder(
            "uscc,on_time_payment_rate,avg_payment_delay_days,contract_disputes,complaints,"
                + "supplier_rating,utility_arrears\n");
    StringBuilder financial =
        new StringBuilder(
            "uscc,loan_count,outstanding_balance,max_overdue_days_24m,overdue_count_24m,"
                + "guarantee_exposure,bad_debt,credit_line_utilisation\n");
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      pub.append(
          String.join(
              ",",
              r.uscc().value(),
              r.region(),
              r.industry(),
              r.capital(),
              Integer.toString(2000 + i % 20),
              Integer.toString(i % 3),
              Boolean.toString(i % 7 == 0),
              "false",
              "A",
              "B",
              ""));
      pub.append('\n');
      market.append(
          String.join(
              ",", r.uscc().value(), "0.95", "3.5", "0", Integer.toString(i % 5), "4.2", "false"));
      market.append('\n');
      financial.append(
          String.join(
              ",",
              r.uscc().value(),
              "2",
              String.format(Locale.ROOT, "%d.00", 1000 + i),
              "0",
              "0",
              "0",
              "false",
              "0.4"));
      financial.append('\n');
    }
    return Map.of(
        "public-credit", pub.toString().getBytes(StandardCharsets.UTF_8),
        "market-credit", market.toString().getBytes(StandardCharsets.UTF_8),
        "financial-credit", financial.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void add(
      List<Row> rows,
      String region,
      String industry,
      int n,
      java.util.function.IntFunction<String> capital) {
    for (int i = 0; i < n; i++) {
      String org = String.format(Locale.ROOT, "%s%08d", industry, rows.size());
      rows.add(
          new Row(
              Uscc.withCheckCharacter("91" + region + org), region, industry, capital.apply(i)));
    }
  }
}
