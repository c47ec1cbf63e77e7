package org.accordpay.registry.internal;

import org.accordpay.crypto.Randomness;

/** Accord reference numbers: {@code AC} + 9 random digits + a Luhn check digit. */
final class ReferenceNumbers {

    private ReferenceNumbers() {
    }

    static String next() {
        StringBuilder digits = new StringBuilder(10);
        for (int i = 0; i < 9; i++) {
            digits.append((char) ('0' + Randomness.nextInt(10)));
        }
        return "AC" + digits + luhn(digits);
    }

    /** @return true for {@code AC} + 10 digits whose last is the Luhn check digit of the first 9 */
    static boolean wellFormed(String reference) {
        if (reference == null || !reference.matches("AC[0-9]{10}")) {
            return false;
        }
        return reference.charAt(11) - '0' == luhn(reference.substring(2, 11));
    }

    static int luhn(CharSequence digits) {
        int sum = 0;
        boolean twice = true; // the check digit will be rightmost: its neighbour is doubled
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return (10 - sum % 10) % 10;
    }
}
