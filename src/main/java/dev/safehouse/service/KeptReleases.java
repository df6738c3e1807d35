package dev.safehouse.service;

import dev.safehouse.storage.DatabaseUnavailableException;
import dev.safehouse.storage.ScoreReleaseStore;
import dev.safehouse.storage.ScoreReleaseStore.Kept;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Copies of released scores and batch answers, kept so that the institution can fetch them again by
 * id, written to PostgreSQL in the background in batches (a score's response does not wait for the
 * copy's insert).
 *
 * <h2>Guarantees</h2>
 *
 * {@link #find} sees a copy as soon as {@link #keep} returns, from memory until it is stored, and
 * only for the institution it was released to. Copies are written in order of keeping, retried
 * while the database is down, and written out at shutdown. <b>Not guaranteed:</b> copies kept in
 * the last moments before a crash may be lost (a later fetch answers 404); the release itself is
 * durable in the audit log before it is answered, with the hash of what was released.
 */
@ApplicationScoped
public class KeptReleases {
  private static final Logger LOG = Logger.getLogger(KeptReleases.class);
  private static final int MAX_BATCH = 500;

  /** Copies waiting beyond this make {@link #keep} write its own copy, or fail with 503. */
  private static final int MAX_WAITING = 50_000;

  private final ScoreReleaseStore store;
  private final Map<UUID, Kept> unsaved = new ConcurrentHashMap<>();
  private final LinkedBlockingQueue<Kept> queue = new LinkedBlockingQueue<>();
  private Thread writer;
  private volatile boolean stopping;

  KeptReleases(ScoreReleaseStore store) {
    this.store = store;
  }

  void start(@Observes StartupEvent event) {
    writer = new Thread(this::writeLoop, "kept-release-writer");
    writer.setDaemon(true);
    writer.start();
  }

  void stop(@Observes ShutdownEvent event) {
    stopping = true;
    if (writer != null) {
      writer.interrupt();
      try {
        writer.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    List<Kept> rest = new ArrayList<>();
    queue.drainTo(rest);
    try {
      store.save(rest);
    } catch (SQLException e) {
      LOG.warnf(
          "%d kept releases not stored at shutdown (SQL state %s)", rest.size(), e.getSQLState());
    }
  }

  /**
   * Keeps a copy of what was released to {@code institution}.
   *
   * @throws DatabaseUnavailableException 503 if too many copies wait for a database that is down
   */
  public void keep(UUID id, String institution, String kind, String bodyJson) {
    Kept copy = new Kept(id, institution, kind, bodyJson);
    if (queue.size() >= MAX_WAITING) {
      try {
        store.save(List.of(copy));
        return;
      } catch (SQLException e) {
        throw new DatabaseUnavailableException("released copies cannot be stored right now", e);
      }
    }
    unsaved.put(id, copy);
    queue.add(copy);
  }

  /** Returns the copy {@code id} if it was released to {@code institution} as {@code kind}. */
  public Optional<String> find(UUID id, String institution, String kind) {
    Kept waiting = unsaved.get(id);
    if (waiting != null) {
      return waiting.institution().equals(institution) && waiting.kind().equals(kind)
          ? Optional.of(waiting.bodyJson())
          : Optional.empty();
    }
    try {
      return store.find(id, institution, kind);
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("released copies cannot be read right now", e);
    }
  }

  private void writeLoop() {
    long backoff = 50;
    List<Kept> batch = new ArrayList<>();
    while (!stopping) {
      try {
        if (batch.isEmpty()) {
          Kept first = queue.poll(1, TimeUnit.SECONDS);
          if (first == null) {
            continue;
          }
          batch.add(first);
          queue.drainTo(batch, MAX_BATCH - 1);
        }
        store.save(batch);
        batch.forEach(copy -> unsaved.remove(copy.id(), copy));
        batch.clear();
        backoff = 50;
      } catch (InterruptedException e) {
        queue.addAll(batch); // written by stop()
        return;
      } catch (SQLException e) {
        LOG.warnf(
            "%d kept releases not stored yet (SQL state %s); retrying",
            batch.size(), e.getSQLState());
        try {
          Thread.sleep(backoff);
        } catch (InterruptedException interrupted) {
          queue.addAll(batch);
          return;
        }
        backoff = Math.min(backoff * 2, 2_000);
      }
    }
  }
}
