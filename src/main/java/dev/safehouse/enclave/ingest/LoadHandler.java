package dev.safehouse.enclave.ingest;

import dev.safehouse.common.DatasetId;
import dev.safehouse.common.InvalidRequestException;
import dev.safehouse.crypto.CryptoFailureException;
import dev.safehouse.crypto.Verifier;
import dev.safehouse.enclave.RequestHandler;
import dev.safehouse.enclave.protocol.ErrorCode;
import dev.safehouse.enclave.protocol.ErrorResponse;
import dev.safehouse.enclave.protocol.LoadRequest;
import dev.safehouse.enclave.protocol.LoadResponse;
import dev.safehouse.enclave.protocol.Response;
import dev.safehouse.enclave.store.StoreException;
import dev.safehouse.policy.DatasetSchema;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Receives a dataset version's envelope chunk by chunk and, at the last chunk, has it verified,
 * decrypted, validated and loaded; keeps the {@code fused} view over the loaded sources current.
 */
public final class LoadHandler implements RequestHandler<LoadRequest> {
  /** Largest envelope held in memory while it arrives. */
  static final long MAX_ENVELOPE_BYTES = 1L << 30;

  /**
   * The fused view joins the other sources to the public-credit one, which covers every enterprise.
   */
  private static final String BASE_TABLE = "public_credit";

  private static final List<String> JOINED_TABLES = List.of("market_credit", "financial_credit");

  private final EnclaveContext context;
  private final DatasetLoader loader;
  private String receiving;
  private ByteArrayOutputStream buffer;

  /** Creates the handler. */
  public LoadHandler(EnclaveContext context) {
    this.context = context;
    this.loader = new DatasetLoader(context.tables());
  }

  @Override
  public Response handle(LoadRequest request) {
    if (context.keys().isEmpty() || context.schemas().isEmpty()) {
      return new ErrorResponse(ErrorCode.UNEXPECTED_MESSAGE, "the enclave is not initialised");
    }
    String key = request.datasetId() + "#" + request.version();
    if (request.offset() == 0) {
      receiving = key;
      buffer = new ByteArrayOutputStream();
    }
    if (!key.equals(receiving) || buffer.size() != request.offset()) {
      receiving = null;
      buffer = null;
      return new ErrorResponse(
          ErrorCode.UNEXPECTED_MESSAGE, "chunks out of order; restart at offset 0");
    }
    byte[] data = request.data();
    if (buffer.size() + (long) data.length > MAX_ENVELOPE_BYTES) {
      receiving = null;
      buffer = null;
      return rejected(request, "the envelope is larger than the enclave accepts");
    }
    buffer.writeBytes(data);
    if (!request.last()) {
      return new LoadResponse(LoadResponse.State.RECEIVING, buffer.size(), 0, "", "");
    }
    byte[] envelope = buffer.toByteArray();
    receiving = null;
    buffer = null;
    return finish(request, envelope);
  }

  private Response finish(LoadRequest request, byte[] envelope) {
    DatasetSchema schema;
    try {
      schema = context.schemas().get().find(DatasetId.parse(request.datasetId())).orElse(null);
    } catch (InvalidRequestException e) {
      schema = null;
    }
    if (schema == null) {
      return rejected(request, "no dataset of that name in the enclave's policy bundle");
    }
    Verifier providerKey;
    try {
      providerKey = context.keys().get().suite().verifierFromText(request.providerKey());
    } catch (CryptoFailureException e) {
      return rejected(
          request, "the provider's registered key is not a verification key of this suite");
    }
    DatasetLoader.Outcome outcome;
    try {
      outcome = loader.load(schema, envelope, providerKey, context.keys().get());
      if (outcome.loaded()) {
        context.recordInput(
            new EnclaveContext.InputRoot(
                schema.id().value(), request.version(), outcome.inputRoot()));
        refreshFusedView();
      }
    } catch (StoreException e) {
      return rejected(request, "the enclave's engine refused the data");
    }
    return outcome.loaded()
        ? new LoadResponse(
            LoadResponse.State.LOADED, envelope.length, outcome.rows(), outcome.inputRoot(), "")
        : rejected(request, outcome.report());
  }

  private void refreshFusedView() {
    Map<String, Long> loaded = context.tables().rowCounts();
    if (!loaded.containsKey(BASE_TABLE)) {
      return;
    }
    List<String> joined = new ArrayList<>();
    for (String table : JOINED_TABLES) {
      if (loaded.containsKey(table)) {
        joined.add(table);
      }
    }
    context.tables().createFusedView(BASE_TABLE, joined);
  }

  private static LoadResponse rejected(LoadRequest request, String report) {
    return new LoadResponse(
        LoadResponse.State.REJECTED, request.offset() + request.data().length, 0, "", report);
  }
}
