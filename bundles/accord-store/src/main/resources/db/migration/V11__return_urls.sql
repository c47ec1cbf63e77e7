-- Accord schema, version 11: the return URLs a merchant registered, per mode; a purchase's return_url
-- must be one of them exactly. The URL is unique per merchant and mode through its SHA-256 (an index
-- on the 1000-character URL itself would exceed MariaDB's key length in utf8mb4).
CREATE TABLE return_url (
    id          VARCHAR(64)   NOT NULL,
    merchant_id VARCHAR(64)   NOT NULL,
    mode        VARCHAR(8)    NOT NULL,
    url         VARCHAR(1000) NOT NULL,
    url_sha256  VARCHAR(64)   NOT NULL,
    created_at  BIGINT        NOT NULL,
    PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ux_return_url ON return_url (merchant_id, mode, url_sha256);
