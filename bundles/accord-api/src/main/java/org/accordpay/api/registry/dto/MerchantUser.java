package org.accordpay.api.registry.dto;

import java.time.Instant;

/**
 * An account of the merchant console (never its password hash).
 *
 * @param id                Accord's id of the account ({@code mu_...})
 * @param merchantId        the merchant whose orders the account sees, and no other
 * @param login             the sign-in name, lower case
 * @param createdAt         when it was created
 * @param passwordChangedAt when its password was last set
 * @since 1.2
 */
public record MerchantUser(String id, String merchantId, String login, Instant createdAt, Instant passwordChangedAt) {
}
