package org.accordpay.shell.internal;

import java.security.SecureRandom;

/** Passwords the shell generates for merchant console accounts: 16 characters, no look-alikes (0/O, 1/l/I). */
final class MerchantUserPasswords {

    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private MerchantUserPasswords() {
    }

    /** @return a new random password, about 93 bits */
    static String generate() {
        StringBuilder out = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
