package dev.safehouse.api;

import dev.safehouse.common.ProblemType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds JAX-RS responses carrying a {@link Problem}. */
final class ProblemResponses {
  private ProblemResponses() {}

  static Response of(ProblemType type, String detail, String path) {
    return builder(Problem.of(type, detail, path)).build();
  }

  static Response.ResponseBuilder builder(Problem problem) {
    return Response.status(problem.status())
        .type(Problem.MEDIA_TYPE)
        .header("Cache-Control", "no-store")
        .entity(problem);
  }

  static Response validation(List<Problem.FieldError> errors, String path) {
    ProblemType type = ProblemType.VALIDATION_FAILED;
    Problem problem =
        new Problem(
            type.uri(),
            type.title(),
            type.status(),
            errors.size() + " field(s) failed validation",
            path,
            errors,
            null,
            null);
    return builder(problem).build();
  }
}
