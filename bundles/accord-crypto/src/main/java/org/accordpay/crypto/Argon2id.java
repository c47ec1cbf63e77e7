package org.accordpay.crypto;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/** Argon2id (RFC 9106) with BouncyCastle's {@link Argon2BytesGenerator}. */
public final class Argon2id {
    private Argon2id() {
    }

    /**
     * Derives {@code outputLength} bytes from {@code password} and {@code salt}. The caller keeps
     * ownership of {@code password} (and zeroes it).
     */
    public static SecretBytes derive(byte[] password, byte[] salt, Argon2idParams params, int outputLength) {
        if (salt == null || salt.length < 8) {
            throw new IllegalArgumentException("salt must be at least 8 bytes");
        }
        Argon2Parameters p = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withMemoryAsKB(params.memoryKiB())
                .withIterations(params.iterations())
                .withParallelism(params.parallelism())
                .build();
        Argon2BytesGenerator gen = new Argon2BytesGenerator();
        gen.init(p);
        byte[] out = new byte[outputLength];
        gen.generateBytes(password, out);
        return SecretBytes.adopt(out);
    }
}
