package org.accordpay.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Known-answer tests from the RFCs and behaviour of the wrappers. */
class PrimitivesTest {
    static final HexFormat HEX = HexFormat.of();

    static byte[] h(String s) {
        return HEX.parseHex(s);
    }

    @Test
    void secretBytesZeroesOnCloseAndHidesContent() {
        byte[] raw = {1, 2, 3, 4};
        SecretBytes s = SecretBytes.adopt(raw);
        assertThat(s.toString()).isEqualTo("SecretBytes[4 bytes]").doesNotContain("1, 2");
        s.close();
        assertThat(raw).containsOnly(0);
        assertThat(s.isDestroyed()).isTrue();
        assertThatThrownBy(s::copy).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void hkdfRfc5869Case1() {
        byte[] okm = Hkdf.sha256(h("000102030405060708090a0b0c"), h("0b".repeat(22)), h("f0f1f2f3f4f5f6f7f8f9"), 42).copy();
        assertThat(HEX.formatHex(okm))
                .isEqualTo("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
    }

    @Test
    void hmacRfc4231Case2() {
        byte[] mac = Hmac.sha256("Jefe".getBytes(StandardCharsets.US_ASCII),
                "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII));
        assertThat(HEX.formatHex(mac)).isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void ed25519Rfc8032Test1() {
        RawKeyPair kp = Ed25519.fromPrivate(h("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        assertThat(HEX.formatHex(kp.publicKey())).isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        byte[] sig = Ed25519.sign(kp.privateKey(), new byte[0]);
        assertThat(HEX.formatHex(sig)).isEqualTo("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        assertThat(Ed25519.verify(kp.publicKey(), new byte[0], sig)).isTrue();
        assertThat(HEX.formatHex(Ed25519.sign(kp, new byte[0]))).as("with the public key given: the same signature")
                .isEqualTo(HEX.formatHex(sig));
        sig[5] ^= 1;
        assertThat(Ed25519.verify(kp.publicKey(), new byte[0], sig)).isFalse();
        assertThat(Ed25519.verify(new byte[31], new byte[0], sig)).isFalse();
    }

    @Test
    void x25519Rfc7748AgreementAndLowOrderRefusal() throws Exception {
        RawKeyPair alice = X25519.fromPrivate(h("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"));
        RawKeyPair bob = X25519.fromPrivate(h("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"));
        assertThat(HEX.formatHex(alice.publicKey())).isEqualTo("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
        assertThat(HEX.formatHex(X25519.agree(alice.privateKey(), bob.publicKey()).copy()))
                .isEqualTo("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
        assertThatThrownBy(() -> X25519.agree(alice.privateKey(), new byte[32])).isInstanceOf(IntegrityException.class);
    }

    @Test
    void hpkeRfc9180A1BaseModeX25519Aes128Gcm() throws Exception {
        byte[] ikmE = h("7268600d403fce431561aef583ee1613527cff655c1343f29812e66706df3234");
        byte[] ikmR = h("6db9df30aa07dd42ee5e8181afdb977e538f5e1fec8a06223f33f7013e525037");
        RawKeyPair r = Hpke.deriveKeyPair(ikmR);
        assertThat(HEX.formatHex(r.publicKey())).isEqualTo("3948cfe0ad1ddb695d780e59077195da6c56506b027329794ab02bca80815c4d");
        byte[] info = h("4f6465206f6e2061204772656369616e2055726e");
        byte[] pt = h("4265617574792069732074727574682c20747275746820626561757479");
        byte[] aad = h("436f756e742d30");
        Hpke.Sealed s = Hpke.seal(r.publicKey(), info, aad, pt, ikmE);
        assertThat(HEX.formatHex(s.enc())).isEqualTo("37fda3567bdbd628e88668c3c8d7e97d1d1253b6d4ea6d44c150f741f1bf4431");
        assertThat(HEX.formatHex(s.ciphertext()))
                .isEqualTo("f938558b5d72f1a23810b4be2ab4f84331acc02fc97babc53a52ae8218a355a96d8770ac83d07bea87e13c512a");
        assertThat(Hpke.open(r, s.enc(), info, aad, s.ciphertext())).isEqualTo(pt);
        assertThatThrownBy(() -> Hpke.open(r, s.enc(), info, new byte[1], s.ciphertext()))
                .isInstanceOf(IntegrityException.class);
    }

    @Test
    void aesGcmRoundTripAndTamper() throws Exception {
        SecretBytes key = SecretBytes.adopt(Randomness.bytes(32));
        byte[] nonce = Randomness.bytes(12);
        byte[] ct = AesGcm.seal(key, nonce, new byte[] {1}, "hello".getBytes(StandardCharsets.US_ASCII));
        assertThat(new String(AesGcm.open(key, nonce, new byte[] {1}, ct), StandardCharsets.US_ASCII)).isEqualTo("hello");
        assertThatThrownBy(() -> AesGcm.open(key, nonce, new byte[] {2}, ct)).isInstanceOf(IntegrityException.class);
        ct[0] ^= 1;
        assertThatThrownBy(() -> AesGcm.open(key, nonce, new byte[] {1}, ct)).isInstanceOf(IntegrityException.class);
    }

    @Test
    void ctrPrfBlockIsComputedDirectlyAndWrapsAt2Pow128() {
        SecretBytes key = SecretBytes.adopt(Randomness.bytes(32));
        byte[] iv = h("fffffffffffffffffffffffffffffffe");
        byte[] stream = AesCtrPrf.blocks(key, iv, 0, 8);
        for (int i = 0; i < 8; i++) {
            assertThat(AesCtrPrf.blocks(key, iv, i, 1)).isEqualTo(Arrays.copyOfRange(stream, i * 16, i * 16 + 16));
        }
        assertThat(AesCtrPrf.add(iv, 2)).isEqualTo(new byte[16]);
    }

    @Test
    void argon2idRunsWithTestParameters() {
        byte[] a = Argon2id.derive("pw".getBytes(StandardCharsets.US_ASCII), new byte[16], Argon2idParams.TEST_ONLY, 32).copy();
        byte[] b = Argon2id.derive("pw".getBytes(StandardCharsets.US_ASCII), new byte[16], Argon2idParams.TEST_ONLY, 32).copy();
        byte[] c = Argon2id.derive("pX".getBytes(StandardCharsets.US_ASCII), new byte[16], Argon2idParams.TEST_ONLY, 32).copy();
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void inMemoryCustodyWrapsUnderVersionedKeksBoundToAad() throws Exception {
        InMemoryKeyCustody custody = new InMemoryKeyCustody();
        byte[] dataKey = Randomness.bytes(32);
        byte[] w1 = custody.wrapDataKey(dataKey, new byte[] {7});
        assertThat(custody.keyVersionOf(w1)).isEqualTo(1);
        custody.rotate();
        byte[] w2 = custody.wrapDataKey(dataKey, new byte[] {7});
        assertThat(custody.keyVersionOf(w2)).isEqualTo(2).isEqualTo(custody.currentKeyVersion());
        assertThat(custody.unwrapDataKey(w1, new byte[] {7}).copy()).isEqualTo(dataKey);
        assertThat(custody.unwrapDataKey(w2, new byte[] {7}).copy()).isEqualTo(dataKey);
        assertThatThrownBy(() -> custody.unwrapDataKey(w2, new byte[] {8})).isInstanceOf(IntegrityException.class);
        w2[3] = 1; // claim version 1
        assertThatThrownBy(() -> custody.unwrapDataKey(w2, new byte[] {7})).isInstanceOf(IntegrityException.class);
        assertThat(custody.toString()).doesNotContain(HEX.formatHex(dataKey));
    }

    @Test
    void constantTimeCompare() {
        assertThat(ConstantTime.equals(new byte[] {1, 2}, new byte[] {1, 2})).isTrue();
        assertThat(ConstantTime.equals(new byte[] {1, 2}, new byte[] {1, 3})).isFalse();
        assertThat(ConstantTime.equals(new byte[] {1, 2}, new byte[] {1})).isFalse();
        assertThat(ConstantTime.equals(null, new byte[] {1})).isFalse();
    }
}
