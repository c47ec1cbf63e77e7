package org.accordpay.crypto.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.accordpay.crypto.Argon2idParams;
import org.accordpay.crypto.Randomness;
import org.accordpay.crypto.SecretBytes;

/** Property tests of the protocol rules (docs/handset-protocol.md, "Rules"). */
class ProtocolPropertiesTest {
    static final Fixture F = new Fixture();

    /** Returns a copy of {@code c} with field {@code field} (0..15) changed. */
    static Challenge mutate(Challenge c, int field, long salt) {
        byte[] other = ServerProtocol.newId();
        String s = "x" + Long.toHexString(salt);
        return new Challenge(
                field == 0 ? other : c.challengeId(),
                field == 1 ? (c.cellAddress() + 1) % 1024 : c.cellAddress(),
                field == 2 ? (c.mode() == Mode.LIVE ? Mode.TEST : Mode.LIVE) : c.mode(),
                field == 3 ? c.customerId() + s : c.customerId(),
                field == 4 ? other : c.deviceId(),
                field == 5 ? other : c.tableId(),
                field == 6 ? c.generation() + 1 : c.generation(),
                field == 7 ? c.amountMinor() + 1 : c.amountMinor(),
                field == 8 ? "USD" : c.currency(),
                field == 9 ? c.merchantId() + s : c.merchantId(),
                field == 10 ? c.merchantName() + "." : c.merchantName(),
                field == 11 ? c.purchaseId() + s : c.purchaseId(),
                field == 12 ? c.issuedAt() - 1 : c.issuedAt(),
                field == 13 ? c.expiresAt() - 1 : c.expiresAt());
    }

    @Property(tries = 200)
    void changingAnyMacInputFieldMakesTheMacFail(@ForAll @IntRange(min = 0, max = 14) int field,
            @ForAll long salt, @ForAll @IntRange(min = 0, max = 63) int address) {
        Challenge c = F.challenge(address);
        byte[] cell = F.cell(address);
        byte[] mac = ResponseMac.compute(cell, c, Decision.APPROVE);
        if (field == 14) {
            // the decision is a MAC input field too
            assertThat(ResponseMac.matches(cell, c, Decision.DECLINE, mac)).isFalse();
            return;
        }
        Challenge changed = mutate(c, field, salt);
        assertThat(ResponseMac.matches(cell, changed, Decision.APPROVE, mac)).isFalse();
        // version and suite are covered too
        assertThat(Arrays.equals(ResponseMac.input(2, 1, c, Decision.APPROVE), ResponseMac.input(c, Decision.APPROVE)))
                .isFalse();
    }

    @Property(tries = 100)
    void anyFlippedBitInAChallengeIsRefused(@ForAll @IntRange(min = 0, max = 10_000) int position,
            @ForAll @IntRange(min = 0, max = 7) int bit) {
        byte[] sealed = ServerProtocol.sealChallenge(F.serverTransportKey, F.challenge(7));
        int p = position % sealed.length;
        sealed[p] ^= (byte) (1 << bit);
        assertRefused(() -> HandsetProtocol.openChallenge(F.handsetTransportKey, F.deviceId, sealed, Fixture.NOW, i -> false));
    }

    @Property(tries = 60)
    void anyTruncationOfAChallengeOrResponseIsRefused(@ForAll @IntRange(min = 0, max = 400) int cut) {
        byte[] sealed = ServerProtocol.sealChallenge(F.serverTransportKey, F.challenge(8));
        int n = cut % sealed.length;
        assertRefused(() -> HandsetProtocol.openChallenge(F.handsetTransportKey, F.deviceId, Arrays.copyOf(sealed, n),
                Fixture.NOW, i -> false));
        byte[] env = HandsetProtocol.buildResponse(F.cell(8), F.challenge(8), Decision.APPROVE, F.signing.privateKey(),
                F.custody.serverPublicKey());
        assertRefused(() -> ServerProtocol.parseResponseEnvelope(Arrays.copyOf(env, cut % env.length)));
    }

    @Property(tries = 100)
    void anyTamperedOrReorderedResponseIsRefused(@ForAll @IntRange(min = 0, max = 10_000) int position,
            @ForAll @IntRange(min = 0, max = 7) int bit, @ForAll boolean swap) throws Exception {
        Challenge c = F.challenge(9);
        byte[] env = HandsetProtocol.buildResponse(F.cell(9), c, Decision.APPROVE, F.signing.privateKey(),
                F.custody.serverPublicKey());
        int p = position % env.length;
        if (swap) {
            // re-order: swap two distinct bytes (skip the no-op case of equal bytes)
            int q = (p + 1 + position % 37) % env.length;
            if (env[p] == env[q]) {
                env[p] ^= 1;
            } else {
                byte t = env[p];
                env[p] = env[q];
                env[q] = t;
            }
        } else {
            env[p] ^= (byte) (1 << bit);
        }
        try {
            ResponseEnvelope e = ServerProtocol.parseResponseEnvelope(env);
            OpenResult r = ServerProtocol.openAndVerify(F.custody, F.signing.publicKey(), e);
            assertThat(r.verified() && ServerProtocol.responseMatches(F.cell(9), c, r.response())).isFalse();
        } catch (ProtocolException expected) {
            // refused by the strict parser
        }
    }

