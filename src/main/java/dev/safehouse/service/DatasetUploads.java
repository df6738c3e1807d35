package dev.safehouse.service;

import dev.safehouse.common.DatasetId;
import dev.safehouse.common.InvalidRequestException;
import dev.safehouse.common.ProblemType;
import dev.safehouse.common.ProviderId;
import dev.safehouse.common.SafehouseException;
import dev.safehouse.common.Sha256;
import dev.safehouse.storage.DatasetChunkEntity;
import dev.safehouse.storage.DatasetChunkRepository;
import dev.safehouse.storage.DatasetChunkRepository.ChunkSummary;
import dev.safehouse.storage.DatasetVersionEntity;
import dev.safehouse.storage.DatasetVersionEntity.Status;
import dev.safehouse.storage.DatasetVersionRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The host's side of a provider's upload: create a dataset version, receive its encrypted envelope
 * in chunks (each checked against its SHA-256, resumable, idempotent), and commit it once every
 * chunk is present and the whole envelope matches its digest.
 *
 * <h2>Security guarantees</h2>
 *
 * The host stores and hashes ciphertext only; it never decrypts, and it holds no key that could. A
 * dataset belongs to the provider that uploaded its first version; no other provider can add to it.
 * Not guaranteed here: that the envelope is well formed or correctly signed — the enclave checks
 * that when it loads the version.
 */
@ApplicationScoped
public class DatasetUploads {
  /** Largest accepted chunk. */
  public static final int MAX_CHUNK_BYTES = 8 * 1024 * 1024;

  private final DatasetVersionRepository versions;
  private final DatasetChunkRepository chunks;

  DatasetUploads(DatasetVersionRepository versions, DatasetChunkRepository chunks) {
    this.versions = versions;
    this.chunks = chunks;
  }

  /**
   * A version and the chunks received so far.
   *
   * @param version the version row
   * @param received the chunks present, in order
   */
  public record VersionState(DatasetVersionEntity version, List<ChunkSummary> received) {}

  /**
   * Opens the next version of {@code dataset} for upload by {@code provider}.
   *
   * @throws SafehouseException 403 if another provider owns the dataset
   */
  @WithTransaction
  public Uni<DatasetVersionEntity> createVersion(
      DatasetId dataset, ProviderId provider, String subject) {
    return versions
        .versionsOf(dataset.value())
        .flatMap(
            existing -> {
              if (!existing.isEmpty() && !existing.get(0).providerId.equals(provider.value())) {
                throw forbidden();
              }
              DatasetVersionEntity row = new DatasetVersionEntity();
              row.datasetId = dataset.value();
              row.version = existing.isEmpty() ? 1 : existing.get(existing.size() - 1).version + 1;
              row.providerId = provider.value();
              row.status = Status.UPLOADING;
              row.createdBy = subject;
              row.createdAt = now();
              return versions.persist(row);
            });
  }

  /**
   * Stores chunk {@code seq}. Sending the same chunk again is a no-op, so an interrupted upload can
   * resume by re-sending what {@link #state} does not list.
   *
   * @param sha256Hex the SHA-256 the provider computed, lower-case hex
   * @return true if stored now, false if it was already present with the same digest
   * @throws InvalidRequestException if the bytes do not match the digest or the chunk is empty
   * @throws SafehouseException 409 if the version is no longer uploading or a different chunk
   *     {@code seq} was stored before; 413 if the chunk is too large
   */
  @WithTransaction
  public Uni<Boolean> putChunk(
      DatasetId dataset, int version, ProviderId provider, int seq, String sha256Hex, byte[] data) {
    if (data.length == 0) {
      throw new InvalidRequestException("a chunk may not be empty");
    }
    if (data.length > MAX_CHUNK_BYTES) {
      throw new SafehouseException(
          ProblemType.PAYLOAD_TOO_LARGE, "a chunk may hold at most " + MAX_CHUNK_BYTES + " bytes");
    }
    if (seq < 0) {
      throw new InvalidRequestException("chunk numbers start at 0");
    }
    String actual = Sha256.hex(data);
    if (!Sha256.equalHex(actual, sha256Hex)) {
      throw new InvalidRequestException("the chunk does not match its SHA-256");
    }
    return owned(dataset, version, provider)
        .flatMap(
            row -> {
              requireStatus(row, Status.UPLOADING);
              return chunks
                  .find(row.id, seq)
                  .flatMap(existing -> store(row, existing, seq, actual, data));
            });
  }

