package dev.safehouse.common;

import java.net.URI;

/**
 * The catalogue of error kinds the service can report, each with a stable RFC 9457 problem {@code
 * type} URI, an HTTP status and a short human title.
 *
 * <p>Clients may switch on {@link #uri()}; it never changes for an existing kind. The title is the
 * same for every occurrence of a kind; per-occurrence detail goes into the problem's {@code detail}
 * and must come from {@link SafehouseException#getMessage()}, which is always safe to return.
 */
public enum ProblemType {
  INVALID_REQUEST(400, "invalid-request", "The request is not valid"),
  VALIDATION_FAILED(400, "validation-failed", "The request body or parameters failed validation"),
  MALFORMED_BODY(400, "malformed-body", "The request body could not be read"),
  UNAUTHENTICATED(401, "unauthenticated", "A valid bearer token is required"),
  FORBIDDEN(403, "forbidden", "The caller's role does not allow this operation"),
  NOT_FOUND(404, "not-found", "No such resource"),
  METHOD_NOT_ALLOWED(405, "method-not-allowed", "The method is not allowed on this resource"),
  NOT_ACCEPTABLE(406, "not-acceptable", "No acceptable representation is available"),
  CONFLICT(409, "conflict", "The request conflicts with the current state"),
  PAYLOAD_TOO_LARGE(413, "payload-too-large", "The request body is too large"),
  /** 414: the request line (method, path and query, version) is over the service's limit. */
  URI_TOO_LONG(414, "uri-too-long", "The request URI is too long"),
  UNSUPPORTED_MEDIA_TYPE(
      415, "unsupported-media-type", "The request's content type is not supported"),
  /** 422: a research query breaks the policy; the problem lists every violation. */
  QUERY_DENIED(422, "query-denied", "The query breaks the disclosure policy"),
  /** 403: a run would take more privacy budget (ε) than the project has left. */
  BUDGET_EXHAUSTED(403, "budget-exhausted", "The project's privacy budget does not cover the run"),
  /** 403: the enclave's output rules refused to release a run's result. */
  RELEASE_REFUSED(403, "release-refused", "The enclave's output rules refused the release"),
  /** 403: no live consent of the enterprise covers the institution's request. */
  CONSENT_REQUIRED(403, "consent-required", "The enterprise's consent does not cover the request"),
  RATE_LIMITED(429, "rate-limited", "Too many requests"),
  /** 429: the institution's daily score quota, in total or for one enterprise, is used up. */
  QUOTA_EXCEEDED(429, "quota-exceeded", "The daily score quota is used up"),
  /** 431: the request's header fields together are over the service's limit. */
  HEADERS_TOO_LARGE(431, "headers-too-large", "The request header fields are too large"),
  INTERNAL(500, "internal", "Internal error"),
  ENCLAVE_UNAVAILABLE(503, "enclave-unavailable", "The enclave is not available"),
  SERVICE_UNAVAILABLE(503, "service-unavailable", "The service is temporarily unavailable"),
  AUDIT_UNAVAILABLE(
      503, "audit-unavailable", "The audit log could not record the request; nothing was released");

  /** Base of every problem type URI; the slug of the kind is appended. */
  public static final String BASE_URI = "https://safehouse.dev/problems/";

  private final int status;
  private final String slug;
  private final String title;

  ProblemType(int status, String slug, String title) {
    this.status = status;
    this.slug = slug;
    this.title = title;
  }

  /** Returns the HTTP status this kind is reported with. */
  public int status() {
    return status;
  }

  /** Returns the stable type URI, {@code https://safehouse.dev/problems/<slug>}. */
  public URI uri() {
    return URI.create(BASE_URI + slug);
  }

  /** Returns the short, fixed title of this kind. */
  public String title() {
    return title;
  }

  /**
   * Returns the kind reported for an HTTP status that arose outside our own code (the HTTP layer),
   * or {@link #INTERNAL} for a 5xx without a more specific kind, or {@link #INVALID_REQUEST} for an
   * unlisted 4xx.
   */
  public static ProblemType forStatus(int status) {
    for (ProblemType type : values()) {
      if (type.status == status && type != VALIDATION_FAILED && type != MALFORMED_BODY) {
        if (status == 503) {
          return SERVICE_UNAVAILABLE;
        }
        return type;
      }
    }
    return status >= 500 ? INTERNAL : INVALID_REQUEST;
  }
}
