package dev.safehouse.enclave.protocol;

/**
 * A message the host sends to the enclave and that the enclave answers with exactly one {@link
 * Response} carrying the same request id.
 *
 * <p>New request kinds are added here, together with a {@link MessageType}, a payload layout in
 * {@link FrameCodec} and a handler in the enclave.
 */
public sealed interface Request extends Message
    permits StatusRequest,
        ScoreRequest,
        QueryRunRequest,
        TableCountsRequest,
        LoadRequest,
        InitRequest,
        AttestRequest,
        AuditResumeRequest,
        AuditAppendRequest {}