    /**
     * A wrong PIN never yields a valid response: the cell it decodes is another 16-byte value,
     * and the MAC made with it does not match.
     */
    @Property(tries = 50)
    void wrongPinNeverYieldsAValidResponse(@ForAll("pins") String wrongPin, @ForAll @IntRange(min = 0, max = 63) int address) {
        String pin = "583920";
        if (wrongPin.equals(pin)) {
            return;
        }
        byte[] salt = new byte[16];
        byte[] encoded;
        try (SecretBytes k = PinEncoding.deriveKey(pin.toCharArray(), salt, Argon2idParams.TEST_ONLY)) {
            encoded = PinEncoding.xorTable(k, F.tableId, F.cells);
        }
        Challenge c = F.challenge(address);
        byte[] guessCell;
        try (SecretBytes k = PinEncoding.deriveKey(wrongPin.toCharArray(), salt, Argon2idParams.TEST_ONLY)) {
            guessCell = PinEncoding.decodeCell(k, F.tableId, encoded, address);
        }
        assertThat(guessCell).hasSize(16).isNotEqualTo(F.cell(address));
        byte[] mac = ResponseMac.compute(guessCell, c, Decision.APPROVE);
        assertThat(ServerProtocol.macMatches(F.cell(address), c, Decision.APPROVE, mac)).isFalse();
    }

    /**
     * No offline PIN test: for any guess, decoding the encoded table yields 16 KiB that look like
     * uniform random bytes (what a real table is) — no structure tells a right guess from a wrong
     * one, and decoding never fails.
     */
    @Property(tries = 20)
    void everyPinGuessDecodesToAnEquallyPlausibleTable(@ForAll("pins") String guess) {
        byte[] tableId = ServerProtocol.newId();
        byte[] real = Randomness.bytes(1024 * 16);
        byte[] salt = Randomness.bytes(16);
        byte[] encoded;
        try (SecretBytes k = PinEncoding.deriveKey("583920".toCharArray(), salt, Argon2idParams.TEST_ONLY)) {
            encoded = PinEncoding.xorTable(k, tableId, real);
        }
        byte[] decoded;
        try (SecretBytes k = PinEncoding.deriveKey(guess.toCharArray(), salt, Argon2idParams.TEST_ONLY)) {
            decoded = PinEncoding.xorTable(k, tableId, encoded);
        }
        assertThat(decoded).hasSameSizeAs(real);
        if (!guess.equals("583920")) {
            assertThat(decoded).isNotEqualTo(real);
        }
        // a wrong guess and the real table pass the same uniformity test: nothing to tell them apart
        assertThat(chiSquare(decoded)).isLessThan(chiSquareBound());
        assertThat(chiSquare(real)).isLessThan(chiSquareBound());
    }

    /** The same statistic for the real table and a wrong guess: both uniform; 255 degrees of freedom. */
    static double chiSquare(byte[] b) {
        int[] counts = new int[256];
        for (byte x : b) {
            counts[x & 0xFF]++;
        }
        double expected = b.length / 256.0;
        double chi = 0;
        for (int c : counts) {
            chi += (c - expected) * (c - expected) / expected;
        }
        return chi;
    }

    /** p < 1e-6 bound for 255 degrees of freedom (mean 255, sd ~22.6). */
    static double chiSquareBound() {
        return 400;
    }

    @Provide
    Arbitrary<String> pins() {
        return Arbitraries.strings().numeric().ofMinLength(6).ofMaxLength(8);
    }

    @Property(tries = 50)
    void pinPolicyNeverAcceptsShortOrNonDigit(@ForAll @StringLength(max = 5) String s) {
        assertThat(PinPolicy.check(s.toCharArray())).isPresent();
    }

    interface Call {
        void run() throws Exception;
    }

    static void assertRefused(Call call) {
        try {
            call.run();
        } catch (ProtocolException e) {
            return;
        } catch (Exception e) {
            throw new AssertionError("unexpected " + e, e);
        }
        throw new AssertionError("accepted");
    }
}
