package dev.safehouse.testing;

import dev.safehouse.crypto.CryptoSuite;
import dev.safehouse.crypto.Verifier;
import java.util.stream.Stream;

/**
 * The crypto suite the Quarkus tests of this run deploy: the system property {@value #PROPERTY}
 * ({@code intl} unless set; the surefire execution {@code sm-suite} sets {@code sm}).
 */
public final class TestSuite {
  /** The system property naming the suite, by its wire name. */
  public static final String PROPERTY = "safehouse.test.suite";

  private TestSuite() {}

  /**
   * Both suites, for parameterised tests:
   * {@code @MethodSource("dev.safehouse.testing.TestSuite#all")}.
   */
  public static Stream<CryptoSuite> all() {
    return Stream.of(CryptoSuite.INTL, CryptoSuite.SM);
  }

  /** Returns the suite that is not {@code suite}. */
  public static CryptoSuite other(CryptoSuite suite) {
    return suite == CryptoSuite.INTL ? CryptoSuite.SM : CryptoSuite.INTL;
  }

  /** Returns the suite this run deploys. */
  public static CryptoSuite current() {
    String name = System.getProperty(PROPERTY, "");
    return CryptoSuite.fromWireName(name.isBlank() ? "intl" : name.strip());
  }

  /** Returns the platform's verification key that {@link SafehouseTestResources} generated. */
  public static Verifier platformKey() {
    return current().verifierFromText(System.getProperty(TestTokens.PLATFORM_KEY_PROPERTY));
  }
}
