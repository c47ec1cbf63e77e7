package org.accordpay.audit.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import org.accordpay.crypto.Ed25519;
import org.accordpay.crypto.Pkcs12Secrets;
import org.accordpay.crypto.Randomness;
import org.accordpay.crypto.RawKeyPair;
import org.accordpay.crypto.SecretBytes;
import org.accordpay.crypto.Sha256;

/**
 * Accord's audit signing key: an Ed25519 seed in a PKCS#12 keystore, created at first start, and
 * its public key (hex) in a file next to it so that third parties can verify signed heads.
 */
final class AuditKey implements AutoCloseable {

    static final String SEED_ALIAS = "audit-ed25519-seed";

    private final RawKeyPair pair;
    private final String keyId;

    private AuditKey(RawKeyPair pair) {
        this.pair = pair;
        this.keyId = keyIdOf(pair.publicKey());
    }

    /**
     * Opens the keystore (creating it with a fresh seed if absent) and writes the public key file.
     *
     * @param password the keystore password, or empty to use (and create) {@code <keystore>.password}
     */
    static AuditKey open(Path keystore, char[] password, Path publicKeyFile) throws IOException, GeneralSecurityException {
        char[] secret = Pkcs12Secrets.password(keystore, password);
        byte[] seed = null;
        try {
            if (!Files.exists(keystore)) {
                seed = Randomness.bytes(Ed25519.KEY_LENGTH);
                Pkcs12Secrets.store(keystore, secret, Map.of(SEED_ALIAS, seed));
            } else {
                Map<String, byte[]> secrets = Pkcs12Secrets.load(keystore, secret);
                seed = Pkcs12Secrets.secret(secrets, SEED_ALIAS).clone();
                secrets.values().forEach(SecretBytes::zero);
            }
            AuditKey key = new AuditKey(Ed25519.fromPrivate(seed));
            key.writePublicKey(publicKeyFile);
            return key;
        } finally {
            SecretBytes.zero(seed);
            SecretBytes.zero(secret);
        }
    }

    /** An in-memory key, for tests. */
    static AuditKey of(RawKeyPair pair) {
        return new AuditKey(pair);
    }

    static String keyIdOf(byte[] publicKey) {
        return HexFormat.of().formatHex(Arrays.copyOf(Sha256.digest(publicKey), 8));
    }

    byte[] publicKey() {
        return pair.publicKey();
    }

    String keyId() {
        return keyId;
    }

    byte[] sign(byte[] message) {
        return Ed25519.sign(pair.privateKey(), message);
    }

    boolean verify(byte[] message, byte[] signature) {
        return Ed25519.verify(pair.publicKey(), message, signature);
    }

    private void writePublicKey(Path file) throws IOException {
        String hex = HexFormat.of().formatHex(pair.publicKey());
        if (Files.exists(file) && Files.readString(file).trim().equals(hex)) {
            return;
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, hex + "\n");
    }

    @Override
    public void close() {
        pair.close();
    }

    @Override
    public String toString() {
        return "AuditKey[" + keyId + "]";
    }
}
