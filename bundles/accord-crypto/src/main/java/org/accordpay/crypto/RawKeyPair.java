package org.accordpay.crypto;

/** A raw private key (32 bytes, secret) with its public key (32 bytes). Close to zero the private key. */
public record RawKeyPair(SecretBytes privateKey, byte[] publicKey) implements AutoCloseable {

    public RawKeyPair {
        publicKey = publicKey.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public void close() {
        privateKey.close();
    }

    @Override
    public String toString() {
        return "RawKeyPair[private=" + privateKey + "]";
    }
}
