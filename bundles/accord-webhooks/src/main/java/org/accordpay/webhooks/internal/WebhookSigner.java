package org.accordpay.webhooks.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.accordpay.crypto.SigningKeyFile;

/**
 * Signs deliveries: {@code Accord-Signature: t=<epoch seconds>,v1=<base64 Ed25519>} over
 * {@code t + "." + body}, with {@code Accord-Key-Id} naming the key. A merchant checks the
 * signature with Accord's public key and refuses a timestamp older than a few minutes.
 */
final class WebhookSigner {

    private final SigningKeyFile key;

    WebhookSigner(SigningKeyFile key) {
        this.key = key;
    }

    String keyId() {
        return key.keyId();
    }

    byte[] publicKey() {
        return key.publicKey();
    }

    /** @return the {@code Accord-Signature} header value */
    String signature(long epochSeconds, String body) {
        byte[] message = (epochSeconds + "." + body).getBytes(StandardCharsets.UTF_8);
        return "t=" + epochSeconds + ",v1=" + Base64.getEncoder().encodeToString(key.sign(message));
    }
}
