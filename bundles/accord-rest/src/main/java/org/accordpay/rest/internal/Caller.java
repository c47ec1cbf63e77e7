package org.accordpay.rest.internal;

import java.security.Principal;
import org.accordpay.api.purchase.Mode;

/**
 * The authenticated merchant of one request: who signed, with which key, in which mode.
 *
 * @param merchantId the merchant
 * @param keyId      the key that signed
 * @param mode       the key's mode: what the request creates and sees
 * @param bodySha256 hex SHA-256 of the request body
 */
record Caller(String merchantId, String keyId, Mode mode, String bodySha256) implements Principal {

    @Override
    public String getName() {
        return merchantId;
    }
}
