package dev.safehouse.policy;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams the records of an RFC 4180 CSV: comma-separated, fields optionally in double quotes,
 * {@code ""} for a quote inside quotes, records ended by LF or CRLF. Reads one record at a time;
 * never the whole input.
 *
 * <p>Errors name the record number (1 is the header) and never the content.
 */
public final class CsvReader implements AutoCloseable {
  private final Reader in;
  private final char[] buffer = new char[64 * 1024];
  private int position;
  private int limit;
  private long recordNumber;

  /** Reads from {@code in}, in blocks. */
  public CsvReader(Reader in) {
    this.in = in;
  }

  /** Returns the number of the last record returned, 1 for the header. */
  public long recordNumber() {
    return recordNumber;
  }

  /**
   * Returns the next record's fields, or null at the end of input.
   *
   * @throws CsvFormatException if a quoted field is not closed or a quote appears mid-field
   */
  public String[] next() throws IOException {
    int c = read();
    if (c == -1) {
      return null;
    }
    recordNumber++;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean fieldStarted = false;
    while (true) {
      if (quoted) {
        if (c == -1) {
          throw new CsvFormatException("record " + recordNumber + ": a quoted field is not closed");
        }
        if (c == '"') {
          int after = read();
          if (after == '"') {
            field.append('"');
          } else {
            quoted = false;
            if (after != ',' && after != '\n' && after != '\r' && after != -1) {
              throw new CsvFormatException(
                  "record " + recordNumber + ": text after the closing quote of a field");
            }
            c = after;
            continue;
          }
        } else {
          field.append((char) c);
        }
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        fieldStarted = false;
      } else if (c == '\n' || c == -1) {
        break;
      } else if (c == '\r') {
        int after = read();
        if (after != '\n' && after != -1) {
          throw new CsvFormatException(
              "record " + recordNumber + ": a carriage return inside a field");
        }
        break;
      } else if (c == '"') {
        if (fieldStarted || field.length() > 0) {
          throw new CsvFormatException(
              "record " + recordNumber + ": a quote inside an unquoted field");
        }
        quoted = true;
        fieldStarted = true;
      } else {
        field.append((char) c);
        fieldStarted = true;
      }
      c = read();
    }
    fields.add(field.toString());
    return fields.toArray(String[]::new);
  }

  /** Returns the next character, reading the input in 64 KiB blocks, or -1 at its end. */
  private int read() throws IOException {
    if (position == limit) {
      limit = in.read(buffer, 0, buffer.length);
      position = 0;
      if (limit <= 0) {
        limit = 0;
        return -1;
      }
    }
    return buffer[position++];
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
