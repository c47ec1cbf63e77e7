package org.accordpay.crypto;

/**
 * Argon2id cost parameters (RFC 9106).
 *
 * @param memoryKiB memory in KiB (at least 8 x parallelism)
 * @param iterations passes over memory (t, at least 1)
 * @param parallelism lanes (p, 1..255)
 */
public record Argon2idParams(int memoryKiB, int iterations, int parallelism) {

    /**
     * Handset protocol version 1 default: m = 32 MiB, t = 3, p = 1. See docs/handset-protocol.md
     * ("PIN encoding") for why.
     */
    public static final Argon2idParams HANDSET_V1 = new Argon2idParams(32 * 1024, 3, 1);

    /** For unit tests only: m = 64 KiB, t = 1, p = 1 (about 0.1 ms). Never in production. */
    public static final Argon2idParams TEST_ONLY = new Argon2idParams(64, 1, 1);

    /** Largest memory a handset accepts from a provisioning package (256 MiB). */
    public static final int MAX_MEMORY_KIB = 256 * 1024;

    public Argon2idParams {
        if (parallelism < 1 || parallelism > 255) {
            throw new IllegalArgumentException("parallelism must be 1..255");
        }
        if (iterations < 1 || iterations > 100) {
            throw new IllegalArgumentException("iterations must be 1..100");
        }
        if (memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException("memoryKiB out of range");
        }
    }
}
