package org.accordpay.crypto.protocol;

/**
 * Why a protocol message was refused. For server logs and handset diagnostics only: the sender
 * of a message is never told which element failed.
 */
public enum Refusal {
    /** The bytes end before the layout does. */
    TRUNCATED,
    /** Bytes follow the end of the layout. */
    TRAILING_BYTES,
    /** A field has a value the layout forbids (length, charset, range, enum). */
    MALFORMED,
    /** Protocol version older than the oldest this implementation accepts. */
    VERSION_TOO_OLD,
    /** Protocol version newer than this implementation knows ("handset too old" on a phone). */
    VERSION_TOO_NEW,
    /** Algorithm suite not known for this version. */
    UNSUPPORTED_SUITE,
    /** A message of another type where this one was expected. */
    WRONG_MESSAGE_TYPE,
    /** The message names another device (or customer) than the receiver. */
    WRONG_ADDRESSEE,
    /** AES-GCM or HPKE authentication failed. */
    DECRYPTION_FAILED,
    /** The device signature does not verify. */
    BAD_SIGNATURE,
    /** The signed content names another device than the envelope. */
    DEVICE_MISMATCH,
    /** Past its expiry. */
    EXPIRED,
    /** Issued in the future (beyond the allowed clock skew) or lifetime over the maximum. */
    NOT_YET_VALID,
    /** The challenged cell was already used (erased). */
    ERASED_ADDRESS,
    /** A challenge id seen before. */
    REPLAYED,
    /** Table id or generation other than the current one. */
    STALE_TABLE,
    /** The response does not match the challenge (transcript hash or MAC). */
    MISMATCH
}