  private Uni<Boolean> store(
      DatasetVersionEntity row, DatasetChunkEntity existing, int seq, String sha256, byte[] data) {
    if (existing != null) {
      if (!existing.sha256.equals(sha256)) {
        throw new SafehouseException(
            ProblemType.CONFLICT, "chunk " + seq + " was already received with another digest");
      }
      return Uni.createFrom().item(false);
    }
    DatasetChunkEntity chunk = new DatasetChunkEntity();
    chunk.versionId = row.id;
    chunk.seq = seq;
    chunk.sha256 = sha256;
    chunk.sizeBytes = data.length;
    chunk.data = data;
    return chunks.persist(chunk).replaceWith(true);
  }

  /** Returns a version and its received chunks, for status and resumption. */
  @WithSession
  public Uni<VersionState> state(DatasetId dataset, int version, ProviderId provider) {
    return owned(dataset, version, provider)
        .flatMap(row -> chunks.summaries(row.id).map(received -> new VersionState(row, received)));
  }

  /**
   * Closes the upload: every chunk {@code 0..chunkCount-1} must be present, and the envelope they
   * form must have SHA-256 {@code envelopeSha256}. The version moves to VERIFYING.
   *
   * @throws InvalidRequestException if chunks are missing or extra, or the digest differs
   * @throws SafehouseException 409 if the version is not uploading
   */
  @WithTransaction
  public Uni<DatasetVersionEntity> commit(
      DatasetId dataset, int version, ProviderId provider, int chunkCount, String envelopeSha256) {
    return owned(dataset, version, provider)
        .flatMap(
            row -> {
              requireStatus(row, Status.UPLOADING);
              return chunks
                  .summaries(row.id)
                  .flatMap(received -> envelopeDigest(row, received, chunkCount))
                  .map(
                      digest -> {
                        if (!Sha256.equalHex(digest.hex(), envelopeSha256)) {
                          throw new InvalidRequestException(
                              "the envelope does not match its SHA-256");
                        }
                        row.status = Status.VERIFYING;
                        row.committedAt = now();
                        row.chunkCount = chunkCount;
                        row.envelopeBytes = digest.bytes();
                        row.envelopeSha256 = digest.hex();
                        return row;
                      });
            });
  }

  private Uni<Sha256.Digest> envelopeDigest(
      DatasetVersionEntity row, List<ChunkSummary> received, int chunkCount) {
    if (chunkCount < 1 || received.size() != chunkCount) {
      throw new InvalidRequestException(
          "expected " + chunkCount + " chunks, received " + received.size());
    }
    for (int i = 0; i < received.size(); i++) {
      if (received.get(i).seq() != i) {
        throw new InvalidRequestException("chunk " + i + " is missing");
      }
    }
    Sha256 digest = new Sha256();
    Uni<Void> chain = Uni.createFrom().voidItem();
    for (int i = 0; i < chunkCount; i++) {
      int seq = i;
      chain =
          chain
              .flatMap(ignored -> chunks.find(row.id, seq))
              .invoke(chunk -> digest.update(chunk.data))
              // Detach each chunk once hashed, so a large envelope is never all in memory.
              .call(chunk -> Panache.getSession().invoke(session -> session.detach(chunk)))
              .replaceWithVoid();
    }
    return chain.map(ignored -> digest.finish());
  }

  private Uni<DatasetVersionEntity> owned(DatasetId dataset, int version, ProviderId provider) {
    return versions
        .find(dataset.value(), version)
        .map(
            row -> {
              if (row == null) {
                throw new SafehouseException(ProblemType.NOT_FOUND, "no such dataset version");
              }
              if (!row.providerId.equals(provider.value())) {
                throw forbidden();
              }
              return row;
            });
  }

  private static void requireStatus(DatasetVersionEntity row, Status expected) {
    if (row.status != expected) {
      throw new SafehouseException(
          ProblemType.CONFLICT, "the version is " + row.status + ", not " + expected);
    }
  }

  private static SafehouseException forbidden() {
    return new SafehouseException(
        ProblemType.FORBIDDEN, "this dataset belongs to another provider");
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }
}
