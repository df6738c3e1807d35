package dev.safehouse.cli.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.safehouse.common.DatasetId;
import dev.safehouse.common.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code safehouse provider upload}: sends an encrypted envelope to the service in chunks and
 * commits it. Interrupted uploads resume: the version being uploaded is remembered in {@code
 * <file>.upload} beside the envelope, and chunks the server already holds are skipped.
 */
@Command(
    name = "upload",
    description = "Upload an encrypted envelope in chunks (resumable) and commit it.",
    mixinStandardHelpOptions = true)
public final class UploadCommand implements Callable<Integer> {
  /** Default chunk size: 4 MiB. */
  static final int DEFAULT_CHUNK_BYTES = 4 * 1024 * 1024;

  @Spec CommandSpec spec;

  @Option(names = "--dataset", required = true, description = "dataset id, e.g. public-credit")
  String dataset;

  @Option(names = "--file", required = true, description = "the envelope written by 'encrypt'")
  Path file;

  @Option(names = "--server", defaultValue = "http://127.0.0.1:8080", description = "service URL")
  URI server;

  @Option(
      names = "--token-file",
      description = "file holding the provider's bearer token (default: $SAFEHOUSE_TOKEN)")
  Path tokenFile;

  @Option(names = "--chunk-mib", defaultValue = "4", description = "chunk size in MiB, 1 to 8")
  int chunkMib;

  @Override
  public Integer call() throws Exception {
    if (chunkMib < 1 || chunkMib > 8) {
      throw new IllegalArgumentException("--chunk-mib must be between 1 and 8");
    }
    DatasetId id = DatasetId.parse(dataset);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no envelope file at " + file);
    }
    ApiClient api = new ApiClient(server, ProviderToken.read(tokenFile));
    UploadResult result =
        upload(api, id, file, chunkMib * 1024 * 1024, spec.commandLine().getErr());
    spec.commandLine()
        .getOut()
        .printf("committed %s version %d (%s)%n", id, result.version(), result.status());
    return 0;
  }

  /**
   * What an upload ended with.
   *
   * @param version the version number
   * @param status the version's status after commit
   * @param chunksSent chunks sent in this run (fewer than the total when resumed)
   */
  public record UploadResult(int version, String status, int chunksSent) {}

  /** Uploads {@code envelope} as a version of {@code dataset}, resuming a previous attempt. */
  static UploadResult upload(
      ApiClient api, DatasetId dataset, Path envelope, int chunkBytes, PrintWriter err)
      throws IOException, InterruptedException {
    Path stateFile = envelope.resolveSibling(envelope.getFileName() + ".upload");
    String base = "/v1/datasets/" + dataset.value() + "/versions";
    int version;
    Set<Integer> received = new HashSet<>();
    if (Files.exists(stateFile)) {
      version = Integer.parseInt(Files.readString(stateFile, StandardCharsets.US_ASCII).strip());
      JsonNode state =
          ApiClient.json(
              api.send("GET", base + "/" + version, HttpRequest.BodyPublishers.noBody(), null));
      state.path("receivedChunks").forEach(n -> received.add(n.asInt()));
      err.printf(
          "resuming %s version %d: %d chunk(s) already on the server%n",
          dataset, version, received.size());
    } else {
      JsonNode created =
          ApiClient.json(api.send("POST", base, HttpRequest.BodyPublishers.noBody(), null));
      version = created.path("version").asInt();
      Files.writeString(stateFile, Integer.toString(version), StandardCharsets.US_ASCII);
    }

    long size = Files.size(envelope);
    MessageDigest whole = Sha256.newDigest();
    ProgressBar progress = new ProgressBar(err, "upload", size);
    int seq = 0;
    int sent = 0;
    long done = 0;
    try (InputStream in = Files.newInputStream(envelope)) {
      byte[] chunk;
      while ((chunk = in.readNBytes(chunkBytes)).length > 0) {
        whole.update(chunk);
        if (!received.contains(seq)) {
          String digest = Sha256.hex(chunk);
          api.send(
              "PUT",
              base + "/" + version + "/chunks/" + seq,
              HttpRequest.BodyPublishers.ofByteArray(chunk),
              "application/octet-stream",
              "X-Chunk-SHA256",
              digest);
          sent++;
        }
        done += chunk.length;
        progress.update(done);
        seq++;
      }
    }
    progress.finish();
    String commit =
        "{\"chunkCount\":"
            + seq
            + ",\"envelopeSha256\":\""
            + HexFormat.of().formatHex(whole.digest())
            + "\"}";
    JsonNode committed =
        ApiClient.json(
            api.send(
                "POST",
                base + "/" + version + "/commit",
                HttpRequest.BodyPublishers.ofString(commit),
                "application/json"));
    Files.deleteIfExists(stateFile);
    return new UploadResult(version, committed.path("status").asText(), sent);
  }
}
