package org.accordpay.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A PRF stream from AES in counter mode (JDK {@code AES/CTR/NoPadding}): block {@code i} is
 * {@code AES(key, IV + i mod 2^128)}, so any block is computed directly without the ones before it.
 */
public final class AesCtrPrf {
    public static final int BLOCK = 16;
    private static final BigInteger MOD = BigInteger.ONE.shiftLeft(128);

    private AesCtrPrf() {
    }

    /** Blocks {@code first .. first+count-1} of the stream, concatenated. */
    public static byte[] blocks(SecretBytes key, byte[] iv, long first, int count) {
        if (iv == null || iv.length != BLOCK) {
            throw new IllegalArgumentException("IV must be 16 bytes");
        }
        if (first < 0 || count < 0) {
            throw new IllegalArgumentException("negative block index");
        }
        byte[] counter = add(iv, first);
        return key.apply(k -> {
            try {
                Cipher c = Cipher.getInstance("AES/CTR/NoPadding");
                c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(k, "AES"), new IvParameterSpec(counter));
                return c.doFinal(new byte[count * BLOCK]);
            } catch (GeneralSecurityException e) {
                throw new CryptoException("AES-CTR unavailable", e);
            }
        });
    }

    /** {@code IV + n mod 2^128} as 16 big-endian bytes. */
    static byte[] add(byte[] iv, long n) {
        byte[] sum = new BigInteger(1, iv).add(BigInteger.valueOf(n)).mod(MOD).toByteArray();
        byte[] out = new byte[BLOCK];
        int copy = Math.min(sum.length, BLOCK);
        System.arraycopy(sum, sum.length - copy, out, BLOCK - copy, copy);
        return out;
    }
}
