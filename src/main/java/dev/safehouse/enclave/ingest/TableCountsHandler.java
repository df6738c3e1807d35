package dev.safehouse.enclave.ingest;

import dev.safehouse.enclave.RequestHandler;
import dev.safehouse.enclave.protocol.Response;
import dev.safehouse.enclave.protocol.TableCountsRequest;
import dev.safehouse.enclave.protocol.TableCountsResponse;

/** Answers with the row count of every loaded table; counts only, never rows. */
public final class TableCountsHandler implements RequestHandler<TableCountsRequest> {
  private final EnclaveContext context;

  /** Creates the handler. */
  public TableCountsHandler(EnclaveContext context) {
    this.context = context;
  }

  @Override
  public Response handle(TableCountsRequest request) {
    return new TableCountsResponse(context.tables().rowCounts());
  }
}
