-- Accord schema, version 3: re-provisioning (docs/handset-protocol.md, section 10). Same rules
-- as V1 and V2: portable between H2 2.x and MariaDB 10.11, instants as BIGINT epoch
-- microseconds (UTC), byte arrays as BLOB (opaque to the store: sealed by the caller).

-- The next table generation, prepared by a re-provisioning and waiting for the handset's signed
-- acknowledgement; all five columns are NULL when none is pending. Until the acknowledgement the
-- current columns (table_id, generation, sealed_table, device_transport_key) stay the ones used.
ALTER TABLE customer_credential ADD COLUMN pending_table_id VARCHAR(64);
ALTER TABLE customer_credential ADD COLUMN pending_generation INT;
ALTER TABLE customer_credential ADD COLUMN pending_sealed_table BLOB;
ALTER TABLE customer_credential ADD COLUMN pending_transport_key BLOB;
ALTER TABLE customer_credential ADD COLUMN pending_since BIGINT;
ALTER TABLE customer_credential ADD CONSTRAINT ck_credential_pending CHECK (
    (pending_table_id IS NULL AND pending_generation IS NULL AND pending_sealed_table IS NULL
        AND pending_transport_key IS NULL AND pending_since IS NULL)
    OR (pending_table_id IS NOT NULL AND pending_generation IS NOT NULL AND pending_sealed_table IS NOT NULL
        AND pending_transport_key IS NOT NULL AND pending_since IS NOT NULL));

-- When an APPROVED challenge authorised a re-provisioning (NULL: never). Set once, compare-and-set:
-- one approval authorises at most one re-provisioning.
ALTER TABLE challenge ADD COLUMN reprovisioned_at BIGINT;
