package org.accordpay.crypto.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.BitSet;
import org.accordpay.crypto.Ed25519;
import org.accordpay.crypto.InMemoryKeyCustody;
import org.junit.jupiter.api.Test;

class ProtocolTest {
    final Fixture f = new Fixture();

    static Refusal refusal(ThrowingRunnable r) {
        try {
            r.run();
        } catch (ProtocolException e) {
            return e.refusal();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("not refused");
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void fullRoundTripApproveAndDecline() throws Exception {
        for (Decision d : Decision.values()) {
            Challenge c = f.challenge(5);
            byte[] sealed = ServerProtocol.sealChallenge(f.serverTransportKey, c);
            Challenge seen = HandsetProtocol.openChallenge(f.handsetTransportKey, f.deviceId, sealed, Fixture.NOW, i -> false);
            assertThat(seen).isEqualTo(c);
            byte[] envelope = HandsetProtocol.buildResponse(f.cell(5), seen, d, f.signing.privateKey(), f.custody.serverPublicKey());
            assertThat(envelope).hasSize(ResponseEnvelope.LENGTH);
            ResponseEnvelope env = ServerProtocol.parseResponseEnvelope(envelope);
            assertThat(env.deviceId()).isEqualTo(f.deviceId);
            OpenResult r = ServerProtocol.openAndVerify(f.custody, f.signing.publicKey(), env);
            assertThat(r.verified()).isTrue();
            assertThat(r.response().decision()).isEqualTo(d);
            assertThat(ServerProtocol.responseMatches(f.cell(5), c, r.response())).isTrue();
            assertThat(ServerProtocol.macMatches(f.cell(5), c, d, r.response().mac())).isTrue();
            assertThat(ServerProtocol.responseMatches(f.cell(6), c, r.response())).isFalse();
        }
    }

    @Test
    void challengeFitsThreeBinarySmsParts() {
        byte[] sealed = ServerProtocol.sealChallenge(f.serverTransportKey, f.challenge(1));
        assertThat(sealed.length).isLessThanOrEqualTo(3 * 128);
    }

    @Test
    void handsetRefusesExpiredFutureErasedForeignAndTooNew() {
        Challenge c = f.challenge(3);
        byte[] sealed = ServerProtocol.sealChallenge(f.serverTransportKey, c);
        long skew = Protocol.HANDSET_CLOCK_SKEW_SECONDS;
        assertThat(refusal(() -> HandsetProtocol.openChallenge(f.handsetTransportKey, f.deviceId, sealed,
                c.expiresAt() + skew + 1, i -> false))).isEqualTo(Refusal.EXPIRED);
        assertThat(refusal(() -> HandsetProtocol.openChallenge(f.handsetTransportKey, f.deviceId, sealed,
                c.issuedAt() - skew - 1, i -> false))).isEqualTo(Refusal.NOT_YET_VALID);
        BitSet erased = new BitSet();
        erased.set(3);
        assertThat(refusal(() -> HandsetProtocol.openChallenge(f.handsetTransportKey, f.deviceId, sealed,
                Fixture.NOW, erased::get))).isEqualTo(Refusal.ERASED_ADDRESS);
        assertThat(refusal(() -> HandsetProtocol.openChallenge(f.handsetTransportKey, ServerProtocol.newId(), sealed,
                Fixture.NOW, i -> false))).isEqualTo(Refusal.WRONG_ADDRESSEE);
        byte[] v2 = sealed.clone();
        v2[0] = 2;
        assertThat(refusal(() -> HandsetProtocol.openChallenge(f.handsetTransportKey, f.deviceId, v2, Fixture.NOW,
                i -> false))).isEqualTo(Refusal.VERSION_TOO_NEW);
        byte[] v0 = sealed.clone();
        v0[0] = 0;
        assertThat(refusal(() -> HandsetProtocol.openChallenge(f.handsetTransportKey, f.deviceId, v0, Fixture.NOW,
                i -> false))).isEqualTo(Refusal.VERSION_TOO_OLD);
        byte[] suite = sealed.clone();
        suite[1] = 9;
        assertThat(refusal(() -> HandsetProtocol.openChallenge(f.handsetTransportKey, f.deviceId, suite, Fixture.NOW,
                i -> false))).isEqualTo(Refusal.UNSUPPORTED_SUITE);
        byte[] trailing = Arrays.copyOf(sealed, sealed.length + 1);
        assertThat(refusal(() -> HandsetProtocol.openChallenge(f.handsetTransportKey, f.deviceId, trailing, Fixture.NOW,
                i -> false))).isEqualTo(Refusal.DECRYPTION_FAILED);
    }

    @Test
    void serverRefusesTruncatedTrailingAndVersionsOfResponses() {
        byte[] env = HandsetProtocol.buildResponse(f.cell(1), f.challenge(1), Decision.APPROVE, f.signing.privateKey(),
                f.custody.serverPublicKey());
        assertThat(refusal(() -> ServerProtocol.parseResponseEnvelope(Arrays.copyOf(env, env.length - 1))))
                .isEqualTo(Refusal.TRUNCATED);
        assertThat(refusal(() -> ServerProtocol.parseResponseEnvelope(Arrays.copyOf(env, env.length + 1))))
                .isEqualTo(Refusal.TRAILING_BYTES);
        byte[] old = env.clone();
        old[0] = 0;
        assertThat(refusal(() -> ServerProtocol.parseResponseEnvelope(old))).isEqualTo(Refusal.VERSION_TOO_OLD);
        byte[] neu = env.clone();
        neu[0] = 2;
        assertThat(refusal(() -> ServerProtocol.parseResponseEnvelope(neu))).isEqualTo(Refusal.VERSION_TOO_NEW);
        byte[] type = env.clone();
        type[2] = Protocol.TYPE_CHALLENGE;
        assertThat(refusal(() -> ServerProtocol.parseResponseEnvelope(type))).isEqualTo(Refusal.WRONG_MESSAGE_TYPE);
        assertThat(refusal(() -> ServerProtocol.parseResponseEnvelope(new byte[0]))).isEqualTo(Refusal.TRUNCATED);
    }

    @Test
    void signatureIsCheckedBeforeAnythingElseAndWrongKeyRefused() throws Exception {
        Challenge c = f.challenge(2);
        byte[] env = HandsetProtocol.buildResponse(f.cell(2), c, Decision.APPROVE, f.signing.privateKey(),
                f.custody.serverPublicKey());
        OpenResult other = ServerProtocol.openAndVerify(f.custody, Ed25519.generate().publicKey(),
                ServerProtocol.parseResponseEnvelope(env));
        assertThat(other.verified()).isFalse();
        assertThat(other.refusal()).isEqualTo(Refusal.BAD_SIGNATURE);
        // right MAC but signed by another key (e.g. a thief's own key): refused, and never counted
        byte[] forged = HandsetProtocol.buildResponse(f.cell(2), c, Decision.APPROVE, Ed25519.generate().privateKey(),
                f.custody.serverPublicKey());
        assertThat(ServerProtocol.openAndVerify(f.custody, f.signing.publicKey(), ServerProtocol.parseResponseEnvelope(forged))
                .refusal()).isEqualTo(Refusal.BAD_SIGNATURE);
        // encrypted to another Accord key
        byte[] elsewhere = HandsetProtocol.buildResponse(f.cell(2), c, Decision.APPROVE, f.signing.privateKey(),
                new InMemoryKeyCustody().serverPublicKey());
        assertThat(ServerProtocol.openAndVerify(f.custody, f.signing.publicKey(), ServerProtocol.parseResponseEnvelope(elsewhere))
                .refusal()).isEqualTo(Refusal.DECRYPTION_FAILED);
        // envelope re-addressed to another device: AAD changes, HPKE fails
        byte[] readdressed = env.clone();
        readdressed[3] ^= 1;
        assertThat(ServerProtocol.openAndVerify(f.custody, f.signing.publicKey(),
                ServerProtocol.parseResponseEnvelope(readdressed)).refusal()).isEqualTo(Refusal.DECRYPTION_FAILED);
    }

    @Test
    void responseForAnotherPurchaseDoesNotMatch() throws Exception {
        Challenge c = f.challenge(4);
        Challenge other = f.challenge(4);
        byte[] env = HandsetProtocol.buildResponse(f.cell(4), other, Decision.APPROVE, f.signing.privateKey(),
                f.custody.serverPublicKey());
        OpenResult r = ServerProtocol.openAndVerify(f.custody, f.signing.publicKey(), ServerProtocol.parseResponseEnvelope(env));
        assertThat(r.verified()).isTrue();
        assertThat(ServerProtocol.responseMatches(f.cell(4), c, r.response())).isFalse();
    }

    @Test
    void enrolmentRequestProofOfPossessionAndStrictness() {
        byte[] req = EnrolmentRequest.create(ServerProtocol.newId(), f.signing, f.agreement).encode();
        assertThat(req).hasSize(EnrolmentRequest.LENGTH);
        byte[] bad = req.clone();
        bad[40] ^= 1;
        assertThat(refusal(() -> ServerProtocol.parseEnrolmentRequest(bad))).isEqualTo(Refusal.BAD_SIGNATURE);
        assertThat(refusal(() -> ServerProtocol.parseEnrolmentRequest(Arrays.copyOf(req, 146)))).isEqualTo(Refusal.TRUNCATED);
    }

    @Test
    void provisioningForAnotherDeviceKeyCannotBeOpened() {
        Fixture g = new Fixture();
        ServerProtocol.DeviceTransport dt;
        try {
            dt = ServerProtocol.acceptDevice(EnrolmentRequest.create(ServerProtocol.newId(), g.signing, g.agreement),
                    g.deviceId);
        } catch (ProtocolException e) {
            throw new AssertionError(e);
        }
        ProvisioningPackage pkg = new ProvisioningPackage(1, 1, "cus-2", g.deviceId, g.tableId, 1,
                g.custody.serverPublicKey(), dt.accordTransportPublicKey(),
                org.accordpay.crypto.Argon2idParams.TEST_ONLY, g.cells.clone());
        byte[] sealed = ServerProtocol.sealProvisioning(dt.transportKey(), pkg);
        assertThat(refusal(() -> HandsetProtocol.openProvisioning(f.agreement.privateKey(), f.agreement.publicKey(), sealed)))
                .isEqualTo(Refusal.DECRYPTION_FAILED);
        assertThat(pkg.toString()).doesNotContain(Hex.encode(Arrays.copyOf(g.cells, 16)));
    }

    @Test
    void displayNameWithBidiOrControlCharactersIsRefused() {
        assertThatThrownBy(() -> new Challenge(ServerProtocol.newId(), 1, Mode.LIVE, "c", f.deviceId, f.tableId, 1, 1, "EUR",
                "m", "Shop\u202Eevil", "p", 0, 60)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Challenge(ServerProtocol.newId(), 1, Mode.LIVE, "c", f.deviceId, f.tableId, 1, 1, "EUR",
                "m", "Shop", "p", 0, 301)).isInstanceOf(IllegalArgumentException.class);
    }
}
