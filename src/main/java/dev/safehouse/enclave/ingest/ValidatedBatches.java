package dev.safehouse.enclave.ingest;

import dev.safehouse.policy.CsvReader;
import dev.safehouse.policy.DatasetSchema;
import dev.safehouse.policy.RowValidator;
import dev.safehouse.policy.RowViolation;
import dev.safehouse.policy.TypedRows;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Decrypts, parses and validates a dataset's plaintext on a thread of its own and hands on batches
 * of valid rows, so that the consumer (hashing and the table load) runs on the other core.
 *
 * <p>Once a row is invalid no further batch is handed on — the dataset will be rejected whole — but
 * the rest is still read and checked, so the report counts every violation. {@link #take()} returns
 * null at the end; {@link #outcome()} then tells what was found.
 *
 * <h2>Security guarantees</h2>
 *
 * Plaintext exists only in this process's memory, in the reader's buffer and in the batches. The
 * outcome names rows, columns and checks, never a value.
 */
final class ValidatedBatches implements AutoCloseable {
  /** Rows per batch: one DuckDB vector. */
  static final int BATCH_ROWS = 2048;

  private static final int BATCHES = 4;
  private static final int KEPT_VIOLATIONS = 10;

  private final DatasetSchema schema;
  private final InputStream plaintext;
  private final BlockingQueue<TypedRows> full = new ArrayBlockingQueue<>(BATCHES + 1);
  private final BlockingQueue<TypedRows> free = new ArrayBlockingQueue<>(BATCHES);
  private final TypedRows endMarker;
  private final Thread thread;
  private volatile Outcome outcome;

  /**
   * What reading the whole plaintext found.
   *
   * @param rows data rows read
   * @param violationCount invalid cells and rows found
   * @param violations the first few of them
   * @param failure why the file could not be read to its end (or its header is wrong), or null
   */
  record Outcome(long rows, long violationCount, List<RowViolation> violations, String failure) {}

  /** Starts reading {@code plaintext} as a CSV of {@code schema}. */
  ValidatedBatches(DatasetSchema schema, InputStream plaintext) {
    this.schema = schema;
    this.plaintext = plaintext;
    this.endMarker = new TypedRows(schema, 1);
    for (int i = 0; i < BATCHES; i++) {
      free.add(new TypedRows(schema, BATCH_ROWS));
    }
    thread = new Thread(this::run, "enclave-ingest-" + schema.tableName());
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Returns the next batch of valid rows, or null when there are no more; hand each batch back
   * through {@link #recycle} once used.
   */
  TypedRows take() throws InterruptedException {
    TypedRows batch = full.take();
    if (batch == endMarker) {
      full.add(endMarker); // later calls see the end again
      return null;
    }
    return batch;
  }

  /** Returns a used batch for refilling. */
  void recycle(TypedRows batch) {
    batch.clear();
    free.add(batch);
  }

  /** Returns the outcome; valid once {@link #take()} has returned null. */
  Outcome outcome() {
    return outcome;
  }

  /** Stops the reader if it still runs and waits for it. */
  @Override
  public void close() {
    thread.interrupt();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    long rows = 0;
    long violationCount = 0;
    List<RowViolation> kept = new ArrayList<>();
    String failure = null;
    try (CsvReader csv = new CsvReader(plaintext)) {
      RowValidator validator = new RowValidator(schema);
      RowViolation header =
          csv.next()
              ? validator.checkHeader(csv.fields())
              : new RowViolation(0, "*", "the file is empty");
      if (header != null) {
        failure = header.toString();
        return;
      }
      List<RowViolation> found = new ArrayList<>();
      TypedRows batch = free.take();
      while (csv.next()) {
        rows++;
        validator.validate(rows, csv, batch, found);
        if (!found.isEmpty()) {
          violationCount += found.size();
          for (RowViolation v : found) {
            if (kept.size() < KEPT_VIOLATIONS) {
              kept.add(v);
            }
          }
          found.clear();
        }
        if (violationCount > 0) {
          batch.clear(); // nothing more is handed on; the batch is scratch space now
        } else if (batch.isFull()) {
          full.put(batch);
          batch = free.take();
        }
      }
      if (violationCount == 0 && batch.size() > 0) {
        full.put(batch);
      }
    } catch (CsvReader.CsvFormatException e) {
      failure = "not valid CSV: " + e.getMessage();
    } catch (IOException e) {
      failure = "decryption failed: the ciphertext was altered or truncated";
    } catch (InterruptedException e) {
      failure = "the load was cancelled";
    } catch (RuntimeException e) {
      failure = "the enclave could not read the data"; // never the exception's text: it may quote
    } finally {
      outcome = new Outcome(rows, violationCount, List.copyOf(kept), failure);
      full.add(endMarker); // never blocks: the queue holds every batch and the marker at most
    }
  }
}
