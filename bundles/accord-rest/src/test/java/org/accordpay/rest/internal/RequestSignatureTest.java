package org.accordpay.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class RequestSignatureTest {

    @Test
    void aJdkEd25519SignatureOverTheCanonicalStringVerifies() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] spki = pair.getPublic().getEncoded();
        byte[] raw = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
        byte[] message = RequestSignature.canonical("POST", "/v1/purchases?x=1", "1764000000",
                Hashes.sha256Hex("{}".getBytes()));
        assertThat(new String(message)).isEqualTo("POST\n/v1/purchases?x=1\n1764000000\n"
                + "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(pair.getPrivate());
        signer.update(message);
        String signature = Base64.getEncoder().encodeToString(signer.sign());

        assertThat(RequestSignature.verify(raw, message, signature)).isTrue();
        message[0] = 'G';
        assertThat(RequestSignature.verify(raw, message, signature)).isFalse();
        assertThat(RequestSignature.verify(raw, message, "not base64!")).isFalse();
        assertThat(RequestSignature.verify(raw, message, "AAAA")).isFalse();
    }

    @Test
    void timestampsAreRfc3339OrEpochSecondsWithinTheTolerance() {
        Instant now = Instant.parse("2026-11-25T12:00:00Z");
        assertThat(RequestSignature.parseTimestamp("2026-11-25T12:04:59Z")).isEqualTo(now.plusSeconds(299));
        assertThat(RequestSignature.parseTimestamp("2026-11-25T13:00:00+01:00")).isEqualTo(now);
        assertThat(RequestSignature.parseTimestamp(String.valueOf(now.getEpochSecond()))).isEqualTo(now);
        assertThat(RequestSignature.parseTimestamp("yesterday")).isNull();
        Duration five = Duration.ofMinutes(5);
        assertThat(RequestSignature.fresh(now.plusSeconds(300), now, five)).isTrue();
        assertThat(RequestSignature.fresh(now.minusSeconds(301), now, five)).isFalse();
        assertThat(RequestSignature.fresh(now.plusSeconds(301), now, five)).isFalse();
    }

    @Test
    void everyRefusalCodeHasAFourHundredStatusButTheBank() {
        for (String code : new String[] {"unknown-merchant", "merchant-not-admitted", "unknown-customer",
            "customer-locked", "customer-not-active", "invalid-amount", "invalid-currency", "invalid-request",
            "wrong-state", "unknown-purchase", "debit-in-progress", "rate-limited", "challenge-cap-reached",
            "challenge-open", "disputed", "something-new"}) {
            assertThat(Problems.status(code)).as(code).isBetween(400, 499);
        }
        assertThat(Problems.status("bank-unavailable")).isEqualTo(503);
    }
}
