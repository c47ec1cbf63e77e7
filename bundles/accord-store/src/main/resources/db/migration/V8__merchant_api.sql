-- Accord schema, version 8: the merchant API. Merchants' Ed25519 public keys (never private keys),
-- idempotency keys with the answer given (kept at least 24 h), and the request signatures seen
-- within the timestamp tolerance (replay protection that survives a restart).

CREATE TABLE merchant_api_key (
    key_id      VARCHAR(64) NOT NULL,
    merchant_id VARCHAR(64) NOT NULL,
    mode        VARCHAR(8)  NOT NULL,
    public_key  VARCHAR(64) NOT NULL,
    created_at  BIGINT      NOT NULL,
    revoked_at  BIGINT,
    PRIMARY KEY (key_id)
);
CREATE UNIQUE INDEX ux_merchant_api_key_public ON merchant_api_key (public_key);
CREATE INDEX ix_merchant_api_key_merchant ON merchant_api_key (merchant_id, created_at);

CREATE TABLE api_idempotency (
    id              VARCHAR(200) NOT NULL,
    merchant_id     VARCHAR(64)  NOT NULL,
    idempotency_key VARCHAR(128) NOT NULL,
    request_hash    VARCHAR(64)  NOT NULL,
    status          INT          NOT NULL,
    body            BLOB,
    created_at      BIGINT       NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_api_idempotency_created ON api_idempotency (created_at);

CREATE TABLE api_signature_seen (
    digest  VARCHAR(64) NOT NULL,
    key_id  VARCHAR(64) NOT NULL,
    seen_at BIGINT      NOT NULL,
    PRIMARY KEY (digest)
);
CREATE INDEX ix_api_signature_seen_at ON api_signature_seen (seen_at);
