package org.accordpay.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** AES-GCM (128-bit tag, 96-bit nonce) with the JDK {@link Cipher}. Keys of 16 or 32 bytes. */
public final class AesGcm {
    public static final int NONCE_LENGTH = 12;
    public static final int TAG_LENGTH = 16;

    private AesGcm() {
    }

    /** Returns ciphertext || tag. */
    public static byte[] seal(SecretBytes key, byte[] nonce, byte[] aad, byte[] plaintext) {
        checkNonce(nonce);
        return key.apply(k -> {
            try {
                Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
                c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(k, "AES"), new GCMParameterSpec(128, nonce));
                if (aad != null) {
                    c.updateAAD(aad);
                }
                return c.doFinal(plaintext);
            } catch (GeneralSecurityException e) {
                throw new CryptoException("AES-GCM seal failed", e);
            }
        });
    }

    /** Opens ciphertext || tag; throws {@link IntegrityException} if anything was altered. */
    public static byte[] open(SecretBytes key, byte[] nonce, byte[] aad, byte[] ciphertextAndTag)
            throws IntegrityException {
        checkNonce(nonce);
        if (ciphertextAndTag.length < TAG_LENGTH) {
            throw new IntegrityException("ciphertext too short");
        }
        byte[][] out = new byte[1][];
        boolean ok = key.apply(k -> {
            try {
                Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
                c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(k, "AES"), new GCMParameterSpec(128, nonce));
                if (aad != null) {
                    c.updateAAD(aad);
                }
                out[0] = c.doFinal(ciphertextAndTag);
                return true;
            } catch (AEADBadTagException e) {
                return false;
            } catch (GeneralSecurityException e) {
                throw new CryptoException("AES-GCM open failed", e);
            }
        });
        if (!ok) {
            throw new IntegrityException("authentication failed");
        }
        return out[0];
    }

    private static void checkNonce(byte[] nonce) {
        if (nonce == null || nonce.length != NONCE_LENGTH) {
            throw new IllegalArgumentException("AES-GCM nonce must be 12 bytes");
        }
    }
}
