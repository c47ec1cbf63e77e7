-- Accord schema, version 4: the audit hash chain. Same rules as V1-V3: portable between H2 2.x
-- and MariaDB 10.11, instants as BIGINT epoch microseconds (UTC), byte arrays as BLOB.

-- Chain position, assigned by the audit chainer when it links an entry (1, 2, 3... without gaps).
-- Not the insertion seq: identity values can commit out of order and leave gaps after rollbacks.
-- NULL while unlinked; a position is used at most once.
ALTER TABLE audit_entry ADD COLUMN chain_pos BIGINT;
ALTER TABLE audit_entry ADD CONSTRAINT uq_audit_chain_pos UNIQUE (chain_pos);
ALTER TABLE audit_entry ADD CONSTRAINT ck_audit_linked CHECK (
    (chain_pos IS NULL AND chain_hash IS NULL) OR (chain_pos IS NOT NULL AND chain_hash IS NOT NULL));

-- Heads of the chain signed with Accord's audit key (Ed25519), one per chainer run that linked
-- something; a copy of each is appended to a file outside the database.
CREATE TABLE audit_head (
    chain_pos  BIGINT      NOT NULL,
    chain_hash CHAR(64)    NOT NULL,
    signature  BLOB        NOT NULL,
    signed_at  BIGINT      NOT NULL,
    key_id     VARCHAR(64) NOT NULL,
    PRIMARY KEY (chain_pos)
);
