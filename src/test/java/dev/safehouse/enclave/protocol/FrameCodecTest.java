package dev.safehouse.enclave.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class FrameCodecTest {

  private static final Map<MessageType, Message> SAMPLES =
      Map.ofEntries(
          Map.entry(MessageType.HELLO, new Hello(1, "00ff".repeat(16))),
          Map.entry(MessageType.STATUS_REQUEST, new StatusRequest()),
          Map.entry(
              MessageType.STATUS_RESPONSE,
              new StatusResponse(1, 4242, 1_700_000_000_000L, 1234, 7, "17.0.15+6", 1L << 27)),
          Map.entry(
              MessageType.ERROR_RESPONSE,
              new ErrorResponse(ErrorCode.UNKNOWN_MESSAGE_TYPE, "unknown message type 0x7e")),
          Map.entry(MessageType.TABLE_COUNTS_REQUEST, new TableCountsRequest()),
          Map.entry(
              MessageType.TABLE_COUNTS_RESPONSE,
              new TableCountsResponse(Map.of("public_credit", 10_000L, "market_credit", 8_500L))),
          Map.entry(
              MessageType.LOAD_REQUEST,
              new LoadRequest(
                  "public-credit",
                  3,
                  "gov-platform",
                  "key-text",
                  4096,
                  true,
                  new byte[] {0, -1, 7})),
          Map.entry(
              MessageType.LOAD_RESPONSE,
              new LoadResponse(
                  LoadResponse.State.REJECTED,
                  4099,
                  0,
                  "",
                  "row 17, column uscc: not a valid code")),
          Map.entry(
              MessageType.INIT_REQUEST,
              new InitRequest(
                  "sm",
                  "local-kms://k.json",
                  new byte[] {1, 2},
                  new byte[] {3},
                  "policies",
                  "platform.json")),
          Map.entry(MessageType.ATTEST_REQUEST, new AttestRequest("00ff")),
          Map.entry(
              MessageType.AUDIT_RESUME_REQUEST,
              new AuditResumeRequest(
                  "safehouse.local/audit", "note\n", List.of(new byte[32], new byte[] {5}))),
          Map.entry(MessageType.AUDIT_RESUME_RESPONSE, new AuditResumeResponse(42)),
          Map.entry(
              MessageType.AUDIT_APPEND_REQUEST,
              new AuditAppendRequest(42, List.of("{}".getBytes(), new byte[0]))),
          Map.entry(MessageType.AUDIT_APPEND_RESPONSE, new AuditAppendResponse(44, "note\n")),
          Map.entry(
              MessageType.QUERY_RUN_REQUEST,
              new QueryRunRequest(
                  "run-1",
                  "project-1",
                  "exploratory",
                  List.of("public-credit", "market-credit"),
                  "SELECT count(*) FROM fused -- 中文",
                  "{\"from\":2000}",
                  "0.5",
                  List.of(new QueryRunRequest.Release("SELECT count(*) FROM fused", "{}")))),
          Map.entry(
              MessageType.SCORE_REQUEST,
              new ScoreRequest(
                  List.of(
                      new ScoreRequest.Item("item-1", "91350100M000100Y43", "ab".repeat(32)),
                      new ScoreRequest.Item("item-2", "9144030071526726XG", "cd".repeat(32))))),
          Map.entry(
              MessageType.SCORE_RESPONSE,
              new ScoreResponse(
                  List.of(
                      new ScoreResponse.Result("item-1", true, "{}".getBytes(), "c2ln"),
                      new ScoreResponse.Result("item-2", false, new byte[0], "")))),
          Map.entry(
              MessageType.QUERY_RUN_RESPONSE,
              new QueryRunResponse(true, "{}".getBytes(), "{\"a\":1}".getBytes(), "c2ln")),
          Map.entry(MessageType.ATTEST_RESPONSE, new AttestResponse("ZG9j", "c2ln")),
          Map.entry(
              MessageType.INIT_RESPONSE,
              new InitResponse(
                  new byte[] {1},
                  new byte[] {2},
                  new byte[] {3, 4},
                  "key-text",
                  true,
                  "ab".repeat(32))));

  @Test
  void roundTrip_everyMessageType_returnsEqualFrame() {
    assertThat(SAMPLES.keySet()).containsExactlyInAnyOrder(MessageType.values());
    for (Message message : SAMPLES.values()) {
      Frame frame = new Frame(-2L, message); // 0xFFFF_FFFF_FFFF_FFFE: ids are u64 on the wire
      assertThat(FrameCodec.decode(FrameCodec.encode(frame))).isEqualTo(frame);
    }
  }

  @Test
  void decode_loadRequestWithBadFlagOrOverlongData_fails() {
    byte[] good = bytes(FrameCodec.encode(new Frame(1, SAMPLES.get(MessageType.LOAD_REQUEST))));
    byte[] badFlag = good.clone();
    badFlag[good.length - 3 - 4 - 1] =
        2; // the u8 'last' flag sits before u32 length and 3 data bytes
    assertFails(badFlag, ErrorCode.MALFORMED_FRAME);
    byte[] overlong = good.clone();
    overlong[good.length - 3 - 1] = 9; // data length 9, only 3 bytes follow
    assertFails(overlong, ErrorCode.MALFORMED_FRAME);
  }

  @Test
  void encode_statusRequest_matchesDocumentedBytes() {
    ByteBuffer bytes = FrameCodec.encode(new Frame(0x0102030405060708L, new StatusRequest()));
    assertThat(hex(bytes)).isEqualTo("0000000a" + "01" + "02" + "0102030405060708");
  }

  @Test
  void encode_hello_matchesDocumentedBytes() {
    ByteBuffer bytes = FrameCodec.encode(new Frame(0, new Hello(1, "ab")));
    assertThat(hex(bytes))
        .isEqualTo("0000000f" + "01" + "01" + "0000000000000000" + "01" + "0002" + "6162");
  }

  @Test
  void encode_errorResponse_matchesDocumentedBytes() {
    ByteBuffer bytes =
        FrameCodec.encode(new Frame(9, new ErrorResponse(ErrorCode.MALFORMED_FRAME, "x")));
    assertThat(hex(bytes))
        .isEqualTo("0000000f" + "01" + "ff" + "0000000000000009" + "0003" + "0001" + "78");
  }

  @Test
  void decode_truncatedFrame_fails() {
    byte[] whole = bytes(FrameCodec.encode(new Frame(5, SAMPLES.get(MessageType.STATUS_RESPONSE))));
    for (int cut : List.of(0, 3, 4, 13, whole.length - 1)) {
      assertFails(Arrays.copyOf(whole, cut), ErrorCode.TRUNCATED_FRAME);
    }
  }

  @Test
  void decode_oversizeLength_failsWithoutAllocating() {
    ByteBuffer header = ByteBuffer.allocate(14).putInt(FrameCodec.MAX_FRAME_LENGTH + 1);
    assertFails(header.array(), ErrorCode.FRAME_TOO_LARGE);
    assertFails(ByteBuffer.allocate(4).putInt(-1).array(), ErrorCode.FRAME_TOO_LARGE);
  }

  @Test
  void decode_wrongVersion_failsWithRequestId() {
    byte[] frame = bytes(FrameCodec.encode(new Frame(77, new StatusRequest())));
    frame[4] = 2;
    ProtocolException e = assertFails(frame, ErrorCode.UNSUPPORTED_VERSION);
    assertThat(e.requestId()).isEqualTo(OptionalLong.of(77));
    assertThat(e.frameConsumed()).isTrue();
  }

  @Test
  void decode_unknownType_failsWithRequestIdAndSafeMessage() {
    byte[] frame = bytes(FrameCodec.encode(new Frame(78, new StatusRequest())));
    frame[5] = 0x7E;
    ProtocolException e = assertFails(frame, ErrorCode.UNKNOWN_MESSAGE_TYPE);
    assertThat(e.requestId()).isEqualTo(OptionalLong.of(78));
    assertThat(e.getMessage()).isEqualTo("unknown message type 0x7e");
  }

  @Test
  void decode_trailingGarbageAfterFrame_fails() {
    byte[] frame = bytes(FrameCodec.encode(new Frame(1, new StatusRequest())));
    assertFails(Arrays.copyOf(frame, frame.length + 1), ErrorCode.MALFORMED_FRAME);
  }

  @Test
  void decode_trailingBytesInsidePayload_fails() {
    byte[] frame = bytes(FrameCodec.encode(new Frame(1, SAMPLES.get(MessageType.ERROR_RESPONSE))));
    byte[] longer = Arrays.copyOf(frame, frame.length + 1);
    ByteBuffer.wrap(longer).putInt(0, frame.length - 4 + 1);
    ProtocolException e = assertFails(longer, ErrorCode.MALFORMED_FRAME);
    assertThat(e.frameConsumed()).isTrue();
  }

  @Test
  void decode_payloadTooShort_fails() {
    byte[] frame = bytes(FrameCodec.encode(new Frame(1, SAMPLES.get(MessageType.STATUS_RESPONSE))));
    byte[] shorter = Arrays.copyOf(frame, frame.length - 1);
    ByteBuffer.wrap(shorter).putInt(0, frame.length - 4 - 1);
    assertFails(shorter, ErrorCode.MALFORMED_FRAME);
  }

  @Test
  void decode_headerShorterThanTenBytes_fails() {
    assertFails(new byte[] {0, 0, 0, 2, 1, 2}, ErrorCode.MALFORMED_FRAME);
  }

  @Test
  void decode_invalidUtf8String_fails() {
    byte[] frame =
        bytes(FrameCodec.encode(new Frame(1, new ErrorResponse(ErrorCode.INTERNAL, "a"))));
    frame[frame.length - 1] = (byte) 0xC3; // a lone UTF-8 lead byte
    assertFails(frame, ErrorCode.MALFORMED_FRAME);
  }

  @Test
  void decode_invalidHelloToken_failsAsMalformed() {
    byte[] frame = bytes(FrameCodec.encode(new Frame(0, new Hello(1, "ab"))));
    frame[frame.length - 1] = ' ';
    assertFails(frame, ErrorCode.MALFORMED_FRAME);
  }

  @Test
  void decode_errorCodeFromNewerPeer_decodesAsUnknown() {
    byte[] frame =
        bytes(FrameCodec.encode(new Frame(1, new ErrorResponse(ErrorCode.INTERNAL, ""))));
    ByteBuffer.wrap(frame).putShort(14, (short) 0xBEEF);
    ErrorResponse decoded = (ErrorResponse) FrameCodec.decode(ByteBuffer.wrap(frame)).message();
    assertThat(decoded.code()).isEqualTo(ErrorCode.UNKNOWN);
  }

  @Test
  void helloToString_neverShowsToken() {
    assertThat(new Hello(1, "s3cr3t-token").toString()).doesNotContain("s3cr3t");
  }

  @Test
  void errorCodes_haveDistinctWireValues() {
    assertThat(Arrays.stream(ErrorCode.values()).map(ErrorCode::wireCode).distinct())
        .hasSize(ErrorCode.values().length);
    for (ErrorCode code : ErrorCode.values()) {
      assertThat(ErrorCode.fromWire(code.wireCode())).isEqualTo(code);
    }
  }

  private static ProtocolException assertFails(byte[] bytes, ErrorCode code) {
    Throwable thrown = catchThrowable(() -> FrameCodec.decode(ByteBuffer.wrap(bytes)));
    assertThat(thrown).isInstanceOf(ProtocolException.class);
    ProtocolException e = (ProtocolException) thrown;
    assertThat(e.code()).isEqualTo(code);
    return e;
  }

  static byte[] bytes(ByteBuffer buffer) {
    byte[] out = new byte[buffer.remaining()];
    buffer.duplicate().get(out);
    return out;
  }

  private static String hex(ByteBuffer buffer) {
    return HexFormat.of().formatHex(bytes(buffer));
  }

  @Test
  void encode_tooLongString_fails() {
    String huge = "x".repeat(70_000);
    assertThatThrownBy(
            () -> FrameCodec.encode(new Frame(1, new ErrorResponse(ErrorCode.INTERNAL, huge))))
        .isInstanceOf(ProtocolException.class);
  }
}
