package org.accordpay.registry.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.accordpay.crypto.Argon2id;
import org.accordpay.crypto.Argon2idParams;
import org.accordpay.crypto.ConstantTime;
import org.accordpay.crypto.Randomness;
import org.accordpay.crypto.SecretBytes;

/**
 * Customer console passwords as Argon2id hashes in the PHC string format
 * ({@code $argon2id$v=19$m=..,t=..,p=..$salt$hash}, unpadded Base64), so a stored hash keeps the
 * cost it was made with when the configured cost changes.
 */
final class ConsolePasswords {

    private static final int SALT = 16;
    private static final int HASH = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final Argon2idParams params;
    /** Hash of a random password: checked when the customer does not exist, so both paths cost the same. */
    private final String decoy;

    ConsolePasswords(Argon2idParams params) {
        this.params = params;
        char[] random = Base64.getEncoder().encodeToString(Randomness.bytes(18)).toCharArray();
        this.decoy = hash(random);
    }

    /** @return the encoded hash of {@code password} with a new random salt */
    String hash(char[] password) {
        byte[] salt = Randomness.bytes(SALT);
        byte[] hash = derive(password, salt, params);
        return "$argon2id$v=19$m=" + params.memoryKiB() + ",t=" + params.iterations() + ",p=" + params.parallelism()
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** @return true when {@code password} matches {@code encoded}; false for a malformed hash */
    boolean verify(char[] password, String encoded) {
        String[] parts = encoded == null ? new String[0] : encoded.split("\\$");
        // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
        if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
            return false;
        }
        try {
            int m = 0;
            int t = 0;
            int p = 0;
            for (String kv : parts[3].split(",")) {
                int v = Integer.parseInt(kv.substring(2));
                switch (kv.substring(0, 2)) {
                    case "m=" -> m = v;
                    case "t=" -> t = v;
                    case "p=" -> p = v;
                    default -> {
                        return false;
                    }
                }
            }
            byte[] expected = B64D.decode(parts[5]);
            byte[] actual = derive(password, B64D.decode(parts[4]), new Argon2idParams(m, t, p));
            return ConstantTime.equals(actual, expected);
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            return false;
        }
    }

    /** Does the work of a verification against no customer; always false. */
    boolean verifyNobody(char[] password) {
        verify(password, decoy);
        return false;
    }

    private static byte[] derive(char[] password, byte[] salt, Argon2idParams params) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password == null ? new char[0] : password));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        Arrays.fill(encoded.array(), (byte) 0);
        try (SecretBytes out = Argon2id.derive(bytes, salt, params, HASH)) {
            return out.copy();
        } finally {
            SecretBytes.zero(bytes);
        }
    }
}
