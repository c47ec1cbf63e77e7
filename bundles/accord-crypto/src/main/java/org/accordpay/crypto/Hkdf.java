package org.accordpay.crypto;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/** HKDF-SHA256 (RFC 5869) with BouncyCastle. At most 255 x 32 bytes per call. */
public final class Hkdf {
    private Hkdf() {
    }

    /** Extract-then-expand. {@code salt} may be null (RFC 5869: a string of zeros). */
    public static SecretBytes sha256(byte[] salt, byte[] ikm, byte[] info, int length) {
        if (length < 1 || length > 255 * 32) {
            throw new IllegalArgumentException("HKDF-SHA256 output length out of range");
        }
        HKDFBytesGenerator gen = new HKDFBytesGenerator(new SHA256Digest());
        gen.init(new HKDFParameters(ikm, salt, info));
        byte[] out = new byte[length];
        gen.generateBytes(out, 0, length);
        return SecretBytes.adopt(out);
    }
}
