package org.accordpay.crypto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;

/**
 * One of Accord's Ed25519 signing keys (audit heads, webhooks): the seed in a PKCS#12 keystore,
 * created at first start, and the public key (hex) in a file next to it so that third parties can
 * verify what Accord signs. Close to zero the private key.
 */
public final class SigningKeyFile implements AutoCloseable {

    private final RawKeyPair pair;
    private final String keyId;

    private SigningKeyFile(RawKeyPair pair) {
        this.pair = pair;
        this.keyId = keyIdOf(pair.publicKey());
    }

    /**
     * Opens the keystore (creating it with a fresh seed if absent) and writes the public key file.
     *
     * @param alias    the seed's alias in the keystore
     * @param password the keystore password, or empty to use (and create) {@code <keystore>.password}
     */
    public static SigningKeyFile open(Path keystore, char[] password, String alias, Path publicKeyFile)
            throws IOException, GeneralSecurityException {
        char[] secret = Pkcs12Secrets.password(keystore, password);
        byte[] seed = null;
        try {
            if (!Files.exists(keystore)) {
                seed = Randomness.bytes(Ed25519.KEY_LENGTH);
                Pkcs12Secrets.store(keystore, secret, Map.of(alias, seed));
            } else {
                Map<String, byte[]> secrets = Pkcs12Secrets.load(keystore, secret);
                seed = Pkcs12Secrets.secret(secrets, alias).clone();
                secrets.values().forEach(SecretBytes::zero);
            }
            SigningKeyFile key = new SigningKeyFile(Ed25519.fromPrivate(seed));
            key.writePublicKey(publicKeyFile);
            return key;
        } finally {
            SecretBytes.zero(seed);
            SecretBytes.zero(secret);
        }
    }

    /** @return an in-memory key, for tests */
    public static SigningKeyFile of(RawKeyPair pair) {
        return new SigningKeyFile(pair);
    }

    /** @return the first 8 bytes of SHA-256 of the public key, hex: how signatures name the key */
    public static String keyIdOf(byte[] publicKey) {
        return HexFormat.of().formatHex(Arrays.copyOf(Sha256.digest(publicKey), 8));
    }

    /** @return the public key (32 bytes) */
    public byte[] publicKey() {
        return pair.publicKey();
    }

    /** @return the key id */
    public String keyId() {
        return keyId;
    }

    /** @return the Ed25519 signature of {@code message} */
    public byte[] sign(byte[] message) {
        return Ed25519.sign(pair, message);
    }

    /** @return true when {@code signature} is this key's signature of {@code message} */
    public boolean verify(byte[] message, byte[] signature) {
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
        return "SigningKeyFile[" + keyId + "]";
    }
}
