package dev.safehouse.cli.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.safehouse.audit.ConsistencyProof;
import dev.safehouse.audit.ProofException;
import dev.safehouse.cli.provider.ApiClient;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The audit endpoints of the Safehouse API: {@code GET /v1/audit/checkpoint}, {@code
 * /v1/audit/entries} and {@code /v1/audit/proofs/consistency}. Only fetches and parses; every
 * answer is verified by the caller.
 *
 * <p>Errors: a non-2xx answer raises {@link ApiClient.ApiException} with the server's problem
 * detail; an answer that is not the documented JSON raises {@link IOException}; a proof for other
 * sizes or of the wrong shape raises {@link ProofException}.
 */
public final class AuditApi implements AuditLogSource {
  private final ApiClient api;

  /** Creates the endpoints over an authenticated client. */
  public AuditApi(ApiClient api) {
    this.api = Objects.requireNonNull(api, "api");
  }

  /** Fetches the latest checkpoint note, unverified. */
  public String checkpoint() throws IOException, InterruptedException {
    return api.send(
        "GET",
        "/v1/audit/checkpoint",
        HttpRequest.BodyPublishers.noBody(),
        null,
        "Accept",
        "text/plain");
  }

  @Override
  public EntryPage entries(long start, long end) throws IOException, InterruptedException {
    String body =
        api.send(
            "GET",
            "/v1/audit/entries?start=" + start + "&end=" + end,
            HttpRequest.BodyPublishers.noBody(),
            null);
    return parseEntries(ApiClient.json(body));
  }

  @Override
  public ConsistencyProof consistency(long firstSize, long secondSize)
      throws IOException, InterruptedException {
    String body =
        api.send(
            "GET",
            "/v1/audit/proofs/consistency?first=" + firstSize + "&second=" + secondSize,
            HttpRequest.BodyPublishers.noBody(),
            null);
    return parseConsistency(ApiClient.json(body), firstSize, secondSize);
  }

  /**
   * Reads {@code {"treeSize":N,"entries":[{"index":i,"entry":"b64"}…],"next":n|null}}.
   *
   * @throws IOException if the answer is not of that form
   */
  static EntryPage parseEntries(JsonNode page) throws IOException {
    JsonNode entries = page.path("entries");
    JsonNode next = page.path("next");
    if (!page.path("treeSize").canConvertToExactIntegral()
        || !entries.isArray()
        || !(next.isNull() || next.isMissingNode() || next.canConvertToExactIntegral())) {
      throw new IOException("the server's entries answer is malformed");
    }
    List<LogEntry> parsed = new ArrayList<>(entries.size());
    for (JsonNode entry : entries) {
      JsonNode index = entry.path("index");
      if (!index.canConvertToExactIntegral()
          || index.asLong() < 0
          || !entry.path("entry").isTextual()) {
        throw new IOException("the server's entries answer is malformed");
      }
      try {
        parsed.add(
            new LogEntry(index.asLong(), Base64.getDecoder().decode(entry.get("entry").asText())));
      } catch (IllegalArgumentException e) {
        throw new IOException("the server sent an entry that is not base64");
      }
    }
    OptionalLong nextStart =
        next.canConvertToExactIntegral() ? OptionalLong.of(next.asLong()) : OptionalLong.empty();
    return new EntryPage(page.get("treeSize").asLong(), parsed, nextStart);
  }

  /**
   * Reads {@code {"first":M,"second":N,"proof":["b64",…]}} for the requested sizes.
   *
   * @throws IOException if the answer is not of that form
   * @throws ProofException if it is a proof for other sizes, a hash is not base64 of 32 bytes, or
   *     the proof has the wrong length
   */
  static ConsistencyProof parseConsistency(JsonNode answer, long firstSize, long secondSize)
      throws IOException {
    JsonNode proof = answer.path("proof");
    if (!proof.isArray()) {
      throw new IOException("the server's consistency proof answer is malformed");
    }
    if (answer.path("first").asLong(-1) != firstSize
        || answer.path("second").asLong(-1) != secondSize) {
      throw new ProofException(
          "the server answered a proof for other sizes than " + firstSize + " to " + secondSize);
    }
    List<byte[]> hashes = new ArrayList<>(proof.size());
    for (JsonNode hash : proof) {
      try {
        hashes.add(Base64.getDecoder().decode(hash.asText("")));
      } catch (IllegalArgumentException e) {
        throw new ProofException("a proof hash is not base64");
      }
    }
    return ConsistencyProof.of(firstSize, secondSize, hashes);
  }
}
