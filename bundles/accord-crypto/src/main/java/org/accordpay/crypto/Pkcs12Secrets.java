package org.accordpay.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.spec.SecretKeySpec;

/**
 * Named secrets (raw bytes, e.g. 32-byte keys or seeds) in a PKCS#12 keystore file, with its
 * password either given or kept in a {@code <keystore>.password} file (mode 0600) created on
 * first use. Writes replace the whole file atomically, so a crash leaves the old or the new
 * keystore, never half of one.
 */
public final class Pkcs12Secrets {

    private Pkcs12Secrets() {
    }

    /**
     * @param configured the configured password, or empty to use (and create) {@code <keystore>.password}
     * @return the keystore password (a copy; zero it after use)
     */
    public static char[] password(Path keystore, char[] configured) throws IOException {
        if (configured.length > 0) {
            return configured.clone();
        }
        Path file = keystore.resolveSibling(keystore.getFileName() + ".password");
        if (!Files.exists(file)) {
            createParent(keystore);
            Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(Randomness.bytes(24)));
            restrict(file);
        }
        return Files.readString(file).trim().toCharArray();
    }

    /** @return every secret entry of the keystore by alias, sorted (the caller zeroes the arrays) */
    public static Map<String, byte[]> load(Path keystore, char[] password) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, password);
        }
        Map<String, byte[]> secrets = new TreeMap<>();
        KeyStore.PasswordProtection protection = new KeyStore.PasswordProtection(password);
        for (String alias : Collections.list(ks.aliases())) {
            if (ks.getEntry(alias, protection) instanceof KeyStore.SecretKeyEntry entry) {
                secrets.put(alias, entry.getSecretKey().getEncoded());
            }
        }
        return secrets;
    }

    /** @return one secret (the caller zeroes it) */
    public static byte[] secret(Map<String, byte[]> secrets, String alias) throws GeneralSecurityException {
        byte[] secret = secrets.get(alias);
        if (secret == null) {
            throw new GeneralSecurityException("keystore entry missing: " + alias);
        }
        return secret;
    }

    /**
     * Writes all {@code secrets} (replacing the file's content) to a temporary file, restricted to
     * the owner, then moves it into place in one step. Does not zero the arrays.
     */
    public static void store(Path keystore, char[] password, Map<String, byte[]> secrets)
            throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, password);
        KeyStore.PasswordProtection protection = new KeyStore.PasswordProtection(password);
        for (var secret : secrets.entrySet()) {
            ks.setEntry(secret.getKey(), new KeyStore.SecretKeyEntry(new SecretKeySpec(secret.getValue(), "AES")),
                    protection);
        }
        createParent(keystore);
        Path temporary = keystore.resolveSibling(keystore.getFileName() + ".new");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            ks.store(out, password);
        }
        restrict(temporary);
        try {
            Files.move(temporary, keystore, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, keystore, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes a file readable and writable by its owner only (best effort outside POSIX file systems). */
    public static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // best effort outside POSIX file systems
        }
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}
