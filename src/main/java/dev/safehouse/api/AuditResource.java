package dev.safehouse.api;

import dev.safehouse.audit.InclusionProof;
import dev.safehouse.audit.LeafHash;
import dev.safehouse.audit.MerkleHasher;
import dev.safehouse.audit.MerkleNodes;
import dev.safehouse.audit.MerkleProofs;
import dev.safehouse.audit.NodeId;
import dev.safehouse.common.InvalidRequestException;
import dev.safehouse.common.ProblemType;
import dev.safehouse.common.Role;
import dev.safehouse.common.SafehouseException;
import dev.safehouse.crypto.CryptoSuite;
import dev.safehouse.storage.AuditStore;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The auditor's view of the audit log: the latest signed checkpoint, the entries, and inclusion and
 * consistency proofs (RFC 6962 / RFC 9162), all checkable against the enclave's attested log key
 * with {@code safehouse audit verify}.
 */
@Path("/v1/audit")
public class AuditResource {
  /** Most entries returned per page. */
  static final int PAGE = 1000;

  private final AuditStore store;
  private final MerkleHasher hasher;

  AuditResource(AuditStore store, CryptoSuite suite) {
    this.store = store;
    this.hasher = MerkleHasher.forSuite(suite);
  }

  /** One entry: its index and exact bytes (canonical JSON), base64. */
  public record EntryView(long index, String entry) {}

  /** A page of entries; {@code next} is where the following page starts, null at the end. */
  public record EntriesView(long treeSize, List<EntryView> entries, Long next) {}

  /** An inclusion proof. */
  public record InclusionView(long index, long treeSize, String leafHash, List<String> proof) {}

  /** A consistency proof. */
  public record ConsistencyView(long first, long second, List<String> proof) {}

  /** Returns the latest checkpoint as the enclave signed it. */
  @GET
  @Path("/checkpoint")
  @Authenticated
  @Produces(MediaType.TEXT_PLAIN + ";charset=utf-8")
  @Operation(summary = "The latest checkpoint of the audit log (C2SP signed note)")
  public String checkpoint() {
    return latest().note();
  }

  /** Returns entries with indices in [start, end), at most {@value #PAGE} of them. */
  @GET
  @Path("/entries")
  @RolesAllowed(Role.AUDITOR_NAME)
  @Operation(summary = "Audit entries by index range (end exclusive), paged")
  public EntriesView entries(@QueryParam("start") Long start, @QueryParam("end") Long end) {
    long size = latest().size();
    if (start == null || end == null || start < 0 || end <= start) {
      throw new InvalidRequestException("start and end are required, 0 <= start < end");
    }
    long last = Math.min(Math.min(end, start + PAGE), size);
    List<EntryView> entries =
        start >= last
            ? List.of()
            : query(() -> store.entries(start, last)).stream()
                .map(e -> new EntryView(e.index(), Base64.getEncoder().encodeToString(e.entry())))
                .toList();
    Long next = last < Math.min(end, size) ? last : null;
    return new EntriesView(size, entries, next);
  }

  /** Returns the inclusion proof of leaf {@code index} in the tree of {@code treeSize} leaves. */
  @GET
  @Path("/proofs/inclusion")
  @Authenticated
  @Operation(summary = "Inclusion proof of one entry in a tree of a given size")
  public InclusionView inclusion(
      @QueryParam("index") Long index, @QueryParam("treeSize") Long treeSize) {
    long size = latest().size();
    if (index == null || treeSize == null || index < 0 || treeSize <= index) {
      throw new InvalidRequestException("index and treeSize are required, 0 <= index < treeSize");
    }
    requireWithin(treeSize, size);
    MerkleNodes nodes = nodes(size);
    InclusionProof proof = new MerkleProofs(nodes, hasher).inclusion(index, treeSize);
    LeafHash leaf = nodes.node(new NodeId(0, index));
    return new InclusionView(
        index, treeSize, base64(leaf), proof.path().stream().map(AuditResource::base64).toList());
  }

  /** Returns the consistency proof between the trees of {@code first} and {@code second} leaves. */
  @GET
  @Path("/proofs/consistency")
  @Authenticated
  @Operation(summary = "Consistency proof between two tree sizes")
  public ConsistencyView consistency(
      @QueryParam("first") Long first, @QueryParam("second") Long second) {
    long size = latest().size();
    if (first == null || second == null || first < 1 || second < first) {
      throw new InvalidRequestException("first and second are required, 1 <= first <= second");
    }
    requireWithin(second, size);
    List<String> proof =
        new MerkleProofs(nodes(size), hasher)
            .consistency(first, second).path().stream().map(AuditResource::base64).toList();
    return new ConsistencyView(first, second, proof);
  }

  private static void requireWithin(long treeSize, long size) {
    if (treeSize > size) {
      throw new InvalidRequestException("the log has " + size + " entries");
    }
  }

  private AuditStore.Checkpoint latest() {
    return query(store::latest)
        .orElseThrow(
            () ->
                new SafehouseException(
                    ProblemType.AUDIT_UNAVAILABLE, "the audit log has no checkpoint yet"));
  }

  private MerkleNodes nodes(long size) {
    return MerkleNodes.of(size, ids -> query(() -> store.nodes(ids)));
  }

  private static String base64(LeafHash hash) {
    return Base64.getEncoder().encodeToString(hash.bytes());
  }

  /** A database read that may fail. */
  @FunctionalInterface
  interface Query<T> {
    T run() throws SQLException;
  }

  static <T> T query(Query<T> query) {
    try {
      return query.run();
    } catch (SQLException e) {
      throw new SafehouseException(
          ProblemType.SERVICE_UNAVAILABLE, "the audit log cannot be read right now");
    }
  }
}
