package dev.safehouse.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.safehouse.common.ProblemType;
import dev.safehouse.common.SafehouseException;
import dev.safehouse.service.QuotaExceededException;
import dev.safehouse.service.RateLimitedException;
import dev.safehouse.service.RefusalException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every exception that reaches the REST layer into RFC 9457 problem+json.
 *
 * <h2>Security guarantees</h2>
 *
 * Bodies carry only a fixed title, a safe detail ({@link SafehouseException} messages or fixed
 * texts) and the request path without its query string. Exception messages from libraries (Jackson,
 * the JAX-RS runtime) are never returned, since they can echo submitted values; unexpected failures
 * are logged with an incident reference that the response repeats.
 */
public final class ExceptionMappers {
  private static final Logger LOG = Logger.getLogger(ExceptionMappers.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  static final String BEARER_CHALLENGE = "Bearer realm=\"safehouse\"";
  static final String INVALID_TOKEN_CHALLENGE = BEARER_CHALLENGE + ", error=\"invalid_token\"";
  static final String INVALID_TOKEN_DETAIL = "the bearer token is not valid";

  @ServerExceptionMapper
  Response safehouse(SafehouseException e, UriInfo uri) {
    if (e.type().status() >= 500) {
      LOG.warnf("%s: %s", e.type().title(), e.getMessage());
    }
    Problem problem = Problem.of(e.type(), e.getMessage(), uri.getPath());
    if (e instanceof RefusalException refusal) {
      problem =
          new Problem(
              problem.type(),
              problem.title(),
              problem.status(),
              problem.detail(),
              problem.instance(),
              null,
              refusal.violations().isEmpty()
                  ? null
                  : refusal.violations().stream()
                      .map(
                          v ->
                              new Problem.Violation(
                                  v.rule(), v.message(), v.line(), v.column(), v.length()))
                      .toList(),
              refusal.rules());
    }
    Response.ResponseBuilder builder = ProblemResponses.builder(problem);
    if (e instanceof RateLimitedException limited) {
      builder.header(HttpHeaders.RETRY_AFTER, limited.retryAfterSeconds());
    }
    if (e instanceof QuotaExceededException exceeded) {
      builder.header(HttpHeaders.RETRY_AFTER, exceeded.retryAfterSeconds());
    }
    if (e.type() == ProblemType.ENCLAVE_UNAVAILABLE) {
      builder.header(HttpHeaders.RETRY_AFTER, 1);
    }
    return builder.build();
  }

  @ServerExceptionMapper({
    AuthenticationFailedException.class,
    AuthenticationCompletionException.class
  })
  Response authenticationFailed(RuntimeException e, UriInfo uri) {
    return ProblemResponses.builder(
            Problem.of(ProblemType.UNAUTHENTICATED, INVALID_TOKEN_DETAIL, uri.getPath()))
        .header(HttpHeaders.WWW_AUTHENTICATE, INVALID_TOKEN_CHALLENGE)
        .build();
  }

  @ServerExceptionMapper
  Response unauthorized(UnauthorizedException e, UriInfo uri) {
    return ProblemResponses.builder(
            Problem.of(
                ProblemType.UNAUTHENTICATED,
                fixedDetail(ProblemType.UNAUTHENTICATED),
                uri.getPath()))
        .header(HttpHeaders.WWW_AUTHENTICATE, BEARER_CHALLENGE)
        .build();
  }

  @ServerExceptionMapper
  Response forbidden(ForbiddenException e, UriInfo uri) {
    return ProblemResponses.of(
        ProblemType.FORBIDDEN, "the caller's role may not use this resource", uri.getPath());
  }

  @ServerExceptionMapper
  Response malformedBody(JsonProcessingException e, UriInfo uri) {
    return ProblemResponses.of(
        ProblemType.MALFORMED_BODY, fixedDetail(ProblemType.MALFORMED_BODY), uri.getPath());
  }

  /**
   * Wrong JSON types and shapes. Without this the REST layer's built-in mapper for {@link
   * MismatchedInputException} would answer with plain JSON that quotes the submitted value.
   */
  @ServerExceptionMapper
  Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
    return malformedBody(e, uri);
  }

