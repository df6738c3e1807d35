package dev.safehouse.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safehouse.common.ProblemType;
import dev.safehouse.common.Role;
import dev.safehouse.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The JWT matrix: every operation in the service's own OpenAPI document, against every kind of bad
 * token.
 *
 * <h2>What it guarantees</h2>
 *
 * <ul>
 *   <li>The endpoint list is read from {@code /q/openapi}, not written down here, so an endpoint
 *       added to any resource is in the matrix without touching this test.
 *   <li>Every operation either declares a {@code security} requirement (which smallrye-openapi
 *       derives from {@code @RolesAllowed} and {@code @Authenticated}, roles as scopes) or is on
 *       {@link #PUBLIC}; anything else fails the test, as does a stale {@link #PUBLIC} entry.
 *   <li>No token, {@code alg: none}, HS256 signed with the RSA public key (algorithm confusion, in
 *       three encodings of the key), expired, not yet valid, wrong issuer, wrong audience, tampered
 *       payload, unknown signing key and garbage are each answered 401 with {@code
 *       application/problem+json}, type {@code .../problems/unauthenticated} and a Bearer
 *       challenge, before any path, body or existence check.
 *   <li>Two of those tokens ({@link #ROUTING_TOKENS}) are also answered 401 problem+json when the
 *       request would otherwise get a routing answer: with a content type the operation does not
 *       take (415), an {@code Accept} it cannot satisfy (406), a method its path does not support
 *       (405), and on a {@code /v1} path that does not exist (404). An unauthenticated caller so
 *       learns nothing about which routes exist.
 *   <li>A valid token of every role outside an operation's scopes gets 403 problem+json of type
 *       {@code .../problems/forbidden}; a valid token of an allowed role gets past authentication
 *       and authorisation (neither 401 nor the forbidden type), so the roles in the document are
 *       the roles the service enforces.
 *   <li>No such body contains the token, a stack trace or a Java class or package name.
 * </ul>
 */
@QuarkusTest
class JwtMatrixTest {
  /**
   * Operations that are public on purpose, as {@code "METHOD /path/template"}. The service has
   * none: the audit checkpoint, proofs and the attestation are {@code @Authenticated}, and {@code
   * /q/health} and {@code /q/openapi} are not in the document. The entries are the test-only
   * fixtures of {@code dev.safehouse.testing.FailingResource}, which ship in no build.
   */
  private static final Set<String> PUBLIC =
      Set.of("GET /test-only/bug", "GET /test-only/conflict", "GET /test-only/quota");

  /** Fewest endpoint×method pairs the document must yield, so that a broken read cannot pass. */
  private static final int MIN_OPERATIONS = 25;

  private static final String OPENAPI_PATH = "/q/openapi";
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options");
  private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");
  private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}/]+)}");
  private static final List<String> ANY_METHOD = List.of("PATCH", "PUT", "DELETE", "POST", "GET");

  /**
   * The bad tokens also sent with each routing variant: one with a valid signature and a bad claim,
   * one without a signature. Every bad token takes the same path through authentication, so all
   * twelve would add run time and no coverage.
   */
  private static final Set<String> ROUTING_TOKENS = Set.of("expired", "alg none");

  /** Placeholders by path parameter name, syntactically valid so that routing reaches security. */
  private static final Map<String, String> PLACEHOLDERS =
      Map.of(
          "uscc", "9144030071526726XG",
          "datasetId", "jwt-matrix-dataset",
          "providerId", "jwt-matrix-provider",
          "version", "1",
          "seq", "0");

  private static final List<String> LEAKS =
      List.of(
          "Exception",
          "\tat ",
          "at java.",
          "at io.",
          "java.lang",
          "dev.safehouse",
          "io.quarkus",
          "io.smallrye",
          "io.vertx",
          "org.jose4j",
          "org.jboss");

  /**
   * An operation from the document; {@code roles} empty means any authenticated caller (its
   * requirement names no scopes, as for {@code @Authenticated}).
   */
  record Operation(String method, String template, boolean secured, Set<Role> roles) {
    @Override
    public String toString() {
      return method + " " + template;
    }
  }

  /** A token that must be refused with 401; {@code value} is null for "no token". */
  record BadToken(String kind, String value) {}

  /**
   * What is wrong with a request besides its token: nothing, or something that the REST layer would
   * answer with 415, 406 or 405 for a valid token.
   */
  enum Variant {
    AS_DOCUMENTED(""),
    WRONG_CONTENT_TYPE(", Content-Type text/plain"),
    UNACCEPTABLE_ACCEPT(", Accept image/png"),
    WRONG_METHOD(", a method the path does not support");

    final String label;

    Variant(String label) {
      this.label = label;
    }
  }

  @TestFactory
  Stream<DynamicNode> everyOperation_badToken_is401_wrongRole_is403() throws Exception {
    List<Operation> operations = operations();
    List<String> unprotected =
        operations.stream()
            .filter(op -> !op.secured() && !PUBLIC.contains(op.toString()))
            .map(Operation::toString)
            .toList();
    assertThat(unprotected)
        .as("operations without a security requirement that are not on the public allow-list")
        .isEmpty();
    Set<String> documented = new TreeSet<>();
    operations.forEach(op -> documented.add(op.toString()));
    assertThat(documented)
        .as("public allow-list entries missing from the document")
        .containsAll(PUBLIC);
    assertThat(operations)
        .as("endpoint×method pairs read from %s", OPENAPI_PATH)
        .hasSizeGreaterThanOrEqualTo(MIN_OPERATIONS);
    assertThat(operations.stream().filter(op -> !op.roles().isEmpty()))
        .as("operations whose security requirement names roles")
        .isNotEmpty();

    List<BadToken> badTokens = badTokens();
    List<Operation> secured = operations.stream().filter(Operation::secured).toList();
    long roleChecks =
        secured.stream()
            .filter(op -> !op.roles().isEmpty())
            .mapToLong(op -> Role.values().length - op.roles().size())
            .sum();
    System.out.printf(
        "JWT matrix: %d operations (%d secured, %d with roles), %d bad tokens, %d wrong-role"
            + " checks%n",
        operations.size(),
        secured.size(),
        secured.stream().filter(op -> !op.roles().isEmpty()).count(),
        badTokens.size(),
        roleChecks);

    Map<String, Set<String>> methodsByPath = new HashMap<>();
    operations.forEach(
        op -> methodsByPath.computeIfAbsent(op.template(), t -> new HashSet<>()).add(op.method()));
    List<BadToken> routingTokens =
        badTokens.stream().filter(bad -> ROUTING_TOKENS.contains(bad.kind())).toList();
    assertThat(routingTokens).hasSameSizeAs(ROUTING_TOKENS);
    Operation unknown = new Operation("GET", "/v1/no-such-resource/{id}", true, Set.of());
    Stream<DynamicNode> unknownPath =
        Stream.of(
            DynamicContainer.dynamicContainer(
                unknown.toString(),
                badTokens.stream()
                    .map(
                        bad ->
                            DynamicTest.dynamicTest(
                                bad.kind(),
                                () ->
                                    assertUnauthenticated(unknown, bad, Variant.AS_DOCUMENTED)))));
    return Stream.concat(
        secured.stream()
            .map(
                op ->
                    DynamicContainer.dynamicContainer(
                        op.toString(),
                        cases(op, badTokens, routingTokens, methodsByPath.get(op.template())))),
        unknownPath);
  }

  private static Stream<DynamicNode> cases(
      Operation op, List<BadToken> badTokens, List<BadToken> routingTokens, Set<String> methods) {
    List<DynamicNode> cases = new ArrayList<>();
    for (BadToken bad : badTokens) {
      cases.add(
          DynamicTest.dynamicTest(
              bad.kind(), () -> assertUnauthenticated(op, bad, Variant.AS_DOCUMENTED)));
    }
    Operation wrongMethod =
        ANY_METHOD.stream()
            .filter(method -> !methods.contains(method))
            .findFirst()
            .map(method -> new Operation(method, op.template(), op.secured(), op.roles()))
            .orElseThrow();
    for (BadToken bad : routingTokens) {
      if (WITH_BODY.contains(op.method())) {
        cases.add(routingCase(op, bad, Variant.WRONG_CONTENT_TYPE));
      }
      cases.add(routingCase(op, bad, Variant.UNACCEPTABLE_ACCEPT));
      cases.add(routingCase(wrongMethod, bad, Variant.WRONG_METHOD));
    }
    for (Role role : Role.values()) {
      String token = wellFormed(role);
      if (op.roles().isEmpty() || op.roles().contains(role)) {
        cases.add(
            DynamicTest.dynamicTest(
                "allowed role " + role.claimName(), () -> assertAdmitted(op, token)));
      } else {
        cases.add(
            DynamicTest.dynamicTest(
                "wrong role " + role.claimName(), () -> assertForbidden(op, token)));
      }
    }
    return cases.stream();
  }

  /**
   * A valid token for {@code role} carrying what its role's endpoints look for (an {@code org} that
   * is a valid institution and provider id; a {@code uscc} for subjects), so that only the role
   * decides between 403 and admission.
   */
  private static String wellFormed(Role role) {
    return role == Role.SUBJECT
        ? TestTokens.valid(role, "eve")
        : TestTokens.withOrganisation(role, "eve", PLACEHOLDERS.get("providerId"));
  }

  private static DynamicTest routingCase(Operation op, BadToken bad, Variant variant) {
    return DynamicTest.dynamicTest(
        bad.kind() + variant.label, () -> assertUnauthenticated(op, bad, variant));
  }

  private static void assertUnauthenticated(Operation op, BadToken bad, Variant variant) {
    Response response = send(op, bad.value(), variant);
    assertProblem(op, response, ProblemType.UNAUTHENTICATED, bad.value());
    assertThat(response.header("WWW-Authenticate"))
        .as("%s: challenge", op)
        .isNotNull()
        .startsWith("Bearer");
  }

  private static void assertForbidden(Operation op, String token) {
    assertProblem(op, send(op, token, Variant.AS_DOCUMENTED), ProblemType.FORBIDDEN, token);
  }

  private static void assertAdmitted(Operation op, String token) {
    Response response = send(op, token, Variant.AS_DOCUMENTED);
    assertThat(response.statusCode()).as("%s: status for an allowed role", op).isNotEqualTo(401);
    assertThat(response.body().asString())
        .as("%s: body for an allowed role", op)
        .doesNotContain(ProblemType.FORBIDDEN.uri().toString());
  }

  private static void assertProblem(
      Operation op, Response response, ProblemType expected, String token) {
    String body = response.body().asString();
    assertThat(response.statusCode())
        .as("%s: status; body %s", op, body)
        .isEqualTo(expected.status());
    assertThat(response.contentType())
        .as("%s: content type", op)
        .startsWith("application/problem+json");
    assertThat(response.jsonPath().getString("type"))
        .as("%s: type", op)
        .isEqualTo(expected.uri().toString());
    assertThat(response.jsonPath().getInt("status"))
        .as("%s: status member", op)
        .isEqualTo(expected.status());
    assertThat(response.jsonPath().getString("title"))
        .as("%s: title", op)
        .isEqualTo(expected.title());
    assertThat(body).as("%s: body", op).doesNotContain(LEAKS);
    if (token != null) {
      assertThat(body).as("%s: body echoes the token", op).doesNotContain(token);
      for (String part : token.split("\\.")) {
        if (part.length() >= 16) {
          assertThat(body).as("%s: body echoes part of the token", op).doesNotContain(part);
        }
      }
    }
  }

  private static Response send(Operation op, String token, Variant variant) {
    RequestSpecification request = given().redirects().follow(false);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (WITH_BODY.contains(op.method())) {
      request
          .contentType(variant == Variant.WRONG_CONTENT_TYPE ? "text/plain" : "application/json")
          .body("{}");
    }
    if (variant == Variant.UNACCEPTABLE_ACCEPT) {
      request.accept("image/png");
    }
    return request.request(op.method(), concretePath(op.template()));
  }

  private static String concretePath(String template) {
    Matcher m = PATH_PARAMETER.matcher(template);
    StringBuilder path = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String value = PLACEHOLDERS.get(name);
      if (value == null) {
        value =
            name.equals("id") || name.endsWith("Id") ? UUID.randomUUID().toString() : "placeholder";
      }
      m.appendReplacement(path, Matcher.quoteReplacement(value));
    }
    m.appendTail(path);
    return path.toString();
  }

  private static List<BadToken> badTokens() throws Exception {
    Role role = Role.ADMIN;
    return List.of(
        new BadToken("no token", null),
        new BadToken("garbage", "not.a.jwt"),
        new BadToken("alg none", TestTokens.algNone(role)),
        new BadToken("HS256 with the public key (DER)", TestTokens.hs256WithPublicKey(role)),
        new BadToken(
            "HS256 with the public key (base64)",
            TestTokens.hs256WithPublicKey(role, TestTokens.PublicKeyBytes.BASE64)),
        new BadToken(
            "HS256 with the public key (PEM)",
            TestTokens.hs256WithPublicKey(role, TestTokens.PublicKeyBytes.PEM)),
        new BadToken("expired", TestTokens.expired(role)),
        new BadToken("not yet valid (nbf)", TestTokens.notYetValid(role)),
        new BadToken("wrong issuer", TestTokens.wrongIssuer(role)),
        new BadToken("wrong audience", TestTokens.wrongAudience(role)),
        new BadToken("tampered payload", TestTokens.tampered(Role.AUDITOR)),
        new BadToken("unknown signing key", TestTokens.foreignKey(role)));
  }

  /** Reads every operation from the OpenAPI document the running service serves. */
  private static List<Operation> operations() throws Exception {
    String json =
        given()
            .queryParam("format", "json")
            .get(OPENAPI_PATH)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    JsonNode paths = new ObjectMapper().readTree(json).path("paths");
    List<Operation> operations = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        if (!METHODS.contains(op.getKey())) {
          continue;
        }
        JsonNode security = op.getValue().path("security");
        boolean secured = security.isArray() && !security.isEmpty();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (JsonNode requirement : security) {
          requirement.forEach(
              scopes ->
                  scopes.forEach(
                      scope -> roles.add(role(op.getKey() + " " + path.getKey(), scope.asText()))));
        }
        operations.add(
            new Operation(
                op.getKey().toUpperCase(Locale.ROOT), path.getKey(), secured, Set.copyOf(roles)));
      }
    }
    return operations;
  }

  private static Role role(String operation, String name) {
    Optional<Role> role = Role.fromClaimName(name);
    assertThat(role)
        .as("%s: unknown role %s in its security requirement", operation, name)
        .isPresent();
    return role.orElseThrow();
  }
}
