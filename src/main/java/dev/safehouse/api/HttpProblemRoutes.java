package dev.safehouse.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safehouse.common.ProblemType;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Gives problem+json to the errors that the HTTP layer produces outside the REST resources: paths
 * that no route serves (404), bodies over {@code quarkus.http.limits.max-body-size} (413), and any
 * failure a route reports without writing a response.
 */
@ApplicationScoped
public class HttpProblemRoutes {
  private static final Logger LOG = Logger.getLogger(HttpProblemRoutes.class);

  private final ObjectMapper mapper;
  private final long maxBodyBytes;
  private final BodyHandler undeclaredBody;

  HttpProblemRoutes(
      ObjectMapper mapper,
      @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
    this.mapper = mapper;
    this.maxBodyBytes = maxBodySize.asLongValue();
    this.undeclaredBody =
        BodyHandler.create(false).setBodyLimit(maxBodyBytes).setDeleteUploadedFilesOnEnd(true);
  }

  void register(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE).handler(this::rejectDeclaredOversizeBody);
    router.route("/v1/*").order(Integer.MIN_VALUE).handler(this::requireBearerToken);
    router.route().order(Integer.MIN_VALUE).handler(this::limitUndeclaredBody);
    router.route().order(Integer.MIN_VALUE).failureHandler(this::failure);
    router.route().order(Integer.MAX_VALUE).handler(ctx -> write(ctx, ProblemType.NOT_FOUND));
  }

  private void rejectDeclaredOversizeBody(RoutingContext ctx) {
    String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length != null) {
      try {
        if (Long.parseLong(length.strip()) > maxBodyBytes) {
          ctx.request().pause();
          ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
          write(ctx, ProblemType.PAYLOAD_TOO_LARGE);
          return;
        }
      } catch (NumberFormatException e) {
        write(ctx, ProblemType.INVALID_REQUEST);
        return;
      }
    }
    ctx.next();
  }

  /**
   * A body without a declared length (chunked) is read here, up to the limit, so that one over the
   * limit fails with 413 through {@link #failure} as problem+json. Left to the REST layer, it would
   * end the exchange itself with a bare 413 and no body. The REST layer reads a body read here.
   */
  private void limitUndeclaredBody(RoutingContext ctx) {
    if (ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH) == null
        && ctx.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
      undeclaredBody.handle(ctx);
      return;
    }
    ctx.next();
  }

  /**
   * Every {@code /v1} operation needs a token (the JWT matrix test checks the OpenAPI document for
   * that), so a request without one is answered 401 here, before the REST layer's route matching
   * could answer 404, 405, 406 or 415 and so tell an anonymous caller what exists.
   */
  private void requireBearerToken(RoutingContext ctx) {
    if (ctx.request().getHeader(HttpHeaders.AUTHORIZATION) == null) {
      ctx.response().putHeader("WWW-Authenticate", ExceptionMappers.BEARER_CHALLENGE);
      write(ctx, ProblemType.UNAUTHENTICATED);
      return;
    }
    ctx.next();
  }

  private void failure(RoutingContext ctx) {
    if (ctx.response().headWritten()) {
      ctx.next();
      return;
    }
    int status = ctx.statusCode();
    if (status < 400) {
      if (ctx.failure() != null) {
        LOG.error("unexpected failure outside the REST layer", ctx.failure());
      }
      status = 500;
    }
    write(ctx, ProblemType.forStatus(status));
  }

  private void write(RoutingContext ctx, ProblemType type) {
    Problem problem = Problem.of(type, ExceptionMappers.fixedDetail(type), ctx.normalizedPath());
    String body;
    try {
      body = mapper.writeValueAsString(problem);
    } catch (JsonProcessingException e) {
      body = "{\"status\":" + type.status() + "}";
    }
    ctx.response()
        .setStatusCode(type.status())
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        .end(body);
  }
}
