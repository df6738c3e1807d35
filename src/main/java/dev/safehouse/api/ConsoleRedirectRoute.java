package dev.safehouse.api;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Answers {@code GET} and {@code HEAD /console} (no trailing slash) with a 301 to {@code
 * /console/}, where the console's static files are served; the relative module paths in its page
 * resolve only under the directory. Any query string is dropped.
 */
@ApplicationScoped
public class ConsoleRedirectRoute {
  static final String CONSOLE = "/console/";

  void register(@Observes Router router) {
    router.routeWithRegex(HttpMethod.GET, "/console").handler(ConsoleRedirectRoute::redirect);
    router.routeWithRegex(HttpMethod.HEAD, "/console").handler(ConsoleRedirectRoute::redirect);
  }

  private static void redirect(RoutingContext ctx) {
    ctx.response().setStatusCode(301).putHeader(HttpHeaders.LOCATION, CONSOLE).end();
  }
}
