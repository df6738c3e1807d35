-- The audit log: RFC 6962 Merkle tree over canonical JSON entries (issue 4).
-- Leaves are dense (0, 1, 2, ...): the single writer assigns indices under an advisory lock
-- inside the transaction that inserts them, so a rolled-back append leaves no gap.

CREATE TABLE audit_leaf (
    leaf_index   bigint PRIMARY KEY CHECK (leaf_index >= 0),
    entry        bytea NOT NULL,
    leaf_hash    bytea NOT NULL CHECK (length(leaf_hash) = 32),
    subject_uscc varchar(18),
    logged_at    timestamptz NOT NULL DEFAULT now()
);

-- An enterprise's access history: the entries that concern its code, newest first.
CREATE INDEX audit_leaf_by_subject ON audit_leaf (subject_uscc, leaf_index DESC)
    WHERE subject_uscc IS NOT NULL;

-- Hash of every perfect subtree: level 0 = leaf hashes, level L covers 2^L leaves from
-- node_index * 2^L. Proofs read O(log n) of these.
CREATE TABLE audit_node (
    level      smallint NOT NULL CHECK (level BETWEEN 0 AND 62),
    node_index bigint NOT NULL CHECK (node_index >= 0),
    hash       bytea NOT NULL CHECK (length(hash) = 32),
    PRIMARY KEY (level, node_index)
);

-- Checkpoints as the enclave signed them (C2SP signed notes).
CREATE TABLE audit_checkpoint (
    tree_size bigint PRIMARY KEY CHECK (tree_size >= 0),
    root      bytea NOT NULL CHECK (length(root) = 32),
    note      text NOT NULL,
    signed_at timestamptz NOT NULL DEFAULT now()
);

-- Defence in depth: the audit tables are append-only. (A superuser can still disable triggers;
-- that is what signed checkpoints and monitors are for.)
CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit tables are append-only: % on % refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_leaf_append_only BEFORE UPDATE OR DELETE ON audit_leaf
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_leaf_no_truncate BEFORE TRUNCATE ON audit_leaf
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_node_append_only BEFORE UPDATE OR DELETE ON audit_node
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_node_no_truncate BEFORE TRUNCATE ON audit_node
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON audit_checkpoint
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
