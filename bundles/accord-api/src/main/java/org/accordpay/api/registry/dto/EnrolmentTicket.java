package org.accordpay.api.registry.dto;

import java.time.Instant;

/**
 * Where an enrolment stands.
 *
 * @param enrolmentId     the enrolment
 * @param customerId      the customer being enrolled
 * @param phoneE164       the normalised phone number the code went to
 * @param enrolmentNonce  16 random bytes the handset signs into its enrolment request
 * @param state           current step
 * @param expiresAt       when the enrolment stops being completable
 */
public record EnrolmentTicket(String enrolmentId, String customerId, String phoneE164, byte[] enrolmentNonce,
        EnrolmentState state, Instant expiresAt) {
    /** Copies the nonce. */
    public EnrolmentTicket {
        enrolmentNonce = enrolmentNonce == null ? null : enrolmentNonce.clone();
    }

    /** @return a copy of the nonce */
    @Override
    public byte[] enrolmentNonce() {
        return enrolmentNonce == null ? null : enrolmentNonce.clone();
    }
}
