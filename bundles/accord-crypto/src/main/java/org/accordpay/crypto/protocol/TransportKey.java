package org.accordpay.crypto.protocol;

import org.accordpay.crypto.Hkdf;
import org.accordpay.crypto.IntegrityException;
import org.accordpay.crypto.SecretBytes;
import org.accordpay.crypto.X25519;

/**
 * The per-device transport key (claim 9): {@code HKDF-SHA256(salt = deviceId, ikm = X25519(shared),
 * info = u16len "accord/v1/transport-key" || u16len deviceAgreementPublicKey ||
 * u16len accordTransportPublicKey, L = 32)}, an AES-256-GCM key for messages to the phone.
 * Accord's X25519 key is ephemeral, made for one (re-)provisioning and then forgotten; only the
 * derived key is kept (wrapped).
 */
public final class TransportKey {
    private TransportKey() {
    }

    public static SecretBytes derive(SecretBytes ownPrivateKey, byte[] peerPublicKey, byte[] deviceId,
            byte[] deviceAgreementPublicKey, byte[] accordTransportPublicKey) throws IntegrityException {
        try (SecretBytes shared = X25519.agree(ownPrivateKey, peerPublicKey)) {
            byte[] info = new ByteWriter().bytes16(Protocol.LABEL_TRANSPORT).bytes16(deviceAgreementPublicKey)
                    .bytes16(accordTransportPublicKey).toByteArray();
            return shared.apply(ikm -> Hkdf.sha256(deviceId, ikm, info, 32));
        }
    }
}
