package dev.safehouse.cli.demo;

import dev.safehouse.common.Uscc;
import java.util.SplittableRandom;

/**
 * One synthetic enterprise's latent traits, from which its three records are drawn consistently: a
 * risk score in [0, 1], whether it is a dishonest judgment debtor, and which sources cover it.
 *
 * @param uscc a valid code whose characters 3–8 are the region
 * @param region a real 6-digit prefecture code
 * @param risk latent credit risk, 0 (sound) to 1 (failing)
 * @param dishonest listed as a dishonest judgment debtor
 * @param inMarket covered by the market-credit agency
 * @param inFinancial has a record at banks / the credit reference centre
 */
record SyntheticEnterprise(
    Uscc uscc,
    String region,
    double risk,
    boolean dishonest,
    boolean inMarket,
    boolean inFinancial) {

  /** Real prefecture-level administrative division codes (GB/T 2260). */
  static final String[] REGIONS = {
    "110000", "120000", "310000", "500000", "440100", "440300", "330100", "320100", "320500",
    "510100", "420100", "350100", "350200", "370200", "210200", "610100", "430100", "410100",
    "340100", "530100"
  };

  private static final String ORG_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  static SyntheticEnterprise draw(SplittableRandom random) {
    String region = REGIONS[random.nextInt(REGIONS.length)];
    StringBuilder payload = new StringBuilder("91").append(region);
    for (int i = 0; i < 9; i++) {
      // Organisation codes are mostly digits, with an occasional letter.
      payload.append(
          random.nextInt(10) < 9
              ? (char) ('0' + random.nextInt(10))
              : ORG_CODE_CHARS.charAt(10 + random.nextInt(ORG_CODE_CHARS.length() - 10)));
    }
    double risk = Math.pow(random.nextDouble(), 2.5); // most enterprises are sound
    boolean dishonest = random.nextDouble() < 0.005 + 0.12 * risk;
    return new SyntheticEnterprise(
        Uscc.withCheckCharacter(payload.toString()),
        region,
        risk,
        dishonest,
        random.nextDouble() < 0.85,
        random.nextDouble() < 0.75);
  }
}
