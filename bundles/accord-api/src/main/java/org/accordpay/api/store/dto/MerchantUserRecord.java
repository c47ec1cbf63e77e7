package org.accordpay.api.store.dto;

import java.time.Instant;

/**
 * An account of the merchant console as stored.
 *
 * @param id                Accord's id ({@code mu_...})
 * @param merchantId        the merchant
 * @param login             sign-in name, lower case, unique
 * @param passwordHash      Argon2id hash in the PHC string format
 * @param createdAt         when created
 * @param passwordChangedAt when the password was last set
 * @since 1.4
 */
public record MerchantUserRecord(String id, String merchantId, String login, String passwordHash, Instant createdAt,
        Instant passwordChangedAt) {
}
