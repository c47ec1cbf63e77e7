package org.accordpay.crypto;

import java.security.SecureRandom;

/** The one source of randomness: a JDK {@link SecureRandom} (the platform's default strong-enough DRBG). */
public final class Randomness {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Randomness() {
    }

    public static byte[] bytes(int length) {
        byte[] b = new byte[length];
        RANDOM.nextBytes(b);
        return b;
    }

    /** Uniform integer in [0, bound). */
    public static int nextInt(int bound) {
        return RANDOM.nextInt(bound);
    }

    public static SecureRandom secureRandom() {
        return RANDOM;
    }
}
