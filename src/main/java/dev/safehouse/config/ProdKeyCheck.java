package dev.safehouse.config;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses to start the {@code prod} profile while any setting uses a key from {@code keys-dev/}, or
 * while the token verification key is missing, so that a misconfigured deployment fails at start
 * rather than on its first request. Runs before every other start-up observer.
 */
@Singleton
public class ProdKeyCheck {

  void onStart(@Observes @Priority(1) StartupEvent event) {
    if (!ConfigUtils.getProfiles().contains("prod")) {
      return;
    }
    Config config = ConfigProvider.getConfig();
    List<String> offending =
        DevKeyGuard.fromShippedFingerprints()
            .offendingSettings(config.getPropertyNames(), name -> valueOf(config, name));
    if (!offending.isEmpty()) {
      throw new IllegalStateException(
          "refusing to start the prod profile: development keys from keys-dev/ are configured in "
              + String.join(", ", offending)
              + "; configure production keys instead");
    }
    requireTokenKey(config);
  }

  private static void requireTokenKey(Config config) {
    if (valueOf(config, "mp.jwt.verify.publickey").filter(v -> !v.isBlank()).isPresent()) {
      return;
    }
    String location = valueOf(config, "mp.jwt.verify.publickey.location").orElse("");
    if (location.startsWith("https:") || location.startsWith("http:")) {
      return; // a JWKS endpoint of the identity provider, fetched by smallrye-jwt
    }
    Path file = Path.of(location.replaceFirst("^file:", ""));
    if (location.isBlank() || !Files.isReadable(file)) {
      throw new IllegalStateException(
          "refusing to start the prod profile: no readable token verification key at '"
              + location
              + "'; set SAFEHOUSE_TOKEN_PUBLIC_KEY_FILE (or mp.jwt.verify.publickey.location)");
    }
  }

  private static Optional<String> valueOf(Config config, String name) {
    try {
      return config.getOptionalValue(name, String.class);
    } catch (RuntimeException e) {
      return Optional.empty(); // unresolvable expressions are reported by Quarkus itself
    }
  }
}
