package org.accordpay.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords of RFC 6238 as authenticator apps use them: HMAC-SHA-1, steps of
 * 30 seconds from the Unix epoch, 6 digits (RFC 4226 dynamic truncation), secrets in unpadded
 * Base32 (RFC 4648) inside an {@code otpauth://totp/} URI.
 *
 * @since 1.1
 */
public final class Totp {

    /** Length of a time step in seconds (RFC 6238 section 4.1, X = 30). */
    public static final long STEP_SECONDS = 30;
    /** Digits of a code. */
    public static final int DIGITS = 6;
    /** Bytes of a generated secret (160 bits, the HMAC-SHA-1 block size recommended by RFC 4226 section 4). */
    public static final int SECRET_BYTES = 20;

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Totp() {
    }

    /** @return a new random secret of {@link #SECRET_BYTES} bytes */
    public static byte[] newSecret() {
        return Randomness.bytes(SECRET_BYTES);
    }

    /**
     * @param at an instant
     * @return the RFC 6238 time step containing it: floor(epoch seconds / 30)
     */
    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /**
     * @param secret the shared secret
     * @param step   a time step (see {@link #step(Instant)})
     * @return the 6-digit code of that step, zero-padded
     */
    public static String code(byte[] secret, long step) {
        return code(secret, step, DIGITS);
    }

    /**
     * @param secret the shared secret
     * @param step   a time step
     * @param digits number of digits (6 to 8)
     * @return the code of that step with {@code digits} digits, zero-padded
     */
    public static String code(byte[] secret, long step, int digits) {
        if (digits < 6 || digits > 8) {
            throw new IllegalArgumentException("digits must be 6 to 8, not " + digits);
        }
        byte[] hash;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
        } catch (GeneralSecurityException e) {
            throw new CryptoException("HMAC-SHA1 unavailable", e);
        }
        // RFC 4226 section 5.3: dynamic truncation
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        int modulus = (int) Math.pow(10, digits);
        return String.format(Locale.ROOT, "%0" + digits + "d", binary % modulus);
    }

    /**
     * Finds the step whose code matches, looking {@code window} steps either side of {@code now}'s
     * step (window 1 accepts a code from the previous or the next 30 seconds for clock drift).
     *
     * @param secret the shared secret
     * @param code   the code typed (digits only; anything else never matches)
     * @param now    the current time
     * @param window steps accepted either side
     * @return the matching step, or -1 when none matches
     */
    public static long matchingStep(byte[] secret, String code, Instant now, int window) {
        if (code == null || code.length() != DIGITS || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        long current = step(now);
        byte[] typed = code.getBytes(StandardCharsets.US_ASCII);
        long found = -1;
        for (long s = current - window; s <= current + window; s++) {
            // compare every candidate, in constant time, so timing does not tell which step matched
            if (ConstantTime.equals(code(secret, s).getBytes(StandardCharsets.US_ASCII), typed) && found < 0) {
                found = s;
            }
        }
        return found;
    }

    /**
     * @param issuer  who issues the account, e.g. {@code Accord}
     * @param account the account name, e.g. the operator's login
     * @param secret  the shared secret
     * @return the {@code otpauth://totp/} URI authenticator apps read (RFC 6238 parameters spelled out)
     */
    public static String uri(String issuer, String account, byte[] secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + base32(secret) + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
    }

    /** @return {@code bytes} in unpadded upper-case Base32 (RFC 4648 section 6) */
    public static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    /**
     * @param text Base32, upper or lower case, padding and spaces ignored
     * @return the bytes
     * @throws IllegalArgumentException a character outside the Base32 alphabet
     */
    public static byte[] fromBase32(String text) {
        String clean = text.replace("=", "").replace(" ", "").toUpperCase(Locale.ROOT);
        ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : clean.toCharArray()) {
            int v = BASE32.indexOf(c);
            if (v < 0) {
                throw new IllegalArgumentException("not Base32: '" + c + "'");
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
