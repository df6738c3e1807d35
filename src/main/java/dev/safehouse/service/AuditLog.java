package dev.safehouse.service;

import dev.safehouse.audit.AuditEntry;
import dev.safehouse.audit.Checkpoint;
import dev.safehouse.audit.InclusionProof;
import dev.safehouse.audit.LeafHash;
import dev.safehouse.audit.MerkleFrontier;
import dev.safehouse.audit.MerkleHasher;
import dev.safehouse.audit.MerkleNode;
import dev.safehouse.audit.MerkleNodes;
import dev.safehouse.audit.MerkleProofs;
import dev.safehouse.audit.NodeId;
import dev.safehouse.audit.Receipt;
import dev.safehouse.audit.SignedCheckpoint;
import dev.safehouse.common.ProblemType;
import dev.safehouse.common.SafehouseException;
import dev.safehouse.common.Uscc;
import dev.safehouse.config.SafehouseConfig;
import dev.safehouse.crypto.CryptoSuite;
import dev.safehouse.crypto.Verifier;
import dev.safehouse.enclave.protocol.AuditAppendRequest;
import dev.safehouse.enclave.protocol.AuditAppendResponse;
import dev.safehouse.enclave.protocol.AuditResumeRequest;
import dev.safehouse.enclave.protocol.AuditResumeResponse;
import dev.safehouse.storage.AuditStore;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The audit log's single writer: appends entries in group commits and answers each with a {@link
 * Receipt} once its batch is durable.
 *
 * <p>Two threads form a pipeline. The signer takes whatever entries are waiting (up to {@code
 * safehouse.audit.max-batch}), has the enclave append them to its frontier and sign the new
 * checkpoint, and checks that signature and root against its own computation; the committer stores
 * each signed batch — leaves, nodes and checkpoint — in one synchronous transaction, in order, and
 * then answers the batch's requests with their receipts. While one batch is committed the next is
 * signed, and requests that arrive meanwhile form the batch after, so one fsync serves many
 * requests.
 *
 * <h2>Guarantees</h2>
 *
 * <ul>
 *   <li>{@link #append} completes only after the entry is durable in PostgreSQL under a checkpoint
 *       the enclave signed; otherwise it fails with {@link ProblemType#AUDIT_UNAVAILABLE}.
 *   <li>The stored log never disagrees with the enclave's: a checkpoint is stored only if its
 *       signature verifies under the enclave's attested key and its root equals the root computed
 *       here from the same entries.
 *   <li>A batch the enclave signed but the database did not commit is stored first, before anything
 *       else, on the next attempt (its requesters were already refused); if the enclave restarted
 *       meanwhile, it is dropped and the enclave resumes from what is stored.
 * </ul>
 */
@ApplicationScoped
public class AuditLog {
  private static final Logger LOG = Logger.getLogger(AuditLog.class);
  private static final Duration ENCLAVE_TIMEOUT = Duration.ofSeconds(10);
  private static final int RECEIPT_SLICE = 256;

  private final AuditStore store;
  private final EnclaveService enclave;
  private final EnclaveInitializer initializer;
  private final SafehouseConfig.Audit config;
  private final CryptoSuite suite;
  private final MerkleHasher hasher;
  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final BlockingQueue<Signed> signed = new ArrayBlockingQueue<>(2);
  private final ExecutorService receiptBuilders =
      Executors.newFixedThreadPool(
          2,
          task -> {
            Thread thread = new Thread(task, "audit-receipts");
            thread.setDaemon(true);
            return thread;
          });
  private final AtomicInteger backlog = new AtomicInteger();
  private Thread writer;
  private Thread committer;
  private volatile boolean stopping;
  private volatile boolean stuck;

  // Signer-thread state.
  private MerkleFrontier frontier;
  private long resumedGeneration;

  /** A batch the enclave signed, on its way to the database. */
  private record Signed(
      AuditStore.Batch batch, List<Pending> requests, Map<NodeId, LeafHash> known) {}

  /**
   * An entry waiting for its batch; encoded and hashed on the caller's thread, not the writer's.
   */
  private record Pending(
      byte[] bytes, LeafHash leaf, String uscc, CompletableFuture<Receipt> done) {}

  AuditLog(
      AuditStore store,
      EnclaveService enclave,
      EnclaveInitializer initializer,
      SafehouseConfig config,
      CryptoSuite suite) {
    this.suite = suite;
    this.hasher = MerkleHasher.forSuite(suite);
    this.store = store;
    this.enclave = enclave;
    this.initializer = initializer;
    this.config = config.audit();
  }

  void start(@Observes StartupEvent event) {
    writer = new Thread(this::run, "audit-signer");
    writer.setDaemon(true);
    writer.start();
    committer = new Thread(this::commitLoop, "audit-committer");
    committer.setDaemon(true);
    committer.start();
  }

  void stop(@Observes ShutdownEvent event) {
    stopping = true;
    receiptBuilders.shutdown();
    for (Thread thread : new Thread[] {writer, committer}) {
      if (thread != null) {
        thread.interrupt();
      }
    }
  }

  /**
   * Appends an entry and waits until it is durable.
   *
   * @return the entry's receipt
   * @throws SafehouseException {@link ProblemType#AUDIT_UNAVAILABLE} if the entry could not be made
   *     durable in time
   */
  public Receipt append(AuditEntry entry) {
    try {
      return appendAsync(entry).get(); // appendAsync bounds the wait by the append timeout
    } catch (ExecutionException e) {
      throw unavailable();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable();
    }
  }

  /**
   * Queues an entry for the next group commit without waiting: for callers that keep many entries
   * in flight (reactive paths, batch jobs).
   *
   * @return completes with the receipt once the entry is durable, or exceptionally if it could not
   *     be written or did not become durable within {@code safehouse.audit.append-timeout} (the
   *     entry may still be written later: logged, never released); release nothing before it
   *     completes normally
   */
  public CompletableFuture<Receipt> appendAsync(AuditEntry entry) {
    CompletableFuture<Receipt> done =
        new CompletableFuture<Receipt>()
            .orTimeout(config.appendTimeout().toMillis(), TimeUnit.MILLISECONDS);
    byte[] bytes = entry.canonicalBytes();
    queue.add(
        new Pending(
            bytes,
            MerkleHasher.forSuite(suite).leaf(bytes),
            entry.target().uscc().map(Uscc::value).orElse(null),
            done));
    return done;
  }

  /** Returns the enclave's log key, once the enclave is initialised. */
  public Optional<Verifier> logKey() {
    return initializer.publicKeys().map(keys -> keys.signingKey());
  }

  /** Returns the log's origin (the checkpoints' first line and key name). */
  public String origin() {
    return config.origin();
  }

  /** The refusal every caller gets when its entry could not be made durable (503). */
  static SafehouseException unavailable() {
    return new SafehouseException(
        ProblemType.AUDIT_UNAVAILABLE, "the audit log could not record the request; retry later");
  }

  private void run() {
    while (!stopping) {
      List<Pending> batch = new ArrayList<>();
      try {
        Pending first = queue.poll(1, TimeUnit.SECONDS);
        if (first != null) {
          batch.add(first);
          queue.drainTo(batch, config.maxBatch() - 1);
        }
        ensureResumed();
        if (!batch.isEmpty()) {
          write(batch);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        batch.forEach(p -> p.done().completeExceptionally(e));
        return;
      } catch (Exception e) {
        if (!batch.isEmpty() || frontier != null) {
          LOG.warnf("audit batch of %d not written: %s", batch.size(), safeMessage(e));
        }
        frontier = null; // re-read what is stored before the next batch
        batch.forEach(p -> p.done().completeExceptionally(e));
      }
    }
  }

  /** What may be logged of a failure: our own messages, a SQL state, else the class name. */
  private static String safeMessage(Exception e) {
    if (e instanceof SafehouseException) {
      return e.getMessage();
    }
    return e instanceof SQLException sql
        ? "SQL state " + sql.getSQLState()
        : e.getClass().getSimpleName();
  }

  /** Brings this writer and the enclave in line with what is stored. */
  private void ensureResumed() throws SQLException {
    if (!initializer.initialised()) {
      return;
    }
    long generation = enclave.generation();
    if (frontier != null && resumedGeneration == generation) {
      return;
    }
    if (stuck && resumedGeneration == generation) {
      throw new SafehouseException(
          ProblemType.AUDIT_UNAVAILABLE, "the audit log is stopped until the enclave restarts");
    }
    awaitCommitted(); // what is stored must include every batch already signed
    stuck = false;
    Optional<AuditStore.Checkpoint> latest = store.latest();
    long size = latest.map(AuditStore.Checkpoint::size).orElse(0L);
    List<NodeId> subtreeIds = MerkleFrontier.subtreeIds(size);
    frontier = MerkleFrontier.restore(hasher, size, store.nodes(subtreeIds));
    if (resumedGeneration != generation) {
      List<byte[]> roots = frontier.subtreeRoots().stream().map(LeafHash::bytes).toList();
      AuditResumeResponse resumed =
          enclave.call(
              new AuditResumeRequest(
                  config.origin(), latest.map(AuditStore.Checkpoint::note).orElse(""), roots),
              AuditResumeResponse.class,
              ENCLAVE_TIMEOUT);
      if (resumed.treeSize() != size) {
        throw new IllegalStateException("the enclave resumed at another size");
      }
      resumedGeneration = generation;
      LOG.infof("audit log resumed at size %d with enclave#%d", size, generation);
    }
    if (latest.isEmpty()) {
      store.append(sign(List.of())); // the empty log's checkpoint, so there is always one to serve
    }
  }

  private void write(List<Pending> batch) throws InterruptedException {
    if (frontier == null) {
      throw new SafehouseException(ProblemType.AUDIT_UNAVAILABLE, "the enclave is not ready");
    }
    Map<NodeId, LeafHash> known = new ConcurrentHashMap<>();
    List<NodeId> frontierIds = MerkleFrontier.subtreeIds(frontier.size());
    for (int i = 0; i < frontierIds.size(); i++) {
      known.put(frontierIds.get(i), frontier.subtreeRoots().get(i));
    }
    AuditStore.Batch batchToStore = sign(batch);
    batchToStore.nodes().forEach(node -> known.put(node.id(), node.hash()));
    backlog.incrementAndGet();
    signed.put(new Signed(batchToStore, batch, known));
  }

  /** Waits until the committer has stored every signed batch. */
  private void awaitCommitted() {
    while (backlog.get() > 0 && !stopping) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void commitLoop() {
    while (!stopping) {
      Signed next;
      try {
        next = signed.take();
      } catch (InterruptedException e) {
        return;
      }
      boolean refused = false;
      long backoff = 50;
      while (!stopping) {
        try {
          store.append(next.batch());
          break;
        } catch (SQLException e) {
          if (!refused) {
            // The SQL state only: a server message may quote the row, i.e. the entry.
            LOG.warnf(
                "audit batch of %d not stored (SQL state %s)",
                next.requests().size(), e.getSQLState());
            next.requests().forEach(p -> p.done().completeExceptionally(e));
            refused = true;
          }
          if (e.getMessage() != null && e.getMessage().startsWith("the stored log ends at")) {
            LOG.errorf(
                "a signed audit batch can never be stored; the log stops until the enclave"
                    + " restarts");
            stuck = true;
            dropSigned();
            break;
          }
          sleepQuietly(backoff);
          backoff = Math.min(backoff * 2, 1000);
        }
      }
      backlog.decrementAndGet();
      if (!refused) {
        // The batch is durable: its receipts are built on both cores while the next one commits.
        List<Pending> requests = next.requests();
        for (int from = 0; from < requests.size(); from += RECEIPT_SLICE) {
          int first = from;
          int end = Math.min(requests.size(), from + RECEIPT_SLICE);
          receiptBuilders.execute(() -> receipts(next, first, end));
        }
      }
    }
  }

  private void dropSigned() {
    List<Signed> dropped = new ArrayList<>();
    signed.drainTo(dropped);
    for (Signed batch : dropped) {
      batch.requests().forEach(p -> p.done().completeExceptionally(unavailable()));
      backlog.decrementAndGet();
    }
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Has the enclave sign the entries appended to the current frontier and checks its checkpoint;
   * advances the frontier.
   */
  private AuditStore.Batch sign(List<Pending> entries) {
    Verifier key =
        logKey()
            .orElseThrow(
                () -> new SafehouseException(ProblemType.AUDIT_UNAVAILABLE, "no log key yet"));
    long start = frontier.size();
    List<byte[]> bytes = new ArrayList<>(entries.size());
    List<String> usccs = new ArrayList<>(entries.size());
    List<LeafHash> leaves = new ArrayList<>(entries.size());
    MerkleFrontier grown = MerkleFrontier.restore(hasher, start, frontier.subtreeRoots());
    List<MerkleNode> nodes = new ArrayList<>();
    for (Pending entry : entries) {
      bytes.add(entry.bytes());
      usccs.add(entry.uscc());
      leaves.add(entry.leaf());
      nodes.addAll(grown.append(entry.leaf()));
    }
    AuditAppendResponse answer =
        enclave.call(
            new AuditAppendRequest(start, bytes), AuditAppendResponse.class, ENCLAVE_TIMEOUT);
    Checkpoint checkpoint = SignedCheckpoint.parse(answer.checkpointNote(), config.origin(), key);
    if (checkpoint.size() != grown.size() || !checkpoint.root().equals(grown.root())) {
      throw new IllegalStateException("the enclave signed another tree than the one computed here");
    }
    frontier = grown;
    return new AuditStore.Batch(
        start, bytes, leaves, usccs, nodes, grown.size(), grown.root(), answer.checkpointNote());
  }

  /** Completes requests [{@code from}, {@code end}) of a stored batch with their receipts. */
  private void receipts(Signed stored, int from, int end) {
    List<Pending> requests = stored.requests();
    try {
      long size = stored.batch().newSize();
      // A hasher of its own: hashers are not thread-safe.
      MerkleProofs proofs =
          new MerkleProofs(
              MerkleNodes.of(size, ids -> lookUp(ids, stored.known())),
              MerkleHasher.forSuite(suite));
      Base64.Encoder b64 = Base64.getEncoder();
      for (int i = from; i < end; i++) {
        long index = stored.batch().start() + i;
        InclusionProof proof = proofs.inclusion(index, size);
        requests
            .get(i)
            .done()
            .complete(
                new Receipt(
                    suite.wireName(),
                    index,
                    b64.encodeToString(stored.batch().leafHashes().get(i).bytes()),
                    size,
                    stored.batch().note(),
                    proof.path().stream().map(h -> b64.encodeToString(h.bytes())).toList()));
      }
    } catch (RuntimeException e) {
      requests.subList(from, end).forEach(p -> p.done().completeExceptionally(e));
    }
  }

  /**
   * Reads nodes from {@code known} — the old frontier's subtrees and the nodes the batch completed,
   * which is all a batch's proofs need — falling back to the database for any it lacks.
   */
  private List<LeafHash> lookUp(List<NodeId> ids, Map<NodeId, LeafHash> known) {
    List<NodeId> missing = ids.stream().filter(id -> !known.containsKey(id)).toList();
    if (!missing.isEmpty()) {
      List<LeafHash> read;
      try {
        read = store.nodes(missing);
      } catch (SQLException e) {
        throw new IllegalStateException("audit nodes could not be read", e);
      }
      for (int i = 0; i < missing.size(); i++) {
        known.put(missing.get(i), read.get(i));
      }
    }
    return ids.stream().map(known::get).toList();
  }
}
