package org.accordpay.challenge.internal;

import java.util.Arrays;
import org.accordpay.crypto.AesGcm;
import org.accordpay.crypto.IntegrityException;
import org.accordpay.crypto.KeyCustody;
import org.accordpay.crypto.Randomness;
import org.accordpay.crypto.SecretBytes;
import org.accordpay.crypto.protocol.ByteWriter;

/**
 * Accord's copy of a table owner's secrets at rest: the identification table, the device transport
 * key and each challenged cell are AES-256-GCM encrypted under a per-owner data key, bound to the
 * owner id, table generation and key version; the data key is wrapped by {@link KeyCustody}. Owners
 * are customers ({@link #TableVault(KeyCustody)}) or merchants ({@link #forMerchants}): each kind has its
 * own labels, so a customer's sealed value can never be opened as a merchant's, whatever the ids.
 */
final class TableVault {

    private final KeyCustody custody;
    private final String table;
    private final String transport;
    private final String challenge;
    private final String dataKeyLabel;

    /** The vault of customers' tables. */
    TableVault(KeyCustody custody) {
        this(custody, "accord");
    }

    private TableVault(KeyCustody custody, String domain) {
        this.custody = custody;
        this.table = domain + ".table.v1";
        this.transport = domain + ".transport.v1";
        this.challenge = domain + ".challenge.v1";
        this.dataKeyLabel = domain + ".datakey.v1";
    }

    /** The vault of merchants' tables (the patent's table of the merchant site). */
    static TableVault forMerchants(KeyCustody custody) {
        return new TableVault(custody, "accord.merchant");
    }

    /** A fresh data key, wrapped for {@code ownerId} and {@code generation}. */
    byte[] newWrappedDataKey(String ownerId, int generation) {
        byte[] dataKey = Randomness.bytes(32);
        try {
            return custody.wrapDataKey(dataKey, aad(dataKeyLabel, ownerId, generation, 0, null));
        } finally {
            SecretBytes.zero(dataKey);
        }
    }

    /** @return the KEK version a wrapped data key names */
    int keyVersionOf(byte[] wrappedDataKey) {
        return custody.keyVersionOf(wrappedDataKey);
    }

    /** Unwraps the data key; close it after use. */
    SecretBytes dataKey(byte[] wrappedDataKey, String ownerId, int generation) throws IntegrityException {
        return custody.unwrapDataKey(wrappedDataKey, aad(dataKeyLabel, ownerId, generation, 0, null));
    }

    /** Re-wraps an unwrapped data key under the current KEK. */
    byte[] rewrap(SecretBytes dataKey, String ownerId, int generation) {
        return dataKey.apply(k -> custody.wrapDataKey(k, aad(dataKeyLabel, ownerId, generation, 0, null)));
    }

    byte[] sealTable(SecretBytes dataKey, String ownerId, int generation, int keyVersion, byte[] cells) {
        return seal(dataKey, aad(table, ownerId, generation, keyVersion, null), cells);
    }

    byte[] openTable(SecretBytes dataKey, String ownerId, int generation, int keyVersion, byte[] sealed)
            throws IntegrityException {
        return open(dataKey, aad(table, ownerId, generation, keyVersion, null), sealed);
    }

    byte[] sealTransportKey(SecretBytes dataKey, String ownerId, int generation, int keyVersion, byte[] key) {
        return seal(dataKey, aad(transport, ownerId, generation, keyVersion, null), key);
    }

    SecretBytes openTransportKey(SecretBytes dataKey, String ownerId, int generation, int keyVersion,
            byte[] sealed) throws IntegrityException {
        return SecretBytes.adopt(open(dataKey, aad(transport, ownerId, generation, keyVersion, null), sealed));
    }

    /** Seals the challenged cell with the challenge it belongs to (the cell is gone from the table). */
    byte[] sealChallenge(SecretBytes dataKey, String ownerId, int generation, String challengeId,
            byte[] cellAndChallenge) {
        return seal(dataKey, aad(challenge, ownerId, generation, 0, challengeId), cellAndChallenge);
    }

    byte[] openChallenge(SecretBytes dataKey, String ownerId, int generation, String challengeId, byte[] sealed)
            throws IntegrityException {
        return open(dataKey, aad(challenge, ownerId, generation, 0, challengeId), sealed);
    }

    private static byte[] seal(SecretBytes key, byte[] aad, byte[] plaintext) {
        byte[] nonce = Randomness.bytes(AesGcm.NONCE_LENGTH);
        byte[] ciphertext = AesGcm.seal(key, nonce, aad, plaintext);
        byte[] out = Arrays.copyOf(nonce, nonce.length + ciphertext.length);
        System.arraycopy(ciphertext, 0, out, nonce.length, ciphertext.length);
        return out;
    }

    private static byte[] open(SecretBytes key, byte[] aad, byte[] sealed) throws IntegrityException {
        if (sealed == null || sealed.length < AesGcm.NONCE_LENGTH + AesGcm.TAG_LENGTH) {
            throw new IntegrityException("sealed value too short");
        }
        byte[] nonce = Arrays.copyOf(sealed, AesGcm.NONCE_LENGTH);
        return AesGcm.open(key, nonce, aad, Arrays.copyOfRange(sealed, AesGcm.NONCE_LENGTH, sealed.length));
    }

    private static byte[] aad(String label, String ownerId, int generation, int keyVersion, String extra) {
        ByteWriter w = new ByteWriter().str8(label).str8(ownerId).u32(generation).u32(keyVersion);
        if (extra != null) {
            w.str8(extra);
        }
        return w.toByteArray();
    }
}
