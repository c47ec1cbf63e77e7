package org.accordpay.crypto;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * <b>For tests and the handset simulator only.</b> Keeps its key-encryption keys and HPKE key pair
 * in memory; production uses the keystore-backed custody of accord-challenge.
 *
 * <p>Wrapped format: {@code kekVersion u32 | nonce 12 | AES-256-GCM(kek, nonce, aad', dataKey)}
 * with {@code aad' = kekVersion u32 | aad}.
 */
public final class InMemoryKeyCustody implements KeyCustody {

    private final Map<Integer, SecretBytes> keks = new ConcurrentHashMap<>();
    private final RawKeyPair hpke;
    private volatile int current;

    public InMemoryKeyCustody() {
        this(Hpke.generateKeyPair());
    }

    /** With a given HPKE key pair (test vectors). */
    public InMemoryKeyCustody(RawKeyPair hpkeKeyPair) {
        this.hpke = hpkeKeyPair;
        rotate();
    }

    /**
     * With given key-encryption keys (e.g. loaded from a keystore); the highest version is current.
     *
     * @param keks KEK versions and their 32-byte keys; at least one
     */
    public InMemoryKeyCustody(RawKeyPair hpkeKeyPair, java.util.SortedMap<Integer, SecretBytes> keks) {
        if (keks.isEmpty()) {
            throw new IllegalArgumentException("at least one key-encryption key");
        }
        this.hpke = hpkeKeyPair;
        this.keks.putAll(keks);
        this.current = keks.lastKey();
    }

    /** Adds a new KEK version and makes it current; returns its number. */
    public synchronized int rotate() {
        int next = current + 1;
        keks.put(next, SecretBytes.adopt(Randomness.bytes(32)));
        current = next;
        return next;
    }

    @Override
    public byte[] wrapDataKey(byte[] dataKey, byte[] aad) {
        int version = current;
        byte[] nonce = Randomness.bytes(AesGcm.NONCE_LENGTH);
        byte[] ct = AesGcm.seal(keks.get(version), nonce, aadFor(version, aad), dataKey);
        return ByteBuffer.allocate(4 + nonce.length + ct.length).putInt(version).put(nonce).put(ct).array();
    }

    @Override
    public SecretBytes unwrapDataKey(byte[] wrapped, byte[] aad) throws IntegrityException {
        if (wrapped == null || wrapped.length < 4 + AesGcm.NONCE_LENGTH + AesGcm.TAG_LENGTH) {
            throw new IntegrityException("wrapped key malformed");
        }
        int version = keyVersionOf(wrapped);
        SecretBytes kek = keks.get(version);
        if (kek == null) {
            throw new IntegrityException("unknown key version");
        }
        byte[] nonce = java.util.Arrays.copyOfRange(wrapped, 4, 4 + AesGcm.NONCE_LENGTH);
        byte[] ct = java.util.Arrays.copyOfRange(wrapped, 4 + AesGcm.NONCE_LENGTH, wrapped.length);
        return SecretBytes.adopt(AesGcm.open(kek, nonce, aadFor(version, aad), ct));
    }

    @Override
    public int keyVersionOf(byte[] wrapped) {
        if (wrapped == null || wrapped.length < 4) {
            throw new IllegalArgumentException("wrapped key malformed");
        }
        return ByteBuffer.wrap(wrapped).getInt();
    }

    @Override
    public byte[] openResponse(byte[] hpkeEnc, byte[] ciphertext, byte[] info, byte[] aad) throws IntegrityException {
        return Hpke.open(hpke, hpkeEnc, info, aad, ciphertext);
    }

    @Override
    public byte[] serverPublicKey() {
        return hpke.publicKey();
    }

    @Override
    public int currentKeyVersion() {
        return current;
    }

    private static byte[] aadFor(int version, byte[] aad) {
        byte[] a = aad == null ? new byte[0] : aad;
        return ByteBuffer.allocate(4 + a.length).putInt(version).put(a).array();
    }

    @Override
    public String toString() {
        return "InMemoryKeyCustody[kekVersion=" + current + "]";
    }
}
