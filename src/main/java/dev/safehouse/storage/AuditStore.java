package dev.safehouse.storage;

import dev.safehouse.audit.LeafHash;
import dev.safehouse.audit.MerkleNode;
import dev.safehouse.audit.NodeId;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * The audit log's tables (leaves, perfect-subtree nodes, signed checkpoints) over JDBC.
 *
 * <h2>Guarantees</h2>
 *
 * <ul>
 *   <li>{@link #append} writes a batch in one transaction that holds an advisory lock and checks
 *       that the batch starts exactly where the stored log ends: indices stay dense, and a
 *       rolled-back batch leaves no gap.
 *   <li>That transaction commits with {@code synchronous_commit = on} whatever the server's
 *       default: when it returns, the batch survives a crash.
 *   <li>The tables refuse UPDATE, DELETE and TRUNCATE (triggers, see {@code V4__audit_log.sql}).
 * </ul>
 */
@ApplicationScoped
public class AuditStore {
  /** Key of the advisory lock that serialises appends across processes. */
  private static final long APPEND_LOCK = 0x5341_4645_4155_4449L;

  private static final HexFormat HEX = HexFormat.of();

  private final DataSource dataSource;

  AuditStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * The newest stored checkpoint.
   *
   * @param size its tree size
   * @param note the signed note
   */
  public record Checkpoint(long size, String note) {}

  /** An entry as stored. */
  public record StoredEntry(long index, byte[] entry) {}

  /**
   * A batch to store: the entries from index {@code start} on, their leaf hashes and the nodes they
   * completed, and the signed checkpoint of the grown log.
   */
  public record Batch(
      long start,
      List<byte[]> entries,
      List<LeafHash> leafHashes,
      List<String> subjectUsccs,
      List<MerkleNode> nodes,
      long newSize,
      LeafHash root,
      String note) {}

  /** Returns the newest checkpoint, if any. */
  public Optional<Checkpoint> latest() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT tree_size, note FROM audit_checkpoint ORDER BY tree_size DESC LIMIT 1")) {
      return rs.next()
          ? Optional.of(new Checkpoint(rs.getLong(1), rs.getString(2)))
          : Optional.empty();
    }
  }

  /** Returns the checkpoint of exactly {@code size}, if one was stored. */
  public Optional<Checkpoint> checkpoint(long size) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT tree_size, note FROM audit_checkpoint WHERE tree_size = ?")) {
      s.setLong(1, size);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next()
            ? Optional.of(new Checkpoint(rs.getLong(1), rs.getString(2)))
            : Optional.empty();
      }
    }
  }

  /**
   * Reads node hashes in one query.
   *
   * @return the hashes in the order of {@code ids}
   * @throws SQLException if a node is missing (the log was tampered with) or the database fails
   */
  public List<LeafHash> nodes(List<NodeId> ids) throws SQLException {
    if (ids.isEmpty()) {
      return List.of();
    }
    try (Connection c = dataSource.getConnection()) {
      return nodes(c, ids);
    }
  }

  private static List<LeafHash> nodes(Connection c, List<NodeId> ids) throws SQLException {
    Short[] levels = new Short[ids.size()];
    Long[] indices = new Long[ids.size()];
    for (int i = 0; i < ids.size(); i++) {
      levels[i] = (short) ids.get(i).level();
      indices[i] = ids.get(i).index();
    }
    Map<NodeId, LeafHash> found = new HashMap<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT n.level, n.node_index, n.hash FROM audit_node n"
                + " JOIN unnest(?::smallint[], ?::bigint[]) AS w(level, node_index)"
                + " ON n.level = w.level AND n.node_index = w.node_index")) {
      s.setArray(1, c.createArrayOf("smallint", levels));
      s.setArray(2, c.createArrayOf("bigint", indices));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          found.put(new NodeId(rs.getShort(1), rs.getLong(2)), new LeafHash(rs.getBytes(3)));
        }
      }
    }
    List<LeafHash> out = new ArrayList<>(ids.size());
    for (NodeId id : ids) {
      LeafHash hash = found.get(id);
      if (hash == null) {
        throw new SQLException("audit node " + id + " is missing");
      }
      out.add(hash);
    }
    return out;
  }

  /**
   * Stores a batch durably.
   *
   * @throws SQLException if the stored log does not end at {@code batch.start()}, or the database
   *     fails; nothing of the batch is stored then
   */
  public void append(Batch batch) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        try (Statement s = c.createStatement()) {
          s.execute("SET LOCAL synchronous_commit = on");
          s.execute("SELECT pg_advisory_xact_lock(" + APPEND_LOCK + ")");
          try (ResultSet rs =
              s.executeQuery("SELECT coalesce(max(tree_size), -1) FROM audit_checkpoint")) {
            rs.next();
            long stored = Math.max(rs.getLong(1), 0);
            if (stored != batch.start()) {
              throw new SQLException(
                  "the stored log ends at " + stored + ", not at " + batch.start());
            }
          }
        }
        insertLeaves(c, batch);
        insertNodes(c, batch.nodes());
        try (PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO audit_checkpoint (tree_size, root, note) VALUES (?, ?, ?)")) {
          s.setLong(1, batch.newSize());
          s.setBytes(2, batch.root().bytes());
          s.setString(3, batch.note());
          s.executeUpdate();
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  // Rows go in through COPY (text format): several times faster than INSERT for a batch.

  private static void insertLeaves(Connection c, Batch batch) throws SQLException {
    StringBuilder rows = new StringBuilder(batch.entries().size() * 800);
    for (int i = 0; i < batch.entries().size(); i++) {
      String uscc = batch.subjectUsccs().get(i);
      rows.append(batch.start() + i).append('\t');
      hex(rows, batch.entries().get(i)).append('\t');
      hex(rows, batch.leafHashes().get(i).bytes()).append('\t');
      rows.append(uscc == null ? "\\N" : uscc).append('\n');
    }
    copy(c, "COPY audit_leaf (leaf_index, entry, leaf_hash, subject_uscc) FROM STDIN", rows);
  }

  private static void insertNodes(Connection c, List<MerkleNode> nodes) throws SQLException {
    StringBuilder rows = new StringBuilder(nodes.size() * 90);
    for (MerkleNode node : nodes) {
      rows.append(node.id().level()).append('\t').append(node.id().index()).append('\t');
      hex(rows, node.hash().bytes()).append('\n');
    }
    copy(c, "COPY audit_node (level, node_index, hash) FROM STDIN", rows);
  }

  /** Appends a bytea in COPY text form: {@code \\\\x} and hex digits. */
  private static StringBuilder hex(StringBuilder out, byte[] bytes) {
    return out.append("\\\\x").append(HEX.formatHex(bytes));
  }

  private static void copy(Connection c, String sql, StringBuilder rows) throws SQLException {
    if (rows.length() == 0) {
      return;
    }
    try {
      c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(rows.toString()));
    } catch (IOException e) {
      throw new SQLException("copying audit rows failed", e);
    }
  }

  /** Returns the entries with indices in [{@code start}, {@code end}), in order. */
  public List<StoredEntry> entries(long start, long end) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT leaf_index, entry FROM audit_leaf WHERE leaf_index >= ? AND leaf_index < ?"
                    + " ORDER BY leaf_index")) {
      s.setLong(1, start);
      s.setLong(2, end);
      return read(s);
    }
  }

  /**
   * Returns up to {@code limit} entries concerning {@code uscc} with indices below {@code before},
   * newest first.
   */
  public List<StoredEntry> accesses(String uscc, long before, int limit) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT leaf_index, entry FROM audit_leaf WHERE subject_uscc = ? AND leaf_index < ?"
                    + " ORDER BY leaf_index DESC LIMIT ?")) {
      s.setString(1, uscc);
      s.setLong(2, before);
      s.setInt(3, limit);
      return read(s);
    }
  }

  private static List<StoredEntry> read(PreparedStatement s) throws SQLException {
    List<StoredEntry> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        out.add(new StoredEntry(rs.getLong(1), rs.getBytes(2)));
      }
    }
    return out;
  }
}
