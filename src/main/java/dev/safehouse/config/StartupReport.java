package dev.safehouse.config;

import io.quarkus.runtime.configuration.ConfigUtils;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Tells a newcomer, once the HTTP server listens, where the service is, which database it uses and
 * how to get a development token.
 */
@ApplicationScoped
public class StartupReport {
  private static final Logger LOG = Logger.getLogger(StartupReport.class);

  private final Optional<String> database;

  StartupReport(SafehouseConfig config) {
    this.database = config.db().description();
  }

  void onHttpStart(@ObservesAsync HttpServerStart start) {
    String host = start.options().getHost();
    String base =
        "http://" + ("0.0.0.0".equals(host) ? "localhost" : host) + ":" + start.options().getPort();
    LOG.infof(
        "Safehouse is listening on %s (profile %s, database: %s)",
        base, String.join(",", ConfigUtils.getProfiles()), database.orElse("as configured"));
    LOG.infof("  readiness:   %s/q/health/ready", base);
    LOG.infof("  API docs:    %s/q/swagger-ui", base);
    if (ConfigUtils.getProfiles().contains("dev")) {
      LOG.infof(
          "  dev token:   TOKEN=$(./safehouse token --role auditor --sub alice) && curl -H \"Authorization: Bearer $TOKEN\" %s/v1/me",
          base);
    }
  }
}