  /**
   * A type Jackson cannot bind: a defect of ours, answered as {@link #unexpected} so that it is
   * problem+json with an incident rather than the REST layer's built-in plain 500.
   */
  @ServerExceptionMapper
  Response invalidDefinition(InvalidDefinitionException e, UriInfo uri) {
    return unexpected(e, uri);
  }

  @ServerExceptionMapper
  Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
    List<Problem.FieldError> errors = new ArrayList<>();
    for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
      if (isReturnValue(violation.getPropertyPath())) {
        return unexpected(e, uri);
      }
      errors.add(
          new Problem.FieldError(fieldPath(violation.getPropertyPath()), violation.getMessage()));
    }
    errors.sort(Comparator.comparing(Problem.FieldError::field));
    return ProblemResponses.validation(errors, uri.getPath());
  }

  @ServerExceptionMapper
  Response webApplication(WebApplicationException e, UriInfo uri) {
    int status = e.getResponse().getStatus();
    if (status >= 500) {
      return unexpected(e, uri);
    }
    if (status == 400 && causedByJsonError(e)) {
      return malformedBody(null, uri);
    }
    ProblemType type = ProblemType.forStatus(status);
    Response.ResponseBuilder builder =
        ProblemResponses.builder(Problem.of(type, fixedDetail(type), uri.getPath()));
    Object allow = e.getResponse().getHeaders().getFirst(HttpHeaders.ALLOW);
    if (allow != null) {
      builder.header(HttpHeaders.ALLOW, allow);
    }
    return builder.build();
  }

  @ServerExceptionMapper
  Response unexpected(Throwable e, UriInfo uri) {
    String incident = HexFormat.of().formatHex(randomBytes());
    LOG.errorf(e, "unexpected failure, incident %s", incident);
    return ProblemResponses.of(
        ProblemType.INTERNAL, "internal error; quote incident " + incident, uri.getPath());
  }

  static String fixedDetail(ProblemType type) {
    return switch (type) {
      case UNAUTHENTICATED -> "this resource needs a bearer token";
      case NOT_FOUND -> "no resource at this path";
      case METHOD_NOT_ALLOWED -> "this resource does not support the method";
      case NOT_ACCEPTABLE -> "this resource cannot produce any of the accepted media types";
      case UNSUPPORTED_MEDIA_TYPE -> "this resource does not accept the request's content type";
      case PAYLOAD_TOO_LARGE -> "the request body exceeds the limit";
      case URI_TOO_LONG -> "the request line exceeds the limit";
      case HEADERS_TOO_LARGE -> "the request header fields exceed the limit";
      case MALFORMED_BODY -> "the request body is not valid JSON of the expected shape";
      default -> "the request could not be processed";
    };
  }

  private static boolean causedByJsonError(Throwable e) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof JsonProcessingException) {
        return true;
      }
    }
    return false;
  }

  private static boolean isReturnValue(Path path) {
    for (Path.Node node : path) {
      if (node.getKind() == ElementKind.RETURN_VALUE) {
        return true;
      }
    }
    return false;
  }

  /**
   * Drops the method and parameter nodes: {@code create.request.consent.uscc} → {@code
   * consent.uscc}.
   */
  private static String fieldPath(Path path) {
    List<String> parts = new ArrayList<>();
    String parameter = null;
    for (Path.Node node : path) {
      if (node.getKind() == ElementKind.METHOD) {
        continue;
      }
      if (node.getKind() == ElementKind.PARAMETER) {
        parameter = node.getName();
        continue;
      }
      String name = node.getName() == null ? "" : node.getName();
      parts.add(node.getIndex() != null ? name + "[" + node.getIndex() + "]" : name);
    }
    return parts.isEmpty() ? (parameter == null ? "" : parameter) : String.join(".", parts);
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[6];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
