package org.accordpay.crypto.protocol;

import java.nio.charset.StandardCharsets;

/** Constants of handset protocol version 1 (docs/handset-protocol.md). */
public final class Protocol {
    private Protocol() {
    }

    /** The version this implementation writes. */
    public static final int VERSION = 1;
    /** Oldest version accepted. */
    public static final int MIN_VERSION = 1;
    /** Newest version accepted. */
    public static final int MAX_VERSION = 1;

    /**
     * Suite 1: X25519 + HKDF-SHA256 transport key, AES-256-GCM messages to the phone,
     * HMAC-SHA256/128 response MAC, Ed25519 device signature, HPKE
     * DHKEM(X25519,HKDF-SHA256)/HKDF-SHA256/AES-128-GCM to Accord, Argon2id + AES-256-CTR PIN encoding.
     */
    public static final int SUITE_1 = 1;

    public static final int TYPE_PROVISIONING = 0x01;
    public static final int TYPE_CHALLENGE = 0x02;
    public static final int TYPE_RESPONSE = 0x03;
    public static final int TYPE_ENROLMENT_REQUEST = 0x04;
    public static final int TYPE_REPROVISION_REQUEST = 0x05;
    public static final int TYPE_REPROVISION_ACK = 0x06;
    public static final int TYPE_SIGNED_RESPONSE = 0x13;

    public static final int ID_LENGTH = 16;
    public static final int CELL_LENGTH = 16;
    public static final int MAC_LENGTH = 16;
    public static final int MAX_STRING_BYTES = 64;
    public static final int MAX_CELLS = 4096;

    /** Default and maximum challenge lifetime, seconds (policy: 3 minutes, never over 5). */
    public static final long DEFAULT_LIFETIME_SECONDS = 180;
    public static final long MAX_LIFETIME_SECONDS = 300;
    /** Clock skew the handset tolerates, seconds. */
    public static final long HANDSET_CLOCK_SKEW_SECONDS = 60;

    static final byte[] LABEL_MAC = ascii("accord/v1/response-mac");
    static final byte[] LABEL_SIGNATURE = ascii("accord/v1/response-signature");
    static final byte[] LABEL_ENROLMENT = ascii("accord/v1/enrolment");
    static final byte[] LABEL_REPROVISION = ascii("accord/v1/reprovision");
    static final byte[] LABEL_REPROVISION_ACK = ascii("accord/v1/reprovision-ack");
    static final byte[] LABEL_TRANSPORT = ascii("accord/v1/transport-key");
    static final byte[] HPKE_INFO_RESPONSE = ascii("accord/v1/response");

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Checks a version byte: distinct outcomes for too old and too new. */
    static void checkVersion(int version) throws ProtocolException {
        if (version < MIN_VERSION) {
            throw new ProtocolException(Refusal.VERSION_TOO_OLD);
        }
        if (version > MAX_VERSION) {
            throw new ProtocolException(Refusal.VERSION_TOO_NEW);
        }
    }

    static void checkSuite(int suite) throws ProtocolException {
        if (suite != SUITE_1) {
            throw new ProtocolException(Refusal.UNSUPPORTED_SUITE);
        }
    }
}
