package dev.safehouse.enclave.protocol;

import java.util.Optional;

/**
 * The u8 message type of a frame. Requests use {@code 0x01..0x7F}; the response to request type
 * {@code t} is {@code t | 0x80}; {@code 0xFF} is the error response.
 */
public enum MessageType {
  /** {@link Hello}, enclave → host, first frame only. */
  HELLO(0x01),
  /** {@link StatusRequest}, host → enclave. */
  STATUS_REQUEST(0x02),
  /** {@link StatusResponse}, enclave → host. */
  STATUS_RESPONSE(0x82),
  /** {@link TableCountsRequest}, host → enclave. */
  TABLE_COUNTS_REQUEST(0x03),
  /** {@link TableCountsResponse}, enclave → host. */
  TABLE_COUNTS_RESPONSE(0x83),
  /** {@link LoadRequest}, host → enclave: one chunk of a dataset envelope. */
  LOAD_REQUEST(0x10),
  /** {@link LoadResponse}, enclave → host. */
  LOAD_RESPONSE(0x90),
  /** {@link InitRequest}, host → enclave, after each handshake. */
  INIT_REQUEST(0x20),
  /** {@link InitResponse}, enclave → host. */
  INIT_RESPONSE(0xA0),
  /** {@link AttestRequest}, host → enclave. */
  ATTEST_REQUEST(0x21),
  /** {@link AttestResponse}, enclave → host. */
  ATTEST_RESPONSE(0xA1),
  /** {@link AuditResumeRequest}, host → enclave. */
  AUDIT_RESUME_REQUEST(0x30),
  /** {@link AuditResumeResponse}, enclave → host. */
  AUDIT_RESUME_RESPONSE(0xB0),
  /** {@link AuditAppendRequest}, host → enclave. */
  AUDIT_APPEND_REQUEST(0x31),
  /** {@link AuditAppendResponse}, enclave → host. */
  AUDIT_APPEND_RESPONSE(0xB1),
  /** {@link QueryRunRequest}, host → enclave. */
  QUERY_RUN_REQUEST(0x40),
  /** {@link QueryRunResponse}, enclave → host. */
  QUERY_RUN_RESPONSE(0xC0),
  /** {@link ScoreRequest}, host → enclave. */
  SCORE_REQUEST(0x50),
  /** {@link ScoreResponse}, enclave → host. */
  SCORE_RESPONSE(0xD0),
  /** {@link ErrorResponse}, enclave → host, answers any request. */
  ERROR_RESPONSE(0xFF);

  private final int wireCode;

  MessageType(int wireCode) {
    this.wireCode = wireCode;
  }

  /** Returns the u8 value written on the wire. */
  public int wireCode() {
    return wireCode;
  }

  /**
   * Returns the type for a wire value.
   *
   * @param wireCode the u8 value read from the wire, 0..255
   * @return the type, or empty if this side does not know it
   */
  public static Optional<MessageType> fromWire(int wireCode) {
    for (MessageType type : values()) {
      if (type.wireCode == wireCode) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
