package org.accordpay.crypto;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.hpke.HPKEContextWithEncapsulation;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

/**
 * HPKE (RFC 9180) base mode, suite DHKEM(X25519, HKDF-SHA256) / HKDF-SHA256 / AES-128-GCM
 * (KEM 0x0020, KDF 0x0001, AEAD 0x0001), single-shot, with BouncyCastle's {@link HPKE}.
 *
 * <p>Why X25519 rather than P-256: 32-byte encapsulation instead of 65 (the response rides in
 * binary SMS, 128 useful bytes per part), about twice as fast in BouncyCastle, no point
 * validation pitfalls, and it is the suite that phone and Java Card libraries implement first.
 * An HSM without X25519 would get a new suite number; the protocol carries the suite.
 */
public final class Hpke {
    public static final int ENC_LENGTH = 32;
    public static final int KEY_LENGTH = 32;
    public static final int TAG_LENGTH = 16;

    private Hpke() {
    }

    private static HPKE hpke() {
        return new HPKE(HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM128);
    }

    /** A fresh recipient key pair (private key = the 32-byte X25519 scalar). */
    public static RawKeyPair generateKeyPair() {
        return X25519.generate();
    }

    /** Single-shot seal to {@code recipientPublicKey}; result {@code {enc, ciphertext}}. */
    public static Sealed seal(byte[] recipientPublicKey, byte[] info, byte[] aad, byte[] plaintext) {
        return seal(recipientPublicKey, info, aad, plaintext, null);
    }

    /**
     * Seal with a deterministic ephemeral key derived by RFC 9180 DeriveKeyPair from {@code ikmE};
     * for test vectors only ({@code null} = fresh random ephemeral key).
     */
    public static Sealed seal(byte[] recipientPublicKey, byte[] info, byte[] aad, byte[] plaintext, byte[] ikmE) {
        return seal(recipientPublicKey, info, enc -> aad, plaintext, ikmE);
    }

    /**
     * Seal where the AAD depends on the encapsulated key (a message header that carries
     * {@code enc}); {@code ikmE} as above.
     */
    public static Sealed seal(byte[] recipientPublicKey, byte[] info, java.util.function.UnaryOperator<byte[]> aadForEnc,
            byte[] plaintext, byte[] ikmE) {
        HPKE h = hpke();
        AsymmetricKeyParameter pkR;
        try {
            pkR = h.deserializePublicKey(recipientPublicKey);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("bad HPKE recipient key", e);
        }
        try {
            HPKEContextWithEncapsulation ctx = ikmE == null
                    ? h.setupBaseS(pkR, info)
                    : h.setupBaseS(pkR, info, h.deriveKeyPair(ikmE));
            byte[] ct = ctx.seal(aadForEnc.apply(ctx.getEncapsulation()), plaintext);
            return new Sealed(ctx.getEncapsulation(), ct);
        } catch (InvalidCipherTextException e) {
            throw new CryptoException("HPKE seal failed", e);
        }
    }

    /** Single-shot open with the recipient's key pair. */
    public static byte[] open(RawKeyPair recipient, byte[] enc, byte[] info, byte[] aad, byte[] ciphertext)
            throws IntegrityException {
        if (enc == null || enc.length != ENC_LENGTH || ciphertext == null || ciphertext.length < TAG_LENGTH) {
            throw new IntegrityException("bad HPKE input");
        }
        HPKE h = hpke();
        byte[][] out = new byte[1][];
        boolean ok = recipient.privateKey().apply(sk -> {
            try {
                AsymmetricCipherKeyPair kp = h.deserializePrivateKey(sk, recipient.publicKey());
                out[0] = h.open(enc, kp, info, aad, ciphertext, null, null, null);
                return true;
            } catch (InvalidCipherTextException | RuntimeException e) {
                return false;
            }
        });
        if (!ok) {
            throw new IntegrityException("HPKE open failed");
        }
        return out[0];
    }

    /** The deterministic key pair RFC 9180 DeriveKeyPair(ikm) gives; for test vectors. */
    public static RawKeyPair deriveKeyPair(byte[] ikm) {
        HPKE h = hpke();
        AsymmetricCipherKeyPair kp = h.deriveKeyPair(ikm);
        byte[] sk = h.serializePrivateKey(kp.getPrivate());
        try {
            return new RawKeyPair(SecretBytes.copyOf(sk), h.serializePublicKey(kp.getPublic()));
        } finally {
            SecretBytes.zero(sk);
        }
    }

    /** HPKE output: the encapsulated key and the AEAD ciphertext (with tag). */
    public record Sealed(byte[] enc, byte[] ciphertext) {
    }
}
