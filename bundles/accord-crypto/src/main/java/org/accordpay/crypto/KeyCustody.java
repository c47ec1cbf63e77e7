package org.accordpay.crypto;

/**
 * Accord's long-term keys, reached one operation at a time so a hardware security module can hold
 * them later: nothing here hands out a key-encryption key or the HPKE private key.
 * Implementations must be thread-safe.
 */
public interface KeyCustody {

    /**
     * Wraps a per-customer data key under the current key-encryption key. The result names the KEK
     * version it was wrapped with (first 4 bytes, big-endian, in the in-memory implementation) and
     * is bound to {@code aad}.
     */
    byte[] wrapDataKey(byte[] dataKey, byte[] aad);

    /** Unwraps with whichever KEK version {@code wrapped} names; {@link IntegrityException} if altered. */
    SecretBytes unwrapDataKey(byte[] wrapped, byte[] aad) throws IntegrityException;

    /** The KEK version a wrapped key names, without unwrapping it (for rotation). */
    int keyVersionOf(byte[] wrapped);

    /** HPKE (base mode, {@link Hpke} suite) open with Accord's response private key. */
    byte[] openResponse(byte[] hpkeEnc, byte[] ciphertext, byte[] info, byte[] aad) throws IntegrityException;

    /** Accord's HPKE public key (32-byte X25519), given to handsets in the provisioning package. */
    byte[] serverPublicKey();

    /** Version of the KEK that {@link #wrapDataKey} uses now. */
    int currentKeyVersion();
}
