package org.accordpay.challenge.internal;

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
import java.util.SortedMap;
import java.util.TreeMap;
import javax.crypto.spec.SecretKeySpec;
import org.accordpay.crypto.Hpke;
import org.accordpay.crypto.InMemoryKeyCustody;
import org.accordpay.crypto.IntegrityException;
import org.accordpay.crypto.KeyCustody;
import org.accordpay.crypto.Randomness;
import org.accordpay.crypto.SecretBytes;

/**
 * Accord's long-term keys in a PKCS#12 keystore under {@code etc/}: the versioned
 * key-encryption keys ({@code kek-N}) and the seed of the HPKE response key pair. Created at first
 * start; its password lives in a 0600 file next to it unless configured. A hardware security
 * module can replace this class behind {@link KeyCustody}.
 */
final class FileKeyCustody implements KeyCustody {

    private static final String KEK_PREFIX = "kek-";
    private static final String HPKE_SEED = "hpke-seed";

    private final Path keystore;
    private final char[] password;
    private volatile InMemoryKeyCustody keys;

    private FileKeyCustody(Path keystore, char[] password, InMemoryKeyCustody keys) {
        this.keystore = keystore;
        this.password = password;
        this.keys = keys;
    }

    /**
     * Opens the keystore, creating it (KEK version 1, a fresh HPKE key) if it does not exist.
     *
     * @param password the keystore password, or empty to use (and create) {@code <keystore>.password}
     */
    static FileKeyCustody open(Path keystore, char[] password) throws IOException, GeneralSecurityException {
        char[] secret = password.length > 0 ? password.clone() : passwordFile(keystore);
        if (!Files.exists(keystore)) {
            SortedMap<Integer, byte[]> keks = new TreeMap<>();
            keks.put(1, Randomness.bytes(32));
            write(keystore, secret, keks, Randomness.bytes(32));
        }
        return new FileKeyCustody(keystore, secret, load(keystore, secret));
    }

    /** Adds the next KEK version, persists it atomically, then uses it for new wraps. */
    synchronized int rotate() throws IOException, GeneralSecurityException {
        KeyStore ks = read(keystore, password);
        SortedMap<Integer, byte[]> keks = keks(ks, password);
        int next = keks.lastKey() + 1;
        keks.put(next, Randomness.bytes(32));
        write(keystore, password, keks, secret(ks, HPKE_SEED, password));
        keys = load(keystore, password);
        return next;
    }

    @Override
    public byte[] wrapDataKey(byte[] dataKey, byte[] aad) {
        return keys.wrapDataKey(dataKey, aad);
    }

    @Override
    public SecretBytes unwrapDataKey(byte[] wrapped, byte[] aad) throws IntegrityException {
        return keys.unwrapDataKey(wrapped, aad);
    }

    @Override
    public int keyVersionOf(byte[] wrapped) {
        return keys.keyVersionOf(wrapped);
    }

    @Override
    public byte[] openResponse(byte[] hpkeEnc, byte[] ciphertext, byte[] info, byte[] aad) throws IntegrityException {
        return keys.openResponse(hpkeEnc, ciphertext, info, aad);
    }

    @Override
    public byte[] serverPublicKey() {
        return keys.serverPublicKey();
    }

    @Override
    public int currentKeyVersion() {
        return keys.currentKeyVersion();
    }

    @Override
    public String toString() {
        return "FileKeyCustody[" + keystore + ", kek version " + currentKeyVersion() + "]";
    }

    private static InMemoryKeyCustody load(Path keystore, char[] password)
            throws IOException, GeneralSecurityException {
        KeyStore ks = read(keystore, password);
        SortedMap<Integer, byte[]> raw = keks(ks, password);
        SortedMap<Integer, SecretBytes> keks = new TreeMap<>();
        raw.forEach((version, key) -> keks.put(version, SecretBytes.adopt(key)));
        byte[] seed = secret(ks, HPKE_SEED, password);
        try {
            return new InMemoryKeyCustody(Hpke.deriveKeyPair(seed), Collections.unmodifiableSortedMap(keks));
        } finally {
            SecretBytes.zero(seed);
        }
    }

    private static SortedMap<Integer, byte[]> keks(KeyStore ks, char[] password) throws GeneralSecurityException {
        SortedMap<Integer, byte[]> keks = new TreeMap<>();
        for (String alias : Collections.list(ks.aliases())) {
            if (alias.startsWith(KEK_PREFIX)) {
                keks.put(Integer.parseInt(alias.substring(KEK_PREFIX.length())), secret(ks, alias, password));
            }
        }
        if (keks.isEmpty()) {
            throw new GeneralSecurityException("keystore holds no key-encryption key");
        }
        return keks;
    }

    private static byte[] secret(KeyStore ks, String alias, char[] password) throws GeneralSecurityException {
        KeyStore.Entry entry = ks.getEntry(alias, new KeyStore.PasswordProtection(password));
        if (!(entry instanceof KeyStore.SecretKeyEntry secretEntry)) {
            throw new GeneralSecurityException("keystore entry missing: " + alias);
        }
        return secretEntry.getSecretKey().getEncoded();
    }

    private static KeyStore read(Path keystore, char[] password) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, password);
        }
        return ks;
    }

    /** Writes the whole keystore to a temporary file, then moves it into place in one step. */
    private static void write(Path keystore, char[] password, SortedMap<Integer, byte[]> keks, byte[] hpkeSeed)
            throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, password);
        KeyStore.PasswordProtection protection = new KeyStore.PasswordProtection(password);
        for (var kek : keks.entrySet()) {
            ks.setEntry(KEK_PREFIX + kek.getKey(), new KeyStore.SecretKeyEntry(new SecretKeySpec(kek.getValue(), "AES")),
                    protection);
        }
        ks.setEntry(HPKE_SEED, new KeyStore.SecretKeyEntry(new SecretKeySpec(hpkeSeed, "AES")), protection);
        Files.createDirectories(keystore.toAbsolutePath().getParent());
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
        keks.values().forEach(SecretBytes::zero);
        SecretBytes.zero(hpkeSeed);
    }

    private static char[] passwordFile(Path keystore) throws IOException {
        Path file = keystore.resolveSibling(keystore.getFileName() + ".password");
        if (!Files.exists(file)) {
            Files.createDirectories(keystore.toAbsolutePath().getParent());
            Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(Randomness.bytes(24)));
            restrict(file);
        }
        return Files.readString(file).trim().toCharArray();
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // best effort outside POSIX file systems
        }
    }
}
