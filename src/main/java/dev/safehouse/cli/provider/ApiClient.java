package dev.safehouse.cli.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * A small client for the Safehouse API as the provider CLI uses it: bearer token, JSON or octet
 * bodies, and problem+json errors turned into {@link ApiException}s that carry the server's safe
 * {@code detail}.
 */
public final class ApiClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final URI server;
  private final String token;

  /**
   * Creates a client.
   *
   * @param server the service's base URL, e.g. {@code http://127.0.0.1:8080}
   * @param token a bearer token; never printed
   */
  public ApiClient(URI server, String token) {
    this.server = Objects.requireNonNull(server, "server");
    this.token = Objects.requireNonNull(token, "token");
  }

  /** Raised for any non-2xx answer; the message is the server's problem detail. */
  public static final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    ApiException(int status, String message) {
      super(message);
      this.status = status;
    }

    /** Returns the HTTP status. */
    public int status() {
      return status;
    }
  }

  /**
   * Sends a request and returns the body of a 2xx answer. {@code headers} are name, value pairs;
   * each replaces a default header of the same name (e.g. {@code Accept}).
   */
  public String send(
      String method,
      String path,
      HttpRequest.BodyPublisher body,
      String contentType,
      String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.resolve(path))
            .timeout(Duration.ofMinutes(2))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json")
            .method(method, body);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.setHeader(headers[i], headers[i + 1]);
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new ApiException(response.statusCode(), problemDetail(response));
    }
    return response.body();
  }

  /** Parses a JSON answer. */
  public static JsonNode json(String body) throws IOException {
    return JSON.readTree(body);
  }

  private static String problemDetail(HttpResponse<String> response) {
    String text;
    try {
      text = JSON.readTree(response.body()).path("detail").asText("no detail");
    } catch (IOException e) {
      text = "no problem details";
    }
    return "server answered " + response.statusCode() + ": " + text;
  }
}
