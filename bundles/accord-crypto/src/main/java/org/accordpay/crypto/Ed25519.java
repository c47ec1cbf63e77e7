package org.accordpay.crypto;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** Ed25519 (RFC 8032, pure) with BouncyCastle's {@link Ed25519Signer}. */
public final class Ed25519 {
    public static final int KEY_LENGTH = 32;
    public static final int SIGNATURE_LENGTH = 64;

    private Ed25519() {
    }

    public static RawKeyPair generate() {
        return fromPrivate(Randomness.bytes(KEY_LENGTH));
    }

    /** Builds the pair from a 32-byte private key (seed), which is copied; the caller zeroes its array. */
    public static RawKeyPair fromPrivate(byte[] seed) {
        if (seed.length != KEY_LENGTH) {
            throw new IllegalArgumentException("Ed25519 private key must be 32 bytes");
        }
        Ed25519PrivateKeyParameters sk = new Ed25519PrivateKeyParameters(seed, 0);
        return new RawKeyPair(SecretBytes.copyOf(seed), sk.generatePublicKey().getEncoded());
    }

    public static byte[] sign(SecretBytes privateKey, byte[] message) {
        return privateKey.apply(k -> {
            Ed25519Signer signer = new Ed25519Signer();
            signer.init(true, new Ed25519PrivateKeyParameters(k, 0));
            signer.update(message, 0, message.length);
            return signer.generateSignature();
        });
    }

    /**
     * Signs with a key pair whose public half is already known, so it is not derived again for each
     * signature (that derivation costs as much as the signature itself): for keys that sign often.
     */
    public static byte[] sign(RawKeyPair pair, byte[] message) {
        byte[] publicKey = pair.publicKey();
        return pair.privateKey().apply(k -> {
            byte[] signature = new byte[SIGNATURE_LENGTH];
            org.bouncycastle.math.ec.rfc8032.Ed25519.sign(k, 0, publicKey, 0, message, 0, message.length, signature, 0);
            return signature;
        });
    }

    /** False for any malformed key or signature; never throws on attacker input. */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey == null || publicKey.length != KEY_LENGTH || signature == null
                || signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        try {
            Ed25519Signer verifier = new Ed25519Signer();
            verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
            verifier.update(message, 0, message.length);
            return verifier.verifySignature(signature);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
