package org.accordpay.rest.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * The merchant's request signature: Ed25519 over
 * {@code METHOD \n path-with-query \n timestamp \n hex(sha256(body))}, the timestamp exactly as sent.
 */
final class RequestSignature {

    private RequestSignature() {
    }

    /** @return the bytes a merchant signs */
    static byte[] canonical(String method, String pathWithQuery, String timestamp, String bodySha256Hex) {
        return (method + "\n" + pathWithQuery + "\n" + timestamp + "\n" + bodySha256Hex)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** @return true when {@code signatureBase64} is a valid Ed25519 signature of {@code message} by {@code publicKey} */
    static boolean verify(byte[] publicKey, byte[] message, String signatureBase64) {
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(signatureBase64.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (signature.length != Ed25519PublicKeyParameters.KEY_SIZE * 2 || publicKey.length != Ed25519PublicKeyParameters.KEY_SIZE) {
            return false;
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }

    /**
     * @param header RFC 3339 date-time with offset, or whole epoch seconds
     * @return the instant, or null when the header is neither
     */
    static Instant parseTimestamp(String header) {
        String t = header.strip();
        if (t.matches("\\d{1,12}")) {
            return Instant.ofEpochSecond(Long.parseLong(t));
        }
        try {
            return OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** @return true when {@code at} is within {@code tolerance} of {@code now}, either way */
    static boolean fresh(Instant at, Instant now, Duration tolerance) {
        return !at.isBefore(now.minus(tolerance)) && !at.isAfter(now.plus(tolerance));
    }
}
