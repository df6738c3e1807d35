package dev.safehouse.testing;

import dev.safehouse.common.ProblemType;
import dev.safehouse.common.SafehouseException;
import dev.safehouse.service.QuotaExceededException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Deployed only under {@code @QuarkusTest}: endpoints that fail on purpose. */
@Path("/test-only")
public class FailingResource {
  /** A secret that must never reach a response. */
  public static final String SECRET = "record-value-6225880137706";

  /** Fails the way a bug would: an unexpected exception whose message holds data. */
  @GET
  @Path("/bug")
  public String bug() {
    throw new IllegalStateException("row " + SECRET + " broke");
  }

  /** Fails with a conflict, as a later workflow endpoint will. */
  @GET
  @Path("/conflict")
  public String conflict() {
    throw new SafehouseException(ProblemType.CONFLICT, "the project is already approved");
  }

  /** Fails as the score API does once a daily quota is used up. */
  @GET
  @Path("/quota")
  public String quota() {
    throw new QuotaExceededException("the institution's daily score quota is used up", 42);
  }
}
