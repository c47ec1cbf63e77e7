package org.accordpay.api.purchase.dto;

import java.time.Instant;

/**
 * A purchase opened for Accord's hosted payment page.
 *
 * @param purchase  the purchase, in state AWAITING_CUSTOMER
 * @param token     the unguessable checkout token (256 bits, base64url); Accord keeps only its SHA-256
 * @param expiresAt when the purchase expires if no customer was attached
 * @since 1.1
 */
public record HostedCheckout(Purchase purchase, String token, Instant expiresAt) {
}
