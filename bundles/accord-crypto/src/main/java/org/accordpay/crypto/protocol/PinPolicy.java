package org.accordpay.crypto.protocol;

import java.util.Optional;
import java.util.Set;

/**
 * The PIN rules applied on the handset when a PIN is chosen or changed (never when one is
 * typed to answer a challenge: the handset cannot tell a wrong PIN): 6 to 12 digits; refused if
 * all one digit, an ascending or descending run (wrapping, e.g. 890123), a repetition of a 2- or
 * 3-digit pattern (121212, 123123), a palindrome of a 3-digit block (123321), on the list of the
 * most common PINs, or a DDMMYY date or 19xx/20xx year pattern (6 digits). The reasons are shown
 * to the customer; this is not secret.
 */
public final class PinPolicy {
    public static final int MIN_LENGTH = 6;
    public static final int MAX_LENGTH = 12;

    private static final Set<String> COMMON = Set.of("123456", "654321", "111111", "000000", "121212",
            "112233", "123123", "159753", "147258", "258369", "963852", "753951", "123654", "102030",
            "696969", "131313", "123321", "520520", "147852", "789456", "456789", "987654", "010203",
            "112358", "142857", "314159", "271828", "777777", "666666", "999999", "555555", "1234567",
            "12345678", "123456789", "1234567890", "0987654321", "11223344", "147258369", "159357");

    private PinPolicy() {
    }

    /** Empty if acceptable, otherwise the reason to show. The caller keeps and zeroes {@code pin}. */
    public static Optional<String> check(char[] pin) {
        if (pin == null || pin.length < MIN_LENGTH || pin.length > MAX_LENGTH) {
            return Optional.of("the PIN must have 6 to 12 digits");
        }
        for (char c : pin) {
            if (c < '0' || c > '9') {
                return Optional.of("the PIN must contain digits only");
            }
        }
        if (allSame(pin)) {
            return Optional.of("the PIN must not repeat one digit");
        }
        if (run(pin, 1) || run(pin, 9)) {
            return Optional.of("the PIN must not be a sequence of digits");
        }
        if (period(pin, 2) || period(pin, 3) || (pin.length % 4 == 0 && period(pin, 4))) {
            return Optional.of("the PIN must not repeat a short pattern");
        }
        if (pin.length == 6 && pin[0] == pin[5] && pin[1] == pin[4] && pin[2] == pin[3]) {
            return Optional.of("the PIN must not be a mirrored pattern");
        }
        // a short-lived String is acceptable here: the PIN being chosen is typed by the user anyway
        String s = new String(pin);
        if (COMMON.contains(s)) {
            return Optional.of("this PIN is too common");
        }
        if (pin.length == 6 && (looksLikeDate(s) || s.startsWith("19") || s.startsWith("20") && s.charAt(2) <= '2')) {
            return Optional.of("the PIN must not be a date or a year");
        }
        return Optional.empty();
    }

    private static boolean allSame(char[] p) {
        for (char c : p) {
            if (c != p[0]) {
                return false;
            }
        }
        return true;
    }

    private static boolean run(char[] p, int step) {
        for (int i = 1; i < p.length; i++) {
            if ((p[i] - '0') != ((p[i - 1] - '0') + step) % 10) {
                return false;
            }
        }
        return true;
    }

    private static boolean period(char[] p, int k) {
        if (p.length % k != 0 || p.length == k) {
            return false;
        }
        for (int i = k; i < p.length; i++) {
            if (p[i] != p[i - k]) {
                return false;
            }
        }
        return true;
    }

    /** DDMMYY with a plausible day and month. */
    private static boolean looksLikeDate(String s) {
        int dd = Integer.parseInt(s.substring(0, 2));
        int mm = Integer.parseInt(s.substring(2, 4));
        return dd >= 1 && dd <= 31 && mm >= 1 && mm <= 12;
    }
}
