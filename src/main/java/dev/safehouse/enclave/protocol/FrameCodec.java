package dev.safehouse.enclave.protocol;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Encodes and decodes protocol frames; the single place that knows the byte layout.
 *
 * <p>Frame layout, all integers big-endian:
 *
 * <pre>
 * u32 length      number of bytes that follow this field, 10 .. {@value #MAX_FRAME_LENGTH}
 * u8  version     {@value #PROTOCOL_VERSION}
 * u8  type        {@link MessageType#wireCode()}
 * u64 requestId   echoed by the response; 0 for Hello
 * ... payload     length - 10 bytes, layout fixed by the type
 * </pre>
 *
 * <p>Payload field types: {@code u8}, {@code u16}, {@code i64} (two's complement), and {@code
 * str16} = {@code u16 n ‖ n bytes of UTF-8}. A payload must be consumed exactly: missing or extra
 * bytes are {@link ErrorCode#MALFORMED_FRAME}.
 *
 * <h2>Security guarantees</h2>
 *
 * A length over {@value #MAX_FRAME_LENGTH} is rejected before any buffer is allocated for it. Every
 * failure is a {@link ProtocolException} with a stable {@link ErrorCode} and a message that never
 * contains payload bytes; no input makes the codec throw anything else. Not guaranteed: the codec
 * authenticates nothing — the socket's file permissions and the session-token handshake do that.
 */
public final class FrameCodec {

  /** The only protocol version this code speaks. */
  public static final int PROTOCOL_VERSION = 1;

  /** Largest value of the u32 length prefix: 16 MiB. */
  public static final int MAX_FRAME_LENGTH = 16 * 1024 * 1024;

  /** Size of the length prefix in bytes. */
  public static final int LENGTH_PREFIX_BYTES = 4;

  /** Size of version, type and request id together, in bytes. */
  public static final int HEADER_BYTES = 10;

  private FrameCodec() {}

  /**
   * Encodes a frame, length prefix included.
   *
   * @param frame the frame
   * @return a buffer positioned at 0 whose remaining bytes are the whole frame
   * @throws ProtocolException if the encoded frame would exceed {@link #MAX_FRAME_LENGTH}
   */
  public static ByteBuffer encode(Frame frame) {
    PayloadWriter payload = new PayloadWriter();
    writePayload(frame.message(), payload);
    long length = (long) HEADER_BYTES + payload.size();
    if (length > MAX_FRAME_LENGTH) {
      throw ProtocolException.fatal(ErrorCode.FRAME_TOO_LARGE, "frame exceeds 16 MiB");
    }
    ByteBuffer out = ByteBuffer.allocate(LENGTH_PREFIX_BYTES + (int) length);
    out.putInt((int) length)
        .put((byte) PROTOCOL_VERSION)
        .put((byte) frame.message().type().wireCode())
        .putLong(frame.requestId())
        .put(payload.toByteArray());
    return out.flip();
  }

  /**
   * Decodes exactly one whole frame, length prefix included.
   *
   * @param bytes the frame; its remaining bytes must be exactly one frame
   * @return the frame
   * @throws ProtocolException if the bytes are truncated, oversize, followed by trailing bytes, or
   *     the frame itself is invalid (see {@link #decodeBody})
   */
  public static Frame decode(ByteBuffer bytes) {
    ByteBuffer in = bytes.duplicate();
    if (in.remaining() < LENGTH_PREFIX_BYTES) {
      throw ProtocolException.fatal(ErrorCode.TRUNCATED_FRAME, "frame shorter than its prefix");
    }
    int length = checkLength(in.getInt());
    if (in.remaining() < length) {
      throw ProtocolException.fatal(ErrorCode.TRUNCATED_FRAME, "frame shorter than its length");
    }
    if (in.remaining() > length) {
      throw ProtocolException.fatal(ErrorCode.MALFORMED_FRAME, "trailing bytes after frame");
    }
    return decodeBody(in.slice());
  }

  /**
   * Checks a length prefix before anything is allocated for it.
   *
   * @param rawLength the u32 prefix as read into a signed int
   * @return the length, 0 .. {@link #MAX_FRAME_LENGTH}
   * @throws ProtocolException with {@link ErrorCode#FRAME_TOO_LARGE} if it is larger
   */
  public static int checkLength(int rawLength) {
    if (Integer.toUnsignedLong(rawLength) > MAX_FRAME_LENGTH) {
      throw ProtocolException.fatal(ErrorCode.FRAME_TOO_LARGE, "frame length exceeds 16 MiB");
    }
    return rawLength;
  }

  /**
   * Decodes the part of a frame after its length prefix.
   *
   * @param body exactly the {@code length} bytes that followed the prefix
   * @return the frame
   * @throws ProtocolException with {@link ProtocolException#frameConsumed()} true, if the header is
   *     short, the version or type unknown, or the payload does not match its type's layout
   */
  public static Frame decodeBody(ByteBuffer body) {
    ByteBuffer in = body.duplicate();
    int version;
    int typeCode;
    long requestId;
    try {
      version = Byte.toUnsignedInt(in.get());
      typeCode = Byte.toUnsignedInt(in.get());
      requestId = in.getLong();
    } catch (BufferUnderflowException e) {
      throw ProtocolException.inFrame(
          ErrorCode.MALFORMED_FRAME, "frame shorter than its header", OptionalLong.empty());
    }
    if (version != PROTOCOL_VERSION) {
      throw ProtocolException.inFrame(
          ErrorCode.UNSUPPORTED_VERSION,
          "unsupported protocol version " + version,
          OptionalLong.of(requestId));
    }
    MessageType type =
        MessageType.fromWire(typeCode)
            .orElseThrow(
                () ->
                    ProtocolException.inFrame(
                        ErrorCode.UNKNOWN_MESSAGE_TYPE,
                        String.format("unknown message type 0x%02x", typeCode),
                        OptionalLong.of(requestId)));
    PayloadReader reader = new PayloadReader(in, type, requestId);
    Message message = readPayload(type, reader);
    reader.end();
    return new Frame(requestId, message);
  }

  private static void writePayload(Message message, PayloadWriter out) {
    switch (message.type()) {
      case HELLO -> {
        Hello hello = (Hello) message;
        out.u8(hello.protocolVersion()).str16(hello.sessionToken());
      }
      case STATUS_REQUEST -> {}
      case STATUS_RESPONSE -> {
        StatusResponse s = (StatusResponse) message;
        out.u8(s.protocolVersion())
            .i64(s.pid())
            .i64(s.startEpochMillis())
            .i64(s.uptimeMillis())
            .i64(s.requestsServed())
            .str16(s.jvmVersion())
            .i64(s.availableHeapBytes());
      }
      case ERROR_RESPONSE -> {
        ErrorResponse e = (ErrorResponse) message;
        out.u16(e.code().wireCode()).str16(e.safeMessage());
      }
      case TABLE_COUNTS_REQUEST -> {}
      case TABLE_COUNTS_RESPONSE -> {
        TableCountsResponse t = (TableCountsResponse) message;
        out.u16(t.rowsByTable().size());
        t.rowsByTable().forEach((table, rows) -> out.str16(table).i64(rows));
      }
      case LOAD_REQUEST -> {
        LoadRequest l = (LoadRequest) message;
        out.str16(l.datasetId())
            .i64(l.version())
            .str16(l.providerId())
            .str16(l.providerKey())
            .i64(l.offset())
            .u8(l.last() ? 1 : 0)
            .bytes32(l.data());
      }
      case INIT_REQUEST -> {
        InitRequest i = (InitRequest) message;
        out.str16(i.suite())
            .str16(i.kmsUri())
            .bytes32(i.sealedWrapping())
            .bytes32(i.sealedSigning())
            .str16(i.policiesDir())
            .str16(i.platformKeyFile());
      }
      case INIT_RESPONSE -> {
        InitResponse i = (InitResponse) message;
        out.bytes32(i.sealedWrapping())
            .bytes32(i.sealedSigning())
            .bytes32(i.wrappingKey())
            .str16(i.signingKey())
            .u8(i.generated() ? 1 : 0)
            .str16(i.policyHash());
      }
      case ATTEST_REQUEST -> out.str16(((AttestRequest) message).nonceHex());
      case ATTEST_RESPONSE -> {
        AttestResponse a = (AttestResponse) message;
        out.str16(a.documentBase64()).str16(a.signatureBase64());
      }
      case AUDIT_RESUME_REQUEST -> {
        AuditResumeRequest a = (AuditResumeRequest) message;
        out.str16(a.origin()).str16(a.checkpointNote()).u16(a.frontier().size());
        a.frontier().forEach(out::bytes32);
      }
      case AUDIT_RESUME_RESPONSE -> out.i64(((AuditResumeResponse) message).treeSize());
      case AUDIT_APPEND_REQUEST -> {
        AuditAppendRequest a = (AuditAppendRequest) message;
        out.i64(a.treeSize()).u16(a.entries().size());
        a.entries().forEach(out::bytes32);
      }
      case AUDIT_APPEND_RESPONSE -> {
        AuditAppendResponse a = (AuditAppendResponse) message;
        out.i64(a.treeSize()).str16(a.checkpointNote());
      }
      case QUERY_RUN_REQUEST -> {
        QueryRunRequest q = (QueryRunRequest) message;
        out.str16(q.runId()).str16(q.projectId()).str16(q.template()).u16(q.datasets().size());
        q.datasets().forEach(out::str16);
        out.bytes32(QueryRunRequest.utf8(q.sql()))
            .bytes32(QueryRunRequest.utf8(q.parametersJson()))
            .str16(q.epsilon())
            .u16(q.earlierReleases().size());
        for (QueryRunRequest.Release r : q.earlierReleases()) {
          out.bytes32(QueryRunRequest.utf8(r.sql()))
              .bytes32(QueryRunRequest.utf8(r.parametersJson()));
        }
      }
      case QUERY_RUN_RESPONSE -> {
        QueryRunResponse q = (QueryRunResponse) message;
        out.u8(q.released() ? 1 : 0).bytes32(q.body()).bytes32(q.statement()).str16(q.signature());
      }
      case SCORE_REQUEST -> {
        ScoreRequest r = (ScoreRequest) message;
        out.u16(r.items().size());
        for (ScoreRequest.Item item : r.items()) {
          out.str16(item.itemId()).str16(item.uscc()).str16(item.consentHash());
        }
      }
      case SCORE_RESPONSE -> {
        ScoreResponse r = (ScoreResponse) message;
        out.u16(r.results().size());
        for (ScoreResponse.Result result : r.results()) {
          out.str16(result.itemId())
              .u8(result.found() ? 1 : 0)
              .bytes32(result.statement())
              .str16(result.signature());
        }
      }
      case LOAD_RESPONSE -> {
        LoadResponse l = (LoadResponse) message;
        out.u8(l.state().ordinal())
            .i64(l.receivedBytes())
            .i64(l.rows())
            .str16(l.inputRoot())
            .str16(l.report());
      }
    }
  }

  private static Message readPayload(MessageType type, PayloadReader in) {
    try {
      return switch (type) {
        case HELLO -> new Hello(in.u8(), in.str16());
        case STATUS_REQUEST -> new StatusRequest();
        case STATUS_RESPONSE ->
            new StatusResponse(
                in.u8(), in.i64(), in.i64(), in.i64(), in.i64(), in.str16(), in.i64());
        case ERROR_RESPONSE -> new ErrorResponse(ErrorCode.fromWire(in.u16()), in.str16());
        case TABLE_COUNTS_REQUEST -> new TableCountsRequest();
        case TABLE_COUNTS_RESPONSE -> readTableCounts(in);
        case LOAD_REQUEST ->
            new LoadRequest(
                in.str16(), in.i64(), in.str16(), in.str16(), in.i64(), readFlag(in), in.bytes32());
        case INIT_REQUEST ->
            new InitRequest(
                in.str16(), in.str16(), in.bytes32(), in.bytes32(), in.str16(), in.str16());
        case ATTEST_REQUEST -> new AttestRequest(in.str16());
        case ATTEST_RESPONSE -> new AttestResponse(in.str16(), in.str16());
        case INIT_RESPONSE ->
            new InitResponse(
                in.bytes32(), in.bytes32(), in.bytes32(), in.str16(), readFlag(in), in.str16());
        case LOAD_RESPONSE ->
            new LoadResponse(readLoadState(in), in.i64(), in.i64(), in.str16(), in.str16());
        case AUDIT_RESUME_REQUEST -> new AuditResumeRequest(in.str16(), in.str16(), blobs(in));
        case AUDIT_RESUME_RESPONSE -> new AuditResumeResponse(in.i64());
        case AUDIT_APPEND_REQUEST -> new AuditAppendRequest(in.i64(), blobs(in));
        case AUDIT_APPEND_RESPONSE -> new AuditAppendResponse(in.i64(), in.str16());
        case QUERY_RUN_REQUEST -> readQueryRun(in);
        case SCORE_REQUEST -> readScoreRequest(in);
        case SCORE_RESPONSE -> readScoreResponse(in);
        case QUERY_RUN_RESPONSE ->
            new QueryRunResponse(readFlag(in), in.bytes32(), in.bytes32(), in.str16());
      };
    } catch (IllegalArgumentException e) {
      throw in.malformed("invalid field value");
    }
  }

  private static QueryRunRequest readQueryRun(PayloadReader in) {
    String runId = in.str16();
    String projectId = in.str16();
    String template = in.str16();
    int n = in.u16();
    List<String> datasets = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      datasets.add(in.str16());
    }
    String sql = utf8(in);
    String parameters = utf8(in);
    String epsilon = in.str16();
    int m = in.u16();
    List<QueryRunRequest.Release> releases = new ArrayList<>(m);
    for (int i = 0; i < m; i++) {
      releases.add(new QueryRunRequest.Release(utf8(in), utf8(in)));
    }
    return new QueryRunRequest(
        runId, projectId, template, datasets, sql, parameters, epsilon, releases);
  }

  private static ScoreRequest readScoreRequest(PayloadReader in) {
    int n = in.u16();
    List<ScoreRequest.Item> items = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      items.add(new ScoreRequest.Item(in.str16(), in.str16(), in.str16()));
    }
    return new ScoreRequest(items);
  }

  private static ScoreResponse readScoreResponse(PayloadReader in) {
    int n = in.u16();
    List<ScoreResponse.Result> results = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      results.add(new ScoreResponse.Result(in.str16(), readFlag(in), in.bytes32(), in.str16()));
    }
    return new ScoreResponse(results);
  }

  private static String utf8(PayloadReader in) {
    return new String(in.bytes32(), StandardCharsets.UTF_8);
  }

  private static List<byte[]> blobs(PayloadReader in) {
    int n = in.u16();
    List<byte[]> blobs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      blobs.add(in.bytes32());
    }
    return blobs;
  }

  private static TableCountsResponse readTableCounts(PayloadReader in) {
    int n = in.u16();
    Map<String, Long> rows = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      rows.put(in.str16(), in.i64());
    }
    return new TableCountsResponse(rows);
  }

  private static boolean readFlag(PayloadReader in) {
    int flag = in.u8();
    if (flag > 1) {
      throw in.malformed("flag is neither 0 nor 1");
    }
    return flag == 1;
  }

  private static LoadResponse.State readLoadState(PayloadReader in) {
    int state = in.u8();
    if (state >= LoadResponse.State.values().length) {
      throw in.malformed("unknown load state");
    }
    return LoadResponse.State.values()[state];
  }
}
