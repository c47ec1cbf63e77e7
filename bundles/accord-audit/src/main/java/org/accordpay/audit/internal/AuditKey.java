package org.accordpay.audit.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import org.accordpay.crypto.RawKeyPair;
import org.accordpay.crypto.SigningKeyFile;

/**
 * Accord's audit signing key: an Ed25519 seed in a PKCS#12 keystore, created at first start, and
 * its public key (hex) in a file next to it so that third parties can verify signed heads.
 */
final class AuditKey implements AutoCloseable {

    static final String SEED_ALIAS = "audit-ed25519-seed";

    private final SigningKeyFile key;

    private AuditKey(SigningKeyFile key) {
        this.key = key;
    }

    /**
     * Opens the keystore (creating it with a fresh seed if absent) and writes the public key file.
     *
     * @param password the keystore password, or empty to use (and create) {@code <keystore>.password}
     */
    static AuditKey open(Path keystore, char[] password, Path publicKeyFile) throws IOException, GeneralSecurityException {
        return new AuditKey(SigningKeyFile.open(keystore, password, SEED_ALIAS, publicKeyFile));
    }

    /** An in-memory key, for tests. */
    static AuditKey of(RawKeyPair pair) {
        return new AuditKey(SigningKeyFile.of(pair));
    }

    static String keyIdOf(byte[] publicKey) {
        return SigningKeyFile.keyIdOf(publicKey);
    }

    byte[] publicKey() {
        return key.publicKey();
    }

    String keyId() {
        return key.keyId();
    }

    byte[] sign(byte[] message) {
        return key.sign(message);
    }

    boolean verify(byte[] message, byte[] signature) {
        return key.verify(message, signature);
    }

    @Override
    public void close() {
        key.close();
    }

    @Override
    public String toString() {
        return "AuditKey[" + key.keyId() + "]";
    }
}
