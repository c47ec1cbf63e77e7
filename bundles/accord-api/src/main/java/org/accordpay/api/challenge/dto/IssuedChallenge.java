package org.accordpay.api.challenge.dto;

import java.time.Instant;

/**
 * A challenge ready to send: a sealed binary message for the handset agent and an untrusted
 * human-readable text next to it.
 *
 * @param challengeId   128-bit random id, hex
 * @param customerId    opaque customer id
 * @param sealedMessage the challenge message, encrypted and authenticated for the device
 * @param text          human-readable SMS text (untrusted by the handset)
 * @param expiresAt     when the challenge stops being answerable
 */
public record IssuedChallenge(String challengeId, String customerId, byte[] sealedMessage, String text,
        Instant expiresAt) {
}
