package dev.safehouse.fuzz;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.safehouse.common.Role;
import dev.safehouse.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Hostile-input fuzzing of the HTTP API with valid tokens of the right role.
 *
 * <p>A fixed corpus of hostile JSON values (huge strings, NUL and control characters, lone
 * surrogates, invalid UTF-8, overlong and non-finite numbers, wrong types, 5 000-deep nesting) plus
 * seeded random variants is placed into every field of the main POST bodies; whole hostile bodies
 * (10 000-deep nesting, duplicate keys, truncated JSON, invalid UTF-8) go to every POST endpoint;
 * hostile query parameters and path segments go to the GET endpoints. For every request the test
 * guarantees: the status is below 500; a 4xx is {@code application/problem+json}; a refusal never
 * echoes a hostile value (each carries a unique marker) and no response carries a stack trace or
 * class name; each request is answered within {@link #BOUND}; and the service's log ({@code
 * target/quarkus-test.log}) never contains a marker. Bodies over the test profile's 64 KiB limit
 * get 413 problem+json on every POST and PUT endpoint, with a declared Content-Length and chunked.
 *
 * <p>Every failure is collected, so one run lists all of them.
 */
@QuarkusTest
class HttpFuzzTest {
  private static final Duration BOUND = Duration.ofSeconds(10);
  private static final String RUN =
      "FZ" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6)).toUpperCase();
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final Pattern INTERNALS =
      Pattern.compile(
          "Exception|\\tat |\\b(java|javax|jakarta|io\\.quarkus|io\\.vertx|io\\.netty|com\\.fasterxml"
              + "|org\\.jboss|dev\\.safehouse)\\.[a-z]");
  private static final Path SERVICE_LOG = Path.of("target/quarkus-test.log");
  private static final String ZERO_UUID = "00000000-0000-0000-0000-000000000000";
  private static final String CODE = "91350100M000100Y43";

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<String> failures = new ArrayList<>();

  @TestHTTPResource("/")
  URI base;

  /** A fresh marker, unique to this run and this use. */
  private static String marker() {
    return RUN + "X" + SEQUENCE.incrementAndGet() + "Q";
  }

  /** A hostile value as JSON text, with the strings the service must never echo. */
  record Hostile(String description, byte[] json, List<String> secrets) {
    static Hostile of(String description, String json, String... secrets) {
      return new Hostile(description, json.getBytes(StandardCharsets.UTF_8), List.of(secrets));
    }
  }

  /**
   * One POST endpoint: a role, a path and body templates with one {@code @@} slot each. A query
   * submission's refusal may name the identifiers of the caller's own SQL, so for it only the
   * literals of {@link #hostileSql()} are checked for echoes.
   */
  record Target(String path, String token, List<String> templates, boolean namesIdentifiers) {
    Target(String path, String token, List<String> templates) {
      this(path, token, templates, false);
    }
  }

  private static String quoted(String text) {
    return "\"" + text + "\"";
  }

  /** The fixed corpus of hostile JSON values. */
  private static List<Hostile> corpus() {
    List<Hostile> values = new ArrayList<>();
    String m = marker();
    values.add(Hostile.of("plain marker", quoted(m), m));
    m = marker();
    values.add(Hostile.of("huge string", quoted(m + "x".repeat(40_000)), m));
    m = marker();
    values.add(
        Hostile.of("escaped NUL and controls", quoted(m + "\\u0000\\u0001\\u001f\\u007f"), m));
    m = marker();
    values.add(Hostile.of("raw control characters", quoted(m + "\u0001\u0000\t\n"), m));
    m = marker();
    values.add(Hostile.of("lone surrogates", quoted("\\ud800" + m + "\\udfff\\udc00\\ud83d"), m));
    m = marker();
    values.add(Hostile.of("unicode", quoted(m + "\uD83D\uDE00\u202E中文\uFEFF\uFFFF\u0301"), m));
    m = marker();
    values.add(Hostile.of("sql", quoted(m + "' OR 1=1; DROP TABLE consent; --"), m));
    m = marker();
    values.add(Hostile.of("uscc-shaped", quoted(CODE + m), m));
    m = marker();
    values.add(Hostile.of("fullwidth", quoted("９１３５０１００" + m), m));
    String digits = "9".repeat(400);
    values.add(Hostile.of("400-digit integer", digits, digits));
    values.add(Hostile.of("negative 400-digit integer", "-" + digits, digits));
    values.add(Hostile.of("400-digit string", quoted(digits), digits));
    values.add(Hostile.of("huge exponent", "1e999999", "1e999999"));
    values.add(Hostile.of("negative huge exponent", "-1E+999999"));
    values.add(Hostile.of("tiny exponent", "1e-999999"));
    values.add(Hostile.of("long fraction", "0." + "0".repeat(399) + "1"));
    values.add(Hostile.of("negative zero", "-0"));
    values.add(Hostile.of("long max", "9223372036854775808", "9223372036854775808"));
    for (String nan : new String[] {"NaN", "-NaN", "Infinity", "-Infinity", "nan", "0x10", "01"}) {
      values.add(Hostile.of("number spelling " + nan, nan));
    }
    values.add(Hostile.of("NaN string", quoted("NaN")));
    values.add(Hostile.of("true", "true"));
    values.add(Hostile.of("null", "null"));
    values.add(Hostile.of("empty array", "[]"));
    values.add(Hostile.of("empty object", "{}"));
    m = marker();
    values.add(Hostile.of("array of marker", "[" + quoted(m) + "]", m));
    m = marker();
    values.add(Hostile.of("object keyed by marker", "{" + quoted(m) + ":1}", m));
    values.add(Hostile.of("deep arrays", "[".repeat(5_000) + "]".repeat(5_000)));
    values.add(Hostile.of("deep objects", "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)));
    m = marker();
    byte[] prefix = ("\"" + m).getBytes(StandardCharsets.UTF_8);
    byte[] invalid = {(byte) 0xC0, (byte) 0x80, (byte) 0xED, (byte) 0xA0, (byte) 0x80, (byte) 0xFF};
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(prefix);
    bytes.writeBytes(invalid);
    bytes.write('"');
    values.add(new Hostile("invalid UTF-8", bytes.toByteArray(), List.of(m)));
    return values;
  }

  /** Seeded random variants: strings from a hostile alphabet and numbers of random length. */
  private static List<Hostile> variants(int count) {
    SplittableRandom random = new SplittableRandom(0x5AFE_F022L);
    String alphabet =
        "aZ09 ,;'\"\\/<>{}[]%&$#`~\u0000\u0007\u001b\u007f\u00A0\u2028\u202E\u3000\uFEFF\uFFFD中"
            + "\uD83D\uDE00\uFF10";
    List<Hostile> values = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String m = marker();
      switch (random.nextInt(3)) {
        case 0 -> {
          StringBuilder text = new StringBuilder(m);
          int length = random.nextInt(2_000);
          for (int c = 0; c < length; c++) {
            char ch = alphabet.charAt(random.nextInt(alphabet.length()));
            text.append(
                switch (ch) {
                  case '"' -> "\\\"";
                  case '\\' -> "\\\\";
                  default -> ch < 0x20 ? String.format("\\u%04x", (int) ch) : String.valueOf(ch);
                });
          }
          values.add(Hostile.of("random string " + i, quoted(text.toString()), m));
        }
        case 1 -> {
          StringBuilder number = new StringBuilder(random.nextBoolean() ? "-" : "");
          number.append(1 + random.nextInt(9));
          int length = random.nextInt(1_000);
          for (int d = 0; d < length; d++) {
            number.append(random.nextInt(10));
          }
          if (random.nextBoolean()) {
            number.append('e').append(random.nextBoolean() ? "-" : "").append(random.nextInt());
          }
          String text = number.toString();
          values.add(Hostile.of("random number " + i, text, text.length() >= 12 ? text : m));
        }
        default -> {
          int depth = 1 + random.nextInt(3_000);
          values.add(
              Hostile.of(
                  "random nesting " + i, "[".repeat(depth) + quoted(m) + "]".repeat(depth), m));
        }
      }
    }
    return values;
  }

  private List<Target> targets(String projectId) {
    String institution = TestTokens.withOrganisation(Role.INSTITUTION, "fuzz-officer", "fuzz-bank");
    String subject = TestTokens.valid(Role.SUBJECT, "fuzz-owner");
    String researcher = TestTokens.valid(Role.RESEARCHER, "fuzz-researcher");
    String steward = TestTokens.valid(Role.STEWARD, "fuzz-steward");
    String score = "{\"uscc\":%s,\"purpose\":%s,\"consentId\":%s}";
    String project =
        "{\"title\":%s,\"purpose\":%s,\"template\":%s,\"datasets\":%s,\"requestedBudget\":%s}";
    return List.of(
        new Target(
            "/v1/scores",
            institution,
            slots(score, quoted(CODE), quoted("pre-loan"), quoted(ZERO_UUID))),
        new Target(
            "/v1/scores/batch",
            institution,
            slots(
                "{\"items\":[" + score + "]}",
                quoted(CODE),
                quoted("pre-loan"),
                quoted(ZERO_UUID))),
        new Target("/v1/scores/batch", institution, List.of("{\"items\":@@}")),
        new Target(
            "/v1/consents",
            subject,
            slots(
                "{\"institution\":%s,\"purposes\":%s,\"validUntil\":%s}",
                quoted("fuzz-bank"), "[\"pre-loan\"]", quoted("2030-01-01T00:00:00Z"))),
        new Target("/v1/consents", subject, List.of("{\"institution\":\"b\",\"purposes\":[@@]}")),
        new Target(
            "/v1/projects",
            researcher,
            slots(
                project,
                quoted("fuzz project"),
                quoted("fuzzing"),
                quoted("exploratory"),
                "[\"public-credit\"]",
                "0")),
        new Target(
            "/v1/projects",
            researcher,
            List.of(project.formatted("\"t\"", "\"p\"", "\"exploratory\"", "[@@]", "0"))),
        new Target(
            "/v1/projects/" + projectId + "/queries", researcher, List.of("{\"sql\":@@}"), true),
        new Target(
            "/v1/projects/" + projectId + "/decision",
            steward,
            List.of("{\"outcome\":@@,\"reason\":\"r\"}")),
        new Target(
            "/v1/queries/" + ZERO_UUID + "/runs",
            researcher,
            List.of("{\"parameters\":{\"p\":@@}}")),
        new Target("/v1/identifiers/uscc", researcher, List.of("{\"uscc\":@@}")),
        new Target("/v1/providers/fuzz-provider/keys", steward, List.of("{\"publicKey\":@@}")));
  }

  /** One template per field of {@code format}: that field is the slot, the others are valid. */
  private static List<String> slots(String format, String... valid) {
    List<String> templates = new ArrayList<>();
    for (int slot = 0; slot < valid.length; slot++) {
      Object[] args = valid.clone();
      args[slot] = "@@";
      templates.add(format.formatted(args));
    }
    return templates;
  }

  private static byte[] fill(String template, byte[] value) {
    int at = template.indexOf("@@");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(template.substring(0, at).getBytes(StandardCharsets.UTF_8));
    out.writeBytes(value);
    out.writeBytes(template.substring(at + 2).getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** Hostile SQL whose literals (string, number) carry values that a refusal must not repeat. */
  private static List<Hostile> hostileSql() {
    List<Hostile> values = new ArrayList<>();
    String select = "SELECT region, count(*) FROM fused WHERE ";
    String[] shapes = {
      select + "uscc = '@'",
      select + "region = '@' GROUP BY region",
      select + "region = '@",
      select + "region IN ('a', '@' GROUP BY",
      "SELECT '@' FROM fused",
      "SELECT count(*) FROM fused WHERE region = E'@' ORDER BY",
      "SELECT count(*) FROM fused WHERE region = $$@$$ ;; DROP TABLE x",
      "SELECT count(*) FROM fused WHERE registered_capital > # AND",
      "SELECT count(*) FROM fused WHERE registered_capital = # # #",
      "SELECT # FROM fused",
      "SELECT count(*) FROM fused LIMIT #",
      "SELECT count(*) FROM fused WHERE region = '@' UNION SELECT '@'",
      "SELECT count(*) FROM fused WHERE region = '@\u0000'",
      "SELECT count(*) FROM fused WHERE region = '@' -- '@'",
    };
    for (String shape : shapes) {
      String m = marker();
      String digits = "9135010" + (1_000_000_000L + SEQUENCE.incrementAndGet());
      String sql = shape.replace("@", m).replace("#", digits);
      values.add(Hostile.of("sql " + shape, quoted(sql), m, digits));
    }
    return values;
  }

  /** Whole hostile bodies, independent of the endpoint. */
  private static List<Hostile> wholeBodies() {
    List<Hostile> bodies = new ArrayList<>();
    bodies.add(Hostile.of("10 000-deep arrays", "[".repeat(10_000) + "]".repeat(10_000)));
    bodies.add(
        Hostile.of("10 000-deep objects", "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)));
    bodies.add(Hostile.of("unclosed deep arrays", "[".repeat(10_000)));
    String m = marker();
    bodies.add(
        Hostile.of(
            "duplicate keys",
            "{\"uscc\":\"a\",\"uscc\":" + quoted(m) + ",\"sql\":1,\"sql\":" + quoted(m) + "}",
            m));
    m = marker();
    bodies.add(Hostile.of("truncated", "{\"uscc\":\"" + m, m));
    m = marker();
    bodies.add(Hostile.of("truncated after key", "{\"" + m + "\":", m));
    bodies.add(Hostile.of("empty", ""));
    bodies.add(Hostile.of("whitespace", " \r\n\t "));
    bodies.add(Hostile.of("null", "null"));
    bodies.add(Hostile.of("array", "[]"));
    bodies.add(Hostile.of("number", "1e999999"));
    bodies.add(Hostile.of("BOM", "\uFEFF{}"));
    m = marker();
    bodies.add(Hostile.of("trailing garbage", "{}" + m, m));
    m = marker();
    bodies.add(Hostile.of("single quotes", "{'uscc':'" + m + "'}", m));
    m = marker();
    bodies.add(Hostile.of("comments", "/* " + m + " */ {}", m));
    m = marker();
    byte[] invalid = ("{\"uscc\":\"" + m).getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(invalid);
    out.writeBytes(new byte[] {(byte) 0xFE, (byte) 0xC3, 0x28, (byte) 0xF0, (byte) 0x28});
    out.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
    bodies.add(new Hostile("invalid UTF-8 body", out.toByteArray(), List.of(m)));
    return bodies;
  }

  private String createApprovedProject() {
    String id =
        given()
            .auth()
            .oauth2(TestTokens.valid(Role.RESEARCHER, "fuzz-researcher"))
            .contentType("application/json")
            .body(
                "{\"title\":\"fuzz\",\"purpose\":\"fuzzing\",\"template\":\"exploratory\","
                    + "\"datasets\":[\"public-credit\"],\"requestedBudget\":0}")
            .post("/v1/projects")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    given()
        .auth()
        .oauth2(TestTokens.valid(Role.STEWARD, "fuzz-steward"))
        .contentType("application/json")
        .body("{\"outcome\":\"approve\",\"reason\":\"fuzzing\"}")
        .post("/v1/projects/" + id + "/decision")
        .then()
        .statusCode(200);
    return id;
  }

  private HttpResponse<String> send(HttpRequest request, String what) {
    long start = System.nanoTime();
    try {
      HttpResponse<String> response =
          client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      if (took.compareTo(BOUND) > 0) {
        failures.add(what + ": took " + took);
      }
      return response;
    } catch (IOException e) {
      failures.add(what + ": " + e);
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpRequest.Builder request(String pathAndQuery, String token) {
    return HttpRequest.newBuilder(base.resolve(pathAndQuery))
        .timeout(BOUND)
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json, application/problem+json");
  }

  /** Records every way {@code response} breaks the guarantees. */
  private void check(HttpResponse<String> response, String what, List<String> secrets) {
    if (response == null) {
      return;
    }
    int status = response.statusCode();
    String body = response.body();
    if (status >= 500) {
      failures.add(what + ": status " + status + " " + abbreviate(body));
    }
    if (status >= 400) {
      String type = response.headers().firstValue("Content-Type").orElse("");
      if (!type.startsWith("application/problem+json")) {
        failures.add(
            what + ": status " + status + " with Content-Type " + type + " " + abbreviate(body));
      }
      String withoutInstance = withoutInstance(body);
      for (String secret : secrets) {
        if (withoutInstance.contains(secret)) {
          failures.add(what + ": the " + status + " response echoes the value " + abbreviate(body));
        }
      }
    }
    if (INTERNALS.matcher(body).find()) {
      failures.add(what + ": internals in the response " + abbreviate(body));
    }
  }

  /**
   * The body without its {@code instance} member: that is the request's own path (RFC 9457), which
   * holds a hostile path segment by construction.
   */
  private static String withoutInstance(String body) {
    try {
      JsonNode tree = JSON.readTree(body);
      if (tree instanceof ObjectNode object) {
        object.remove("instance");
      }
      return tree == null ? body : tree.toString();
    } catch (IOException e) {
      return body;
    }
  }

  private static String abbreviate(String body) {
    return body.length() > 300 ? body.substring(0, 300) + "..." : body;
  }

  private void assertNoFailuresAndCleanLog() throws IOException {
    assertThat(failures).isEmpty();
    String log = Files.readString(SERVICE_LOG, StandardCharsets.UTF_8);
    assertThat(log).as("the scanned log is the live one").contains("initialised");
    assertThat(log).as("hostile markers in the service log").doesNotContain(RUN);
  }

  @Test
  void postBodies_hostileFieldValues_areRefusedCleanly() throws IOException {
    List<Hostile> values = new ArrayList<>(corpus());
    values.addAll(variants(30));
    int sent = 0;
    for (Target target : targets(createApprovedProject())) {
      for (String template : target.templates()) {
        for (Hostile value : values) {
          String what = "POST " + target.path() + " " + template + " <- " + value.description();
          HttpRequest request =
              request(target.path(), target.token())
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(fill(template, value.json())))
                  .build();
          check(send(request, what), what, target.namesIdentifiers() ? List.of() : value.secrets());
          sent++;
        }
        if (target.namesIdentifiers()) {
          for (Hostile sql : hostileSql()) {
            String what = "POST " + target.path() + " <- " + sql.description();
            HttpRequest request =
                request(target.path(), target.token())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(fill(template, sql.json())))
                    .build();
            check(send(request, what), what, sql.secrets());
            sent++;
          }
        }
      }
    }
    assertThat(sent).isGreaterThan(500);
    assertNoFailuresAndCleanLog();
  }

  @Test
  void postBodies_wholeHostileBodies_areRefusedCleanly() throws IOException {
    int sent = 0;
    for (Target target : targets(createApprovedProject())) {
      for (Hostile body : wholeBodies()) {
        String what = "POST " + target.path() + " <- " + body.description();
        HttpRequest request =
            request(target.path(), target.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.json()))
                .build();
        check(send(request, what), what, body.secrets());
        sent++;
      }
    }
    assertThat(sent).isGreaterThan(100);
    assertNoFailuresAndCleanLog();
  }

  /** Hostile query-parameter and path-segment values, percent-encoded as sent. */
  private static List<Hostile> parameterValues() {
    List<Hostile> values = new ArrayList<>();
    String digits = "9".repeat(400);
    for (String raw :
        new String[] {
          "1e999999",
          digits,
          "-" + digits,
          "-0",
          "NaN",
          "-1",
          "9223372036854775808",
          "0x10",
          "",
          " 1",
          "1.5",
          "１２",
          "\u0000",
          "+1",
          "2147483648"
        }) {
      values.add(
          new Hostile(
              "value " + abbreviate(raw),
              URLEncoder.encode(raw, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8),
              raw.length() >= 12 ? List.of(raw) : List.of()));
    }
    for (String encoded : new String[] {"%00", "%C0%80", "%ED%A0%80", "%FF", "%F4%90%80%80"}) {
      values.add(
          new Hostile(
              "encoded " + encoded, encoded.getBytes(StandardCharsets.US_ASCII), List.of()));
    }
    String m = marker();
    values.add(
        new Hostile(
            "marker with invalid UTF-8",
            (m + "%FF%00%ED%A0%80").getBytes(StandardCharsets.US_ASCII),
            List.of(m)));
    m = marker();
    values.add(
        new Hostile(
            "unicode marker",
            URLEncoder.encode(m + "中\u202E\uD83D\uDE00", StandardCharsets.UTF_8)
                .getBytes(StandardCharsets.UTF_8),
            List.of(m)));
    m = marker();
    values.add(
        new Hostile(
            "long marker",
            (m + "x".repeat(2_500)).getBytes(StandardCharsets.US_ASCII),
            List.of(m)));
    return values;
  }

  @Test
  void getEndpoints_hostileParametersAndPathSegments_areRefusedCleanly() throws IOException {
    String auditor = TestTokens.valid(Role.AUDITOR, "fuzz-auditor");
    String subject = TestTokens.valid(Role.SUBJECT, "fuzz-owner");
    String researcher = TestTokens.valid(Role.RESEARCHER, "fuzz-researcher");
    String steward = TestTokens.valid(Role.STEWARD, "fuzz-steward");
    String institution = TestTokens.withOrganisation(Role.INSTITUTION, "fuzz-officer", "fuzz-bank");
    String provider = TestTokens.valid(Role.PROVIDER, "fuzz-provider");
    String admin = TestTokens.valid(Role.ADMIN, "fuzz-admin");
    record Get(String pattern, String token) {}
    List<Get> gets =
        List.of(
            new Get("/v1/audit/proofs/inclusion?index=@@&treeSize=1", auditor),
            new Get("/v1/audit/proofs/inclusion?index=0&treeSize=@@", auditor),
            new Get("/v1/audit/proofs/consistency?first=@@&second=@@", auditor),
            new Get("/v1/audit/entries?start=@@&end=10", auditor),
            new Get("/v1/audit/entries?start=0&end=@@", auditor),
            new Get("/v1/consents?limit=@@", subject),
            new Get("/v1/consents/@@", subject),
            new Get("/v1/projects?status=@@&limit=@@", researcher),
            new Get("/v1/projects/@@", researcher),
            new Get("/v1/projects/@@/queries?limit=@@", researcher),
            new Get("/v1/queries?status=@@&limit=@@", steward),
            new Get("/v1/queries/@@", researcher),
            new Get("/v1/scores/@@", institution),
            new Get("/v1/scores/batches/@@", institution),
            new Get("/v1/subjects/me/accesses?before=@@&limit=@@", subject),
            new Get("/v1/enclave/attestation?nonce=@@", researcher),
            new Get("/v1/enclave/events?limit=@@", admin),
            new Get("/v1/providers/@@/keys", steward),
            new Get("/v1/datasets/@@/versions/@@", provider));
    int sent = 0;
    for (Get get : gets) {
      for (Hostile value : parameterValues()) {
        String encoded = new String(value.json(), StandardCharsets.US_ASCII);
        String path = get.pattern().replace("@@", encoded);
        String what = "GET " + get.pattern() + " <- " + value.description();
        HttpRequest request;
        try {
          request = request(path, get.token()).GET().build();
        } catch (IllegalArgumentException e) {
          failures.add(what + ": the test built an invalid URI");
          continue;
        }
        check(send(request, what), what, value.secrets());
        sent++;
      }
    }
    assertThat(sent).isGreaterThan(300);
    assertNoFailuresAndCleanLog();
  }

  /** Every endpoint that takes a body, with a token of its role and a content type it accepts. */
  private List<String[]> bodyEndpoints(String projectId) {
    String institution = TestTokens.withOrganisation(Role.INSTITUTION, "fuzz-officer", "fuzz-bank");
    String subject = TestTokens.valid(Role.SUBJECT, "fuzz-owner");
    String researcher = TestTokens.valid(Role.RESEARCHER, "fuzz-researcher");
    String steward = TestTokens.valid(Role.STEWARD, "fuzz-steward");
    String provider = TestTokens.valid(Role.PROVIDER, "fuzz-provider");
    String json = "application/json";
    String octets = "application/octet-stream";
    return List.of(
        new String[] {"POST", "/v1/scores", institution, json},
        new String[] {"POST", "/v1/scores/batch", institution, json},
        new String[] {"POST", "/v1/consents", subject, json},
        new String[] {"POST", "/v1/projects", researcher, json},
        new String[] {"POST", "/v1/projects/" + projectId + "/queries", researcher, json},
        new String[] {"POST", "/v1/projects/" + projectId + "/decision", steward, json},
        new String[] {"POST", "/v1/queries/" + ZERO_UUID + "/decision", steward, json},
        new String[] {"POST", "/v1/queries/" + ZERO_UUID + "/runs", researcher, json},
        new String[] {"POST", "/v1/identifiers/uscc", researcher, json},
        new String[] {"POST", "/v1/providers/fuzz-provider/keys", steward, json},
        new String[] {"POST", "/v1/datasets/public-credit/versions", provider, json},
        new String[] {"POST", "/v1/datasets/public-credit/versions/1/commit", provider, json},
        new String[] {"PUT", "/v1/datasets/public-credit/versions/1/chunks/0", provider, octets});
  }

  @Test
  void oversizeBodies_areRefusedWith413_declaredAndChunked() throws IOException {
    int sent = 0;
    for (String[] endpoint : bodyEndpoints(createApprovedProject())) {
      for (boolean chunked : new boolean[] {false, true}) {
        String m = marker();
        byte[] body =
            ("{\"sql\":\"" + m + "a".repeat(chunked ? 200 * 1024 : 70 * 1024) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher publisher =
            chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        String what =
            endpoint[0] + " " + endpoint[1] + (chunked ? " chunked" : " with Content-Length");
        HttpRequest request =
            request(endpoint[1], endpoint[2])
                .header("Content-Type", endpoint[3])
                .header("X-Chunk-SHA256", "0".repeat(64))
                .method(endpoint[0], publisher)
                .build();
        HttpResponse<String> response = send(request, what);
        check(response, what, List.of(m));
        if (response != null && response.statusCode() != 413) {
          failures.add(what + ": status " + response.statusCode() + " instead of 413");
        }
        sent++;
      }
    }
    assertThat(sent).isEqualTo(26);
    assertNoFailuresAndCleanLog();
  }

  @Test
  void chunkedBodyUnderTheLimit_isStillRead() {
    byte[] body = ("{\"uscc\":\"" + CODE + "\"}").getBytes(StandardCharsets.UTF_8);
    HttpRequest request =
        request("/v1/identifiers/uscc", TestTokens.valid(Role.RESEARCHER, "fuzz-researcher"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
            .build();
    HttpResponse<String> response = send(request, "chunked control");
    assertThat(failures).isEmpty();
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).contains("\"uscc\":\"" + CODE + "\"");
  }
}
