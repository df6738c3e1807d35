package dev.safehouse.testing;

import dev.safehouse.crypto.CryptoSuite;
import dev.safehouse.crypto.Verifier;
import java.util.stream.Stream;

/**
 * The crypto suite the Quarkus tests of this run deploy: the system property {@value #PROPERTY}
 * ({@code intl} unless set; the surefire execution {@code sm-suite} sets {@code sm}).
 *
 * <p>The service's configuration refuses unknown {@code safehouse.*} properties, system properties
 * included, so {@link SafehouseTestResources} moves the value to {@value #RUN_PROPERTY} (outside
 * that prefix, like {@link TestTokens#PLATFORM_KEY_PROPERTY}) before the service starts.
 */
public final class TestSuite {
  /** The system property naming the suite, by its wire name, as the build sets it. */
  public static final String PROPERTY = "safehouse.test.suite";

  /** Where the suite is kept once {@link #publish()} has moved it out of {@value #PROPERTY}. */
  static final String RUN_PROPERTY = "safehouse-test.suite";

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
    String name = System.getProperty(RUN_PROPERTY, System.getProperty(PROPERTY, ""));
    return CryptoSuite.fromWireName(name.isBlank() ? "intl" : name.strip());
  }

  /**
   * Moves the suite from {@value #PROPERTY} to {@value #RUN_PROPERTY}, where the service's
   * configuration does not see it, and returns it.
   */
  static CryptoSuite publish() {
    CryptoSuite suite = current();
    System.setProperty(RUN_PROPERTY, suite.wireName());
    System.clearProperty(PROPERTY);
    return suite;
  }

  /** Returns the platform's verification key that {@link SafehouseTestResources} generated. */
  public static Verifier platformKey() {
    return current().verifierFromText(System.getProperty(TestTokens.PLATFORM_KEY_PROPERTY));
  }
}
