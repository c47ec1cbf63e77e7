-- Accord schema, version 15: merchants' identification tables (the patent's table of the merchant
-- site, options of steps 2 and 7) and the challenges issued on them. Same rules as V2: the table is
-- sealed by the challenge engine (opaque BLOB), instants are BIGINT epoch microseconds. The used-cell
-- log of V2 (used_cell) also records merchants' cells, under the owner id 'merchant:<id>'.
CREATE TABLE merchant_table (
    merchant_id      VARCHAR(64) NOT NULL,
    table_id         VARCHAR(64) NOT NULL,
    generation       INT         NOT NULL,
    sealed_table     BLOB        NOT NULL,
    wrapped_data_key BLOB        NOT NULL,
    key_version      INT         NOT NULL,
    cells            INT         NOT NULL,
    remaining_cells  INT         NOT NULL,
    threshold_minor  BIGINT      NOT NULL,
    currency         VARCHAR(3)  NOT NULL,
    issued_at        BIGINT      NOT NULL,
    updated_at       BIGINT      NOT NULL,
    version          BIGINT      NOT NULL,
    PRIMARY KEY (merchant_id)
);

CREATE TABLE merchant_challenge (
    id             VARCHAR(64) NOT NULL,
    merchant_id    VARCHAR(64) NOT NULL,
    table_id       VARCHAR(64) NOT NULL,
    generation     INT         NOT NULL,
    cell_address   INT         NOT NULL,
    request_digest VARCHAR(64) NOT NULL,
    binding        BLOB        NOT NULL,
    issued_at      BIGINT      NOT NULL,
    expires_at     BIGINT      NOT NULL,
    state          VARCHAR(16) NOT NULL,
    answered_at    BIGINT,
    PRIMARY KEY (id)
);
CREATE INDEX ix_merchant_challenge_merchant ON merchant_challenge (merchant_id, issued_at);
