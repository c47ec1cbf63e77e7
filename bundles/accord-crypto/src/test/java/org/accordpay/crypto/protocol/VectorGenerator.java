package org.accordpay.crypto.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.accordpay.crypto.Argon2idParams;
import org.accordpay.crypto.Ed25519;
import org.accordpay.crypto.Hpke;
import org.accordpay.crypto.InMemoryKeyCustody;
import org.accordpay.crypto.RawKeyPair;
import org.accordpay.crypto.SecretBytes;
import org.accordpay.crypto.Sha256;
import org.accordpay.crypto.X25519;

/**
 * Deterministic generator of the test vectors of docs/handset-protocol.md ("Test vectors").
 * Every input is fixed here; randomness (nonces, HPKE ephemeral key) is replaced by the fixed
 * values listed in the vectors.
 */
public final class VectorGenerator {

    static byte[] seq(int from, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (from + i);
        }
        return b;
    }

    public static final byte[] DEVICE_SIGNING_PRIVATE = seq(0x00, 32);
    public static final byte[] DEVICE_AGREEMENT_PRIVATE = seq(0x20, 32);
    public static final byte[] ACCORD_TRANSPORT_PRIVATE = seq(0x40, 32);
    public static final byte[] ACCORD_HPKE_IKM = seq(0x60, 32);
    public static final byte[] HPKE_IKM_E = seq(0x80, 32);
    public static final byte[] DEVICE_ID = seq(0xa0, 16);
    public static final byte[] TABLE_ID = seq(0xb0, 16);
    public static final byte[] ENROLMENT_NONCE = seq(0xc0, 16);
    public static final byte[] PROVISIONING_NONCE = seq(0xd0, 12);
    public static final byte[] CHALLENGE_NONCE = seq(0xe0, 12);
    public static final byte[] PIN_SALT = seq(0xf0, 16);
    public static final byte[] CHALLENGE_ID = Hex.decode("5e1f0c3a9d2b47e88f6a1c0d3e5b7a92");
    public static final String CUSTOMER_ID = "cus-000001";
    public static final long GENERATION = 1;
    public static final String PIN = "583920";
    public static final int CELL_COUNT = 4;
    public static final int CELL_ADDRESS = 2;

    /** The 4-cell table: cell i = first 16 bytes of SHA-256("accord test cell " || i). */
    static byte[] cells() {
        byte[] cells = new byte[CELL_COUNT * 16];
        for (int i = 0; i < CELL_COUNT; i++) {
            byte[] h = Sha256.digest(("accord test cell " + i).getBytes(StandardCharsets.US_ASCII));
            System.arraycopy(h, 0, cells, i * 16, 16);
        }
        return cells;
    }

    static Challenge challenge() {
        return new Challenge(CHALLENGE_ID, CELL_ADDRESS, Mode.LIVE, CUSTOMER_ID, DEVICE_ID, TABLE_ID, GENERATION, 4999,
                "EUR", "mer-0042", "Librairie Duval", "pur-2026-000123", 1_764_072_000L, 1_764_072_180L);
    }

    /** Name -> lower-case hex (or decimal/text for a few scalar inputs), in document order. */
    public static Map<String, String> generate(Argon2idParams pinParams) throws Exception {
        Map<String, String> v = new LinkedHashMap<>();
        RawKeyPair signing = Ed25519.fromPrivate(DEVICE_SIGNING_PRIVATE);
        RawKeyPair agreement = X25519.fromPrivate(DEVICE_AGREEMENT_PRIVATE);
        RawKeyPair accordTransport = X25519.fromPrivate(ACCORD_TRANSPORT_PRIVATE);
        RawKeyPair accordHpke = Hpke.deriveKeyPair(ACCORD_HPKE_IKM);

        v.put("device_signing_private", Hex.encode(DEVICE_SIGNING_PRIVATE));
        v.put("device_signing_public", Hex.encode(signing.publicKey()));
        v.put("device_agreement_private", Hex.encode(DEVICE_AGREEMENT_PRIVATE));
        v.put("device_agreement_public", Hex.encode(agreement.publicKey()));
        v.put("enrolment_nonce", Hex.encode(ENROLMENT_NONCE));
        EnrolmentRequest req = EnrolmentRequest.create(ENROLMENT_NONCE, signing, agreement);
        v.put("enrolment_request", Hex.encode(req.encode()));

        v.put("device_id", Hex.encode(DEVICE_ID));
        v.put("accord_transport_private", Hex.encode(ACCORD_TRANSPORT_PRIVATE));
        v.put("accord_transport_public", Hex.encode(accordTransport.publicKey()));
        ServerProtocol.DeviceTransport dt = ServerProtocol.acceptDevice(req.agreementPublicKey(), DEVICE_ID, accordTransport);
        v.put("transport_key", Hex.encode(dt.transportKey().copy()));

        v.put("accord_hpke_ikm", Hex.encode(ACCORD_HPKE_IKM));
        v.put("accord_hpke_private", Hex.encode(accordHpke.privateKey().copy()));
        v.put("accord_hpke_public", Hex.encode(accordHpke.publicKey()));

        v.put("customer_id", Hex.encode(CUSTOMER_ID.getBytes(StandardCharsets.UTF_8)));
        v.put("table_id", Hex.encode(TABLE_ID));
        v.put("generation", Long.toString(GENERATION));
        byte[] cells = cells();
        for (int i = 0; i < CELL_COUNT; i++) {
            v.put("cell_" + i, Hex.encode(Arrays.copyOfRange(cells, i * 16, i * 16 + 16)));
        }
        ProvisioningPackage pkg = new ProvisioningPackage(1, 1, CUSTOMER_ID, DEVICE_ID, TABLE_ID, GENERATION,
                accordHpke.publicKey(), accordTransport.publicKey(), Argon2idParams.HANDSET_V1, cells.clone());
        v.put("provisioning_nonce", Hex.encode(PROVISIONING_NONCE));
        v.put("provisioning_sealed", Hex.encode(ServerProtocol.sealProvisioning(dt.transportKey(), pkg, PROVISIONING_NONCE)));

        v.put("pin", Hex.encode(PIN.getBytes(StandardCharsets.US_ASCII)));
        v.put("pin_salt", Hex.encode(PIN_SALT));
        v.put("argon2id_memory_kib", Integer.toString(pinParams.memoryKiB()));
        v.put("argon2id_iterations", Integer.toString(pinParams.iterations()));
        v.put("argon2id_parallelism", Integer.toString(pinParams.parallelism()));
        try (SecretBytes pinKey = PinEncoding.deriveKey(PIN.toCharArray(), PIN_SALT, pinParams)) {
            v.put("pin_key", Hex.encode(pinKey.copy()));
            v.put("encoded_cells", Hex.encode(PinEncoding.xorTable(pinKey, TABLE_ID, cells)));
        }

        Challenge c = challenge();
        v.put("challenge_id", Hex.encode(CHALLENGE_ID));
        v.put("challenge_plaintext", Hex.encode(c.encode()));
        v.put("challenge_nonce", Hex.encode(CHALLENGE_NONCE));
        v.put("challenge_sealed", Hex.encode(ServerProtocol.sealChallenge(dt.transportKey(), c, CHALLENGE_NONCE)));

        byte[] cell = Arrays.copyOfRange(cells, CELL_ADDRESS * 16, CELL_ADDRESS * 16 + 16);
        v.put("mac_input", Hex.encode(ResponseMac.input(c, Decision.APPROVE)));
        v.put("mac", Hex.encode(ResponseMac.compute(cell, c, Decision.APPROVE)));
        v.put("transcript_hash", Hex.encode(Sha256.digest(ResponseMac.input(c, Decision.APPROVE))));
        SignedResponse sr = SignedResponse.create(cell, c, Decision.APPROVE, signing.privateKey());
        v.put("signed_response", Hex.encode(sr.encode()));
        v.put("hpke_ikm_e", Hex.encode(HPKE_IKM_E));
        byte[] envelope = HandsetProtocol.sealResponse(sr, accordHpke.publicKey(), HPKE_IKM_E);
        v.put("hpke_enc", Hex.encode(Arrays.copyOfRange(envelope, 19, 51)));
        v.put("response_envelope", Hex.encode(envelope));

        // the open() side must accept it
        OpenResult r = ServerProtocol.openAndVerify(new InMemoryKeyCustody(accordHpke), signing.publicKey(),
                ServerProtocol.parseResponseEnvelope(envelope));
        if (!r.verified() || !ServerProtocol.responseMatches(cell, c, r.response())) {
            throw new IllegalStateException("vector does not verify: " + r);
        }
        return v;
    }

    public static void main(String[] args) throws Exception {
        generate(Argon2idParams.HANDSET_V1).forEach((k, val) -> System.out.println(k + " = " + val));
    }
}
