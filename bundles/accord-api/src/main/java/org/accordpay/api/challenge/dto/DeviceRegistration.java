package org.accordpay.api.challenge.dto;

/**
 * The public keys a handset generated for itself at enrolment (handset protocol v1).
 *
 * @param signingPublicKey   Ed25519 public key; signs every response (non-repudiation)
 * @param agreementPublicKey X25519 public key; Accord derives the per-device transport key from it
 */
public record DeviceRegistration(byte[] signingPublicKey, byte[] agreementPublicKey) {
}
