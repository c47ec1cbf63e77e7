package org.accordpay.crypto.protocol;

import java.util.Arrays;
import java.util.function.IntPredicate;
import org.accordpay.crypto.AesGcm;
import org.accordpay.crypto.Hpke;
import org.accordpay.crypto.IntegrityException;
import org.accordpay.crypto.SecretBytes;

/** Handset-side pure functions of protocol version 1. */
public final class HandsetProtocol {
    private HandsetProtocol() {
    }

    /** An opened provisioning package and the transport key derived for it. */
    public record OpenedProvisioning(ProvisioningPackage pkg, SecretBytes transportKey) implements AutoCloseable {
        @Override
        public void close() {
            pkg.close();
            transportKey.close();
        }
    }

    /**
     * Opens a sealed provisioning package with the device's X25519 key: derives the transport key
     * from Accord's ephemeral key in the header, decrypts and strictly parses the body.
     */
    public static OpenedProvisioning openProvisioning(SecretBytes deviceAgreementPrivate, byte[] deviceAgreementPublic,
            byte[] sealed) throws ProtocolException {
        ByteReader r = new ByteReader(sealed == null ? new byte[0] : sealed);
        int version = r.u8();
        Protocol.checkVersion(version);
        int suite = r.u8();
        Protocol.checkSuite(suite);
        if (r.u8() != Protocol.TYPE_PROVISIONING) {
            throw new ProtocolException(Refusal.WRONG_MESSAGE_TYPE);
        }
        byte[] deviceId = r.fixed(16);
        byte[] accordPub = r.fixed(32);
        byte[] nonce = r.fixed(12);
        byte[] header = Arrays.copyOf(sealed, r.position());
        byte[] ct = r.rest();
        SecretBytes key;
        try {
            key = TransportKey.derive(deviceAgreementPrivate, accordPub, deviceId, deviceAgreementPublic, accordPub);
        } catch (IntegrityException e) {
            throw new ProtocolException(Refusal.MALFORMED);
        }
        byte[] body;
        try {
            body = AesGcm.open(key, nonce, header, ct);
        } catch (IntegrityException e) {
            key.close();
            throw new ProtocolException(Refusal.DECRYPTION_FAILED);
        }
        try {
            ProvisioningPackage pkg = ProvisioningPackage.decodeBody(version, suite, accordPub, body);
            if (!Arrays.equals(pkg.deviceId(), deviceId)) {
                pkg.close();
                throw new ProtocolException(Refusal.WRONG_ADDRESSEE);
            }
            return new OpenedProvisioning(pkg, key);
        } catch (ProtocolException e) {
            key.close();
            throw e;
        } finally {
            Arrays.fill(body, (byte) 0);
        }
    }

    /**
     * Opens a challenge and runs every check the handset makes before asking for the PIN:
     * version (too old / too new), suite, type, addressee (header and body), authenticity of header
     * and body, strict layout, issue time and expiry against {@code nowEpochSeconds} with
     * {@link Protocol#HANDSET_CLOCK_SKEW_SECONDS} tolerance, and the address not erased
     * ({@code isErased} must also answer true for an address outside the table).
     */
    public static Challenge openChallenge(SecretBytes transportKey, byte[] deviceId, byte[] sealed,
            long nowEpochSeconds, IntPredicate isErased) throws ProtocolException {
        Challenge c = decryptChallenge(transportKey, deviceId, sealed);
        checkChallenge(c, nowEpochSeconds, isErased);
        return c;
    }

    /**
     * The first half of {@link #openChallenge}: version, suite, type, addressee, authenticated
     * decryption and strict layout, without the time and address checks (so that a handset can
     * look up the challenge id in its replay list first).
     */
    public static Challenge decryptChallenge(SecretBytes transportKey, byte[] deviceId, byte[] sealed)
            throws ProtocolException {
        byte[] addressee = SealedChallenge.addressee(sealed);
        if (!Arrays.equals(addressee, deviceId)) {
            throw new ProtocolException(Refusal.WRONG_ADDRESSEE);
        }
        byte[] header = Arrays.copyOf(sealed, SealedChallenge.HEADER_LENGTH);
        byte[] nonce = Arrays.copyOfRange(sealed, 19, 31);
        byte[] ct = Arrays.copyOfRange(sealed, SealedChallenge.HEADER_LENGTH, sealed.length);
        byte[] body;
        try {
            body = AesGcm.open(transportKey, nonce, header, ct);
        } catch (IntegrityException e) {
            throw new ProtocolException(Refusal.DECRYPTION_FAILED);
        }
        Challenge c = Challenge.decode(body);
        if (!Arrays.equals(c.deviceId(), deviceId)) {
            throw new ProtocolException(Refusal.WRONG_ADDRESSEE);
        }
        return c;
    }

    /** The second half of {@link #openChallenge}: expiry, issue time and erased address. */
    public static void checkChallenge(Challenge c, long nowEpochSeconds, IntPredicate isErased) throws ProtocolException {
        if (nowEpochSeconds > c.expiresAt() + Protocol.HANDSET_CLOCK_SKEW_SECONDS) {
            throw new ProtocolException(Refusal.EXPIRED);
        }
        if (c.issuedAt() > nowEpochSeconds + Protocol.HANDSET_CLOCK_SKEW_SECONDS) {
            throw new ProtocolException(Refusal.NOT_YET_VALID);
        }
        if (isErased.test(c.cellAddress())) {
            throw new ProtocolException(Refusal.ERASED_ADDRESS);
        }
    }

    /** Builds, signs and HPKE-seals the response (fresh HPKE ephemeral key). */
    public static byte[] buildResponse(byte[] cell, Challenge challenge, Decision decision,
            SecretBytes deviceSigningKey, byte[] accordHpkePublicKey) {
        return sealResponse(SignedResponse.create(cell, challenge, decision, deviceSigningKey), accordHpkePublicKey, null);
    }

    /**
     * HPKE-seals a signed response to Accord. {@code ikmE} non-null derives the ephemeral key
     * deterministically (RFC 9180 DeriveKeyPair): test vectors only.
     */
    public static byte[] sealResponse(SignedResponse response, byte[] accordHpkePublicKey, byte[] ikmE) {
        byte[] plain = response.encode();
        byte[] deviceId = response.deviceId();
        Hpke.Sealed sealed = Hpke.seal(accordHpkePublicKey, Protocol.HPKE_INFO_RESPONSE,
                enc -> ResponseEnvelope.header(deviceId, enc), plain, ikmE);
        return new ByteWriter().raw(ResponseEnvelope.header(deviceId, sealed.enc())).raw(sealed.ciphertext())
                .toByteArray();
    }
}
