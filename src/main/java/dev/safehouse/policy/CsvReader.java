package dev.safehouse.policy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Streams the records of an RFC 4180 CSV in UTF-8: comma-separated, fields optionally in double
 * quotes, {@code ""} for a quote inside quotes, records ended by LF or CRLF. Works on bytes: a
 * record's fields are ranges of {@link #buffer()}, valid until the next call to {@link #next()}, so
 * reading allocates nothing per record. Never holds more than one block and one record of the
 * input.
 *
 * <p>Errors name the record number (1 is the header) and never the content.
 */
public final class CsvReader implements AutoCloseable {
  /** Longest record accepted; a longer one is refused rather than buffered without bound. */
  public static final int MAX_RECORD_BYTES = 4 << 20;

  private static final int BLOCK = 1 << 20;

  private final InputStream in;
  private byte[] buffer = new byte[BLOCK];
  private int position;
  private int limit;
  private boolean endOfInput;
  private long recordNumber;
  private int fieldCount;
  private int[] starts = new int[16];
  private int[] ends = new int[16];

  /** Reads from {@code in}, in blocks. */
  public CsvReader(InputStream in) {
    this.in = in;
  }

  /** Returns the number of the last record read, 1 for the header. */
  public long recordNumber() {
    return recordNumber;
  }

  /**
   * Reads the next record.
   *
   * @return false at the end of input
   * @throws CsvFormatException if a quoted field is not closed, a quote appears mid-field, a
   *     carriage return is not followed by a line feed, or the record is longer than {@link
   *     #MAX_RECORD_BYTES}
   */
  public boolean next() throws IOException {
    if (position == limit && !fill()) {
      return false;
    }
    recordNumber++;
    while (true) {
      int end = scan();
      if (end >= 0) {
        unescapeQuotedFields();
        position = end;
        return true;
      }
      if (!fill()) {
        // The input ended inside this record: scan once more, now knowing nothing follows.
        int last = scan();
        if (last < 0) {
          throw new CsvFormatException("record " + recordNumber + ": a quoted field is not closed");
        }
        unescapeQuotedFields();
        position = last;
        return true;
      }
    }
  }

  /** Returns how many fields the current record has. */
  public int fieldCount() {
    return fieldCount;
  }

  /** Returns the buffer the current record's fields lie in; valid until {@link #next()}. */
  public byte[] buffer() {
    return buffer;
  }

  /** Returns where field {@code i} (0-based) starts in {@link #buffer()}. */
  public int start(int i) {
    return starts[i];
  }

  /** Returns where field {@code i} (0-based) ends, exclusive, in {@link #buffer()}. */
  public int end(int i) {
    return ends[i];
  }

  /** Returns the current record's fields decoded as text (malformed UTF-8 becomes U+FFFD). */
  public String[] fields() {
    String[] fields = new String[fieldCount];
    for (int i = 0; i < fieldCount; i++) {
      fields[i] = new String(buffer, starts[i], ends[i] - starts[i], StandardCharsets.UTF_8);
    }
    return fields;
  }

  /**
   * Finds the fields of the record at {@link #position} without changing the buffer.
   *
   * @return the position after the record's terminator, or -1 if the buffer ends first and more
   *     input may follow
   */
  private int scan() throws CsvFormatException {
    byte[] b = buffer;
    int i = position;
    int n = limit;
    fieldCount = 0;
    while (true) {
      int start = i;
      if (i < n && b[i] == '"') {
        // Quoted field: runs to a quote not followed by another quote.
        i++;
        start = i;
        while (true) {
          while (i < n && b[i] != '"') {
            i++;
          }
          if (i + 1 >= n) {
            if (i < n && endOfInput) {
              break; // closing quote is the last byte of the input
            }
            return -1;
          }
          if (b[i + 1] != '"') {
            break;
          }
          i += 2;
        }
        addField(start, i, true);
        i++; // past the closing quote
        if (i < n && b[i] != ',' && b[i] != '\n' && b[i] != '\r') {
          throw new CsvFormatException(
              "record " + recordNumber + ": text after the closing quote of a field");
        }
      } else {
        while (i < n) {
          byte c = b[i];
          if (c == ',' || c == '\n' || c == '\r') {
            break;
          }
          if (c == '"') {
            throw new CsvFormatException(
                "record " + recordNumber + ": a quote inside an unquoted field");
          }
          i++;
        }
        addField(start, i, false);
      }
      if (i >= n) {
        return endOfInput ? n : -1;
      }
      byte c = b[i];
      if (c == ',') {
        i++;
        continue;
      }
      if (c == '\n') {
        return i + 1;
      }
      // c == '\r'
      if (i + 1 >= n) {
        return endOfInput ? n : -1;
      }
      if (b[i + 1] != '\n') {
        throw new CsvFormatException(
            "record " + recordNumber + ": a carriage return inside a field");
      }
      return i + 2;
    }
  }

  private void addField(int start, int end, boolean quoted) {
    if (fieldCount == starts.length) {
      starts = Arrays.copyOf(starts, fieldCount * 2);
      ends = Arrays.copyOf(ends, fieldCount * 2);
    }
    starts[fieldCount] = start;
    // A quoted field is marked by a negative end until its doubled quotes are collapsed.
    ends[fieldCount] = quoted ? -end - 1 : end;
    fieldCount++;
  }

  private void unescapeQuotedFields() {
    for (int f = 0; f < fieldCount; f++) {
      if (ends[f] >= 0) {
        continue;
      }
      int end = -ends[f] - 1;
      int write = starts[f];
      for (int read = starts[f]; read < end; read++) {
        buffer[write++] = buffer[read];
        if (buffer[read] == '"') {
          read++; // skip the second quote of a pair
        }
      }
      ends[f] = write;
    }
  }

  /**
   * Moves the unread bytes to the front and reads more, growing the buffer for a long record.
   *
   * @return false if no more input can be read
   */
  private boolean fill() throws IOException {
    if (endOfInput) {
      return false;
    }
    int unread = limit - position;
    if (unread == buffer.length) {
      if (buffer.length >= MAX_RECORD_BYTES) {
        throw new CsvFormatException(
            "record " + recordNumber + ": longer than " + (MAX_RECORD_BYTES >> 20) + " MiB");
      }
      buffer = Arrays.copyOf(buffer, Math.min(MAX_RECORD_BYTES, buffer.length * 2));
    }
    System.arraycopy(buffer, position, buffer, 0, unread);
    position = 0;
    limit = unread;
    int read = in.readNBytes(buffer, limit, buffer.length - limit);
    limit += read;
    if (limit < buffer.length) {
      endOfInput = true;
    }
    return read > 0;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** A CSV syntax error; the message names the record, never its content. */
  public static final class CsvFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    CsvFormatException(String message) {
      super(message);
    }
  }
}
