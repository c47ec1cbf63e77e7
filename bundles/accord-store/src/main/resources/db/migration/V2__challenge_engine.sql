-- Accord schema, version 2: what the challenge engine needs (identification tables,
-- challenges, lock-out). Same rules as V1: portable between H2 2.x and MariaDB 10.11,
-- instants as BIGINT epoch microseconds (UTC), enums as VARCHAR names, byte arrays as BLOB
-- (opaque to the store: already signed, wrapped or sealed by the caller; MariaDB BLOB holds
-- up to 65,535 bytes).

-- One row per enrolled customer. customer_id is opaque: no foreign key.
CREATE TABLE customer_credential (
    customer_id          VARCHAR(64)  NOT NULL,
    device_id            VARCHAR(128) NOT NULL,
    device_signing_key   BLOB         NOT NULL,
    device_transport_key BLOB         NOT NULL,
    table_id             VARCHAR(64)  NOT NULL,
    generation           INT          NOT NULL,
    sealed_table         BLOB         NOT NULL,
    wrapped_data_key     BLOB         NOT NULL,
    key_version          INT          NOT NULL,
    remaining_cells      INT          NOT NULL,
    consecutive_failures INT          NOT NULL,
    locked_at            BIGINT,
    lock_reason          VARCHAR(255),
    enrolled_at          BIGINT       NOT NULL,
    updated_at           BIGINT       NOT NULL,
    version              BIGINT       NOT NULL,
    PRIMARY KEY (customer_id)
);
CREATE UNIQUE INDEX ux_credential_device ON customer_credential (device_id);
CREATE INDEX ix_credential_locked ON customer_credential (locked_at);
CREATE INDEX ix_credential_key_version ON customer_credential (key_version, customer_id);

-- Failed answers, for "n failures in d days" (never updated; old rows may be purged).
CREATE TABLE credential_failure (
    seq         BIGINT      NOT NULL AUTO_INCREMENT,
    customer_id VARCHAR(64) NOT NULL,
    at          BIGINT      NOT NULL,
    PRIMARY KEY (seq)
);
CREATE INDEX ix_credential_failure_customer ON credential_failure (customer_id, at);

-- open_customer_id equals customer_id while state = 'OPEN' and is NULL otherwise: its unique
-- constraint allows one OPEN challenge per customer (both H2 and MariaDB let a UNIQUE column
-- hold any number of NULLs), without partial indexes, which MariaDB lacks.
CREATE TABLE challenge (
    id               VARCHAR(64)  NOT NULL,
    customer_id      VARCHAR(64)  NOT NULL,
    cell_address     INT          NOT NULL,
    purchase_id      VARCHAR(64),
    mode             VARCHAR(8)   NOT NULL,
    binding          BLOB         NOT NULL,
    issued_at        BIGINT       NOT NULL,
    expires_at       BIGINT       NOT NULL,
    state            VARCHAR(16)  NOT NULL,
    answered_at      BIGINT,
    attempt_counted  BOOLEAN      NOT NULL,
    open_customer_id VARCHAR(64),
    PRIMARY KEY (id),
    CONSTRAINT uq_challenge_open_customer UNIQUE (open_customer_id),
    CONSTRAINT ck_challenge_open_customer CHECK ((state = 'OPEN' AND open_customer_id = customer_id)
        OR (state <> 'OPEN' AND open_customer_id IS NULL))
);
CREATE INDEX ix_challenge_customer_issued ON challenge (customer_id, issued_at);
CREATE INDEX ix_challenge_state_expires ON challenge (state, expires_at);

-- Cells already used, per table generation: the primary key makes each use once-only.
CREATE TABLE used_cell (
    customer_id  VARCHAR(64) NOT NULL,
    table_id     VARCHAR(64) NOT NULL,
    generation   INT         NOT NULL,
    cell_address INT         NOT NULL,
    used_at      BIGINT      NOT NULL,
    PRIMARY KEY (customer_id, table_id, generation, cell_address)
);
