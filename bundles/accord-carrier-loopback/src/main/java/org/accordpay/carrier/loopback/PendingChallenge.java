package org.accordpay.carrier.loopback;

import java.time.Instant;

/**
 * A challenge shown on a simulated handset's screen and not answered yet; only what the handset
 * read from the authenticated challenge.
 *
 * @param phoneE164    the handset
 * @param amountMinor  amount in minor units
 * @param currency     ISO 4217 code
 * @param merchantName the merchant's display name
 * @param testMode     true for a test-mode purchase
 * @param expiresAt    when Accord stops accepting an answer
 * @param text         the line the screen shows, e.g. "Pay 49.99 EUR to Librairie Duval?"
 */
public record PendingChallenge(String phoneE164, long amountMinor, String currency, String merchantName,
        boolean testMode, Instant expiresAt, String text) {
}
