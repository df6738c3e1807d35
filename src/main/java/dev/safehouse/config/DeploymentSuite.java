package dev.safehouse.config;

import dev.safehouse.crypto.CryptoSuite;
import dev.safehouse.crypto.UnknownSuiteException;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Makes the deployment's {@link CryptoSuite} ({@code safehouse.crypto.suite}) injectable. An
 * unknown name stops the service at start-up with the setting named, rather than at the first
 * request.
 */
public final class DeploymentSuite {
  @Produces
  @Singleton
  CryptoSuite suite(SafehouseConfig config) {
    try {
      return CryptoSuite.fromWireName(config.crypto().suite());
    } catch (UnknownSuiteException e) {
      throw new IllegalStateException(
          "safehouse.crypto.suite must be intl or sm, not " + config.crypto().suite(), e);
    }
  }
}
