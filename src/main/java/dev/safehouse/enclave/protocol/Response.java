package dev.safehouse.enclave.protocol;

/**
 * A message the enclave sends to the host in answer to one {@link Request}, under the same request
 * id. {@link ErrorResponse} may answer any request.
 */
public sealed interface Response extends Message
    permits StatusResponse,
        ScoreResponse,
        QueryRunResponse,
        AuditResumeResponse,
        AuditAppendResponse,
        TableCountsResponse,
        LoadResponse,
        InitResponse,
        AttestResponse,
        ErrorResponse {}
