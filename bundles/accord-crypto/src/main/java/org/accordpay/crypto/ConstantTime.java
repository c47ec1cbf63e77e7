package org.accordpay.crypto;

import java.security.MessageDigest;

/** Constant-time comparison (the JDK's {@link MessageDigest#isEqual}, constant time since Java 6u17). */
public final class ConstantTime {
    private ConstantTime() {
    }

    /** True when both arrays have the same length and content; time depends only on the lengths. */
    public static boolean equals(byte[] a, byte[] b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a, b);
    }
}
