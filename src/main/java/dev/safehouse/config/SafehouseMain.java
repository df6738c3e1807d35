package dev.safehouse.config;

import dev.safehouse.storage.DatabaseLocator;
import dev.safehouse.storage.DatabaseTarget;
import dev.safehouse.storage.DatabaseUnavailableException;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import java.util.Map;

/**
 * Entry point of the service: chooses a database when none is configured, then starts Quarkus.
 *
 * <p>Quarkus' own datasource settings ({@code QUARKUS_DATASOURCE_REACTIVE_URL}, {@code
 * -Dquarkus.datasource.reactive.url}) win: when either is present no database is located. Otherwise
 * the choice of {@link DatabaseLocator} is handed to {@code application.properties} through the
 * {@code safehouse.db.*} system properties, which it references as defaults.
 */
@QuarkusMain
public final class SafehouseMain {
  private SafehouseMain() {}

  /**
   * Starts the service.
   *
   * @param args passed to Quarkus
   */
  public static void main(String... args) {
    Map<String, String> env = System.getenv();
    if (!datasourceConfiguredExplicitly(env)) {
      DatabaseTarget target;
      try {
        target = new DatabaseLocator(env, Path.of(".safehouse", "pgdata")).locate();
      } catch (DatabaseUnavailableException e) {
        System.err.println("safehouse: cannot start: " + e.getMessage());
        System.exit(2);
        return;
      }
      System.setProperty("safehouse.db.reactive-url", target.reactiveUrl());
      System.setProperty("safehouse.db.jdbc-url", target.jdbcUrl());
      System.setProperty("safehouse.db.username", target.username());
      System.setProperty("safehouse.db.password", target.password());
      System.setProperty("safehouse.db.description", target.describe());
    }
    Quarkus.run(args);
  }

  private static boolean datasourceConfiguredExplicitly(Map<String, String> env) {
    return env.containsKey("QUARKUS_DATASOURCE_REACTIVE_URL")
        || System.getProperty("quarkus.datasource.reactive.url") != null;
  }
}
