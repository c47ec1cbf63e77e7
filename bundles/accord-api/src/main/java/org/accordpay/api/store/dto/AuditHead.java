package org.accordpay.api.store.dto;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A signed head of the audit hash chain: Accord's audit key vouches that the chain up to
 * {@code chainPos} ends in {@code chainHash}.
 *
 * @param chainPos  position of the last entry covered
 * @param chainHash chain hash (hex) at that position
 * @param signature Ed25519 signature over the head (see the audit bundle for the signed encoding)
 * @param signedAt  when it was signed (microsecond precision)
 * @param keyId     identifies the signing key: hex of the first 8 bytes of SHA-256(public key)
 */
public record AuditHead(long chainPos, String chainHash, byte[] signature, Instant signedAt, String keyId) {

    public AuditHead {
        Objects.requireNonNull(chainHash, "chain hash");
        signature = Objects.requireNonNull(signature, "signature").clone();
        Objects.requireNonNull(signedAt, "signed at");
        Objects.requireNonNull(keyId, "key id");
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuditHead h && chainPos == h.chainPos && chainHash.equals(h.chainHash)
                && Arrays.equals(signature, h.signature) && signedAt.equals(h.signedAt) && keyId.equals(h.keyId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(chainPos, chainHash, Arrays.hashCode(signature), signedAt, keyId);
    }

    @Override
    public String toString() {
        return "AuditHead[chainPos=" + chainPos + ", chainHash=" + chainHash + ", signedAt=" + signedAt
                + ", keyId=" + keyId + "]";
    }
}
