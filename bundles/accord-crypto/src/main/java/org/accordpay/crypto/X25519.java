package org.accordpay.crypto;

import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;

/** X25519 key agreement (RFC 7748) with BouncyCastle; an all-zero shared secret is refused. */
public final class X25519 {
    public static final int KEY_LENGTH = 32;

    private X25519() {
    }

    public static RawKeyPair generate() {
        return fromPrivate(Randomness.bytes(KEY_LENGTH));
    }

    /** Builds the pair from a 32-byte private key, which is copied; the caller zeroes its array. */
    public static RawKeyPair fromPrivate(byte[] privateKey) {
        if (privateKey.length != KEY_LENGTH) {
            throw new IllegalArgumentException("X25519 private key must be 32 bytes");
        }
        X25519PrivateKeyParameters sk = new X25519PrivateKeyParameters(privateKey, 0);
        return new RawKeyPair(SecretBytes.copyOf(privateKey), sk.generatePublicKey().getEncoded());
    }

    /** The raw shared secret; throws {@link IntegrityException} for a low-order peer key. */
    public static SecretBytes agree(SecretBytes privateKey, byte[] peerPublicKey) throws IntegrityException {
        if (peerPublicKey == null || peerPublicKey.length != KEY_LENGTH) {
            throw new IntegrityException("bad X25519 public key");
        }
        byte[] out = new byte[KEY_LENGTH];
        boolean ok = privateKey.apply(k -> {
            try {
                new X25519PrivateKeyParameters(k, 0)
                        .generateSecret(new X25519PublicKeyParameters(peerPublicKey, 0), out, 0);
                return true;
            } catch (IllegalStateException e) {
                return false;
            }
        });
        if (!ok) {
            SecretBytes.zero(out);
            throw new IntegrityException("X25519 agreement failed");
        }
        return SecretBytes.adopt(out);
    }
}
