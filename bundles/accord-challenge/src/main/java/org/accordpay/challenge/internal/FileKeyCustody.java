package org.accordpay.challenge.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.accordpay.crypto.Hpke;
import org.accordpay.crypto.InMemoryKeyCustody;
import org.accordpay.crypto.IntegrityException;
import org.accordpay.crypto.KeyCustody;
import org.accordpay.crypto.Pkcs12Secrets;
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
        char[] secret = Pkcs12Secrets.password(keystore, password);
        if (!Files.exists(keystore)) {
            Map<String, byte[]> initial = new HashMap<>();
            initial.put(KEK_PREFIX + 1, Randomness.bytes(32));
            initial.put(HPKE_SEED, Randomness.bytes(32));
            store(keystore, secret, initial);
        }
        return new FileKeyCustody(keystore, secret, custody(Pkcs12Secrets.load(keystore, secret)));
    }

    /** Adds the next KEK version, persists it atomically, then uses it for new wraps. */
    synchronized int rotate() throws IOException, GeneralSecurityException {
        Map<String, byte[]> secrets = new HashMap<>(Pkcs12Secrets.load(keystore, password));
        int next = keks(secrets).lastKey() + 1;
        secrets.put(KEK_PREFIX + next, Randomness.bytes(32));
        store(keystore, password, secrets);
        keys = custody(Pkcs12Secrets.load(keystore, password));
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

    private static void store(Path keystore, char[] password, Map<String, byte[]> secrets)
            throws IOException, GeneralSecurityException {
        try {
            Pkcs12Secrets.store(keystore, password, secrets);
        } finally {
            secrets.values().forEach(SecretBytes::zero);
        }
    }

    private static InMemoryKeyCustody custody(Map<String, byte[]> secrets) throws GeneralSecurityException {
        SortedMap<Integer, SecretBytes> keks = new TreeMap<>();
        keks(secrets).forEach((version, key) -> keks.put(version, SecretBytes.adopt(key)));
        byte[] seed = Pkcs12Secrets.secret(secrets, HPKE_SEED);
        try {
            return new InMemoryKeyCustody(Hpke.deriveKeyPair(seed), Collections.unmodifiableSortedMap(keks));
        } finally {
            SecretBytes.zero(seed);
        }
    }

    private static SortedMap<Integer, byte[]> keks(Map<String, byte[]> secrets) throws GeneralSecurityException {
        SortedMap<Integer, byte[]> keks = new TreeMap<>();
        secrets.forEach((alias, key) -> {
            if (alias.startsWith(KEK_PREFIX)) {
                keks.put(Integer.parseInt(alias.substring(KEK_PREFIX.length())), key);
            }
        });
        if (keks.isEmpty()) {
            throw new GeneralSecurityException("keystore holds no key-encryption key");
        }
        return keks;
    }
}
