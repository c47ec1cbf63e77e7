-- Accord schema, version 12: hosted checkout. A purchase the merchant opened without a customer keeps
-- the SHA-256 of its checkout token (never the token); its customer_id is '' until the buyer identifies
-- on Accord's payment page (the store maps '' to "no customer").
ALTER TABLE purchase ADD COLUMN checkout_token_sha256 VARCHAR(64);
CREATE UNIQUE INDEX ux_purchase_checkout_token ON purchase (checkout_token_sha256);
