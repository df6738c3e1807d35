package dev.safehouse.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safehouse.common.ProblemType;
import dev.safehouse.config.SafehouseConfig;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Gives problem+json to the errors that the HTTP layer produces outside the REST resources: a
 * request line or header fields over {@code safehouse.http.limits.*} (414, 431), paths that no
 * route serves (404), bodies over {@code quarkus.http.limits.max-body-size} (413), {@code /v1}
 * requests without a valid bearer token (401, before any route matching), and any failure a route
 * reports without writing a response.
 *
 * <p>The 414 and 431 checks work because {@code quarkus.http.limits.max-initial-line-length} and
 * {@code max-header-size}, where the HTTP decoder itself answers with a bare status before any
 * route runs, are set higher than the service's own limits (docs/errors.md).
 */
@ApplicationScoped
public class HttpProblemRoutes {
  private static final Logger LOG = Logger.getLogger(HttpProblemRoutes.class);

  /** Right after Quarkus' authentication and authorisation handlers, before the REST layer. */
  private static final int AFTER_AUTHENTICATION = -SecurityHandlerPriorities.AUTHORIZATION + 1;

  /** Replaces Quarkus' own failure handler for the identity: {@link #authenticate} answers. */
  private static final BiConsumer<RoutingContext, Throwable> ANSWERED_HERE = (ctx, failure) -> {};

  private final ObjectMapper mapper;
  private final long maxBodyBytes;
  private final int maxInitialLineLength;
  private final long maxHeaderBytes;
  private final BodyHandler undeclaredBody;

  HttpProblemRoutes(
      ObjectMapper mapper,
      @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
      SafehouseConfig config) {
    this.mapper = mapper;
    this.maxBodyBytes = maxBodySize.asLongValue();
    this.maxInitialLineLength = config.http().limits().maxInitialLineLength();
    this.maxHeaderBytes = config.http().limits().maxHeaderSize().asLongValue();
    this.undeclaredBody =
        BodyHandler.create(false).setBodyLimit(maxBodyBytes).setDeleteUploadedFilesOnEnd(true);
  }

  void register(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE).handler(this::rejectOversizeHead);
    router.route().order(Integer.MIN_VALUE).handler(this::rejectDeclaredOversizeBody);
    router.route("/v1/*").order(Integer.MIN_VALUE).handler(this::requireBearerToken);
    router.route().order(Integer.MIN_VALUE).failureHandler(this::failure);
    router.route("/v1/*").order(AFTER_AUTHENTICATION).handler(this::authenticate);
    router.route().order(AFTER_AUTHENTICATION).handler(this::limitUndeclaredBody);
    router.route().order(Integer.MAX_VALUE).handler(ctx -> write(ctx, ProblemType.NOT_FOUND));
  }

  /**
   * 414 for a request line longer than {@code safehouse.http.limits.max-initial-line-length}, 431
   * for header fields longer together than {@code safehouse.http.limits.max-header-size}; counted
   * as the HTTP/1.1 decoder counts them (one byte a character: it reads both as ISO-8859-1). The
   * 414 problem has no {@code instance}: that would repeat the over-long path.
   */
  private void rejectOversizeHead(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    int line = request.method().name().length() + request.uri().length() + " HTTP/1.1".length() + 1;
    if (line > maxInitialLineLength) {
      write(
          ctx,
          ProblemType.URI_TOO_LONG,
          ExceptionMappers.fixedDetail(ProblemType.URI_TOO_LONG),
          null);
      return;
    }
    long headerBytes = 0;
    for (Map.Entry<String, String> header : request.headers()) {
      headerBytes += header.getKey().length() + ": ".length() + header.getValue().length();
    }
    if (headerBytes > maxHeaderBytes) {
      write(ctx, ProblemType.HEADERS_TOO_LARGE);
      return;
    }
    ctx.next();
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
   * could answer 404, 405, 406 or 415 and so tell an anonymous caller what exists. A request with
   * one goes on to {@link #authenticate}.
   */
  private void requireBearerToken(RoutingContext ctx) {
    if (ctx.request().getHeader(HttpHeaders.AUTHORIZATION) == null) {
      tokenRequired(ctx);
      return;
    }
    ctx.next();
  }

  /**
   * Verifies a {@code /v1} request's token before the REST layer matches its route, for the same
   * reason as {@link #requireBearerToken}: a token that is not valid, or an {@code Authorization}
   * header that carries no bearer token, is answered 401 here rather than 404, 405, 406 or 415.
   *
   * <p>This subscribes to the identity that Quarkus' authentication handler left in the routing
   * context. That identity is memoized and set as the request's user, so the REST layer's security
   * checks and {@link RateLimitFilter} use this result and the token is verified once per request.
   * Quarkus' own failure handler for that identity would end the response with an empty body, so it
   * is replaced by one that does nothing: the failure is answered here, unless a handler before
   * this one (a path-based permission, none today) already subscribed and so answered with Quarkus'
   * own.
   */
  private void authenticate(RoutingContext ctx) {
    ctx.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, ANSWERED_HERE);
    QuarkusHttpUser.getSecurityIdentity(ctx, null)
        .subscribe()
        .with(
            identity -> admit(ctx, identity),
            failure -> {
              if (ctx.response().ended()) {
                return;
              }
              if (failure instanceof AuthenticationException
                  || failure.getCause() instanceof AuthenticationException) {
                unauthenticated(
                    ctx,
                    ExceptionMappers.INVALID_TOKEN_CHALLENGE,
                    ExceptionMappers.INVALID_TOKEN_DETAIL);
              } else {
                ctx.fail(failure);
              }
            });
  }

  private void admit(RoutingContext ctx, SecurityIdentity identity) {
    if (identity == null || identity.isAnonymous()) {
      tokenRequired(ctx);
      return;
    }
    ctx.next();
  }

  private void tokenRequired(RoutingContext ctx) {
    unauthenticated(
        ctx,
        ExceptionMappers.BEARER_CHALLENGE,
        ExceptionMappers.fixedDetail(ProblemType.UNAUTHENTICATED));
  }

  private void unauthenticated(RoutingContext ctx, String challenge, String detail) {
    ctx.response().putHeader("WWW-Authenticate", challenge);
    write(ctx, ProblemType.UNAUTHENTICATED, detail, ctx.normalizedPath());
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
    write(ctx, type, ExceptionMappers.fixedDetail(type), ctx.normalizedPath());
  }

  private void write(RoutingContext ctx, ProblemType type, String detail, String instance) {
    Problem problem = Problem.of(type, detail, instance);
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
