/**
 * {@code safehouse audit}: the auditor's verifier and monitor for the audit log. Learns the log key
 * from a verified enclave attestation, verifies signed checkpoints, checks each new checkpoint is
 * consistent with the last one seen (state in {@code ~/.safehouse/audit-monitor.json}), replays all
 * entries to find the first bad index, and verifies receipts offline.
 *
 * <p>The verification logic ({@link dev.safehouse.cli.audit.CheckpointVerifier}, {@link
 * dev.safehouse.cli.audit.ConsistencyCheck}, {@link dev.safehouse.cli.audit.LogReplay}, {@link
 * dev.safehouse.cli.audit.FirstBadIndex}, {@link dev.safehouse.cli.audit.ReceiptVerifier}, {@link
 * dev.safehouse.cli.audit.LogMonitor}) is plain Java over already fetched data and an {@link
 * dev.safehouse.cli.audit.AuditLogSource}; only {@link dev.safehouse.cli.audit.AuditApi} talks
 * HTTP. Depends on {@code audit}, {@code crypto} and {@code cli.provider}'s client; nothing depends
 * on it but {@code cli}.
 */
package dev.safehouse.cli.audit;
