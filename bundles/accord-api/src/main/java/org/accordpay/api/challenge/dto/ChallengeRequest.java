package org.accordpay.api.challenge.dto;

import org.accordpay.api.purchase.Mode;

/**
 * What the customer is asked to approve: the handset shows exactly this and signs it.
 *
 * @param customerId          opaque customer id
 * @param purchaseId          the purchase the approval is bound to
 * @param amountMinor         amount in minor units
 * @param currency            ISO 4217 code
 * @param merchantId          the merchant's id
 * @param merchantDisplayName the name shown on the handset
 * @param mode                live or test
 */
public record ChallengeRequest(String customerId, String purchaseId, long amountMinor, String currency,
        String merchantId, String merchantDisplayName, Mode mode) {
}
