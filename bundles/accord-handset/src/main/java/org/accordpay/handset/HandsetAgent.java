package org.accordpay.handset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Optional;
import org.accordpay.crypto.Ed25519;
import org.accordpay.crypto.Randomness;
import org.accordpay.crypto.RawKeyPair;
import org.accordpay.crypto.SecretBytes;
import org.accordpay.crypto.X25519;
import org.accordpay.crypto.protocol.Challenge;
import org.accordpay.crypto.protocol.Decision;
import org.accordpay.crypto.protocol.EnrolmentRequest;
import org.accordpay.crypto.protocol.HandsetProtocol;
import org.accordpay.crypto.protocol.Mode;
import org.accordpay.crypto.protocol.PinEncoding;
import org.accordpay.crypto.protocol.PinPolicy;
import org.accordpay.crypto.protocol.ProtocolException;
import org.accordpay.crypto.protocol.ProvisioningPackage;
import org.accordpay.crypto.protocol.Refusal;
import org.accordpay.crypto.protocol.ReprovisionAck;
import org.accordpay.crypto.protocol.ReprovisionRequest;
import org.accordpay.crypto.protocol.SignedResponse;

/**
 * The reference handset agent (docs/handset-protocol.md). Holds its state in one file, rewritten
 * atomically after every change. Not thread-safe: one user, one screen.
 *
 * <p>The agent never checks a PIN: a wrong PIN silently decodes another cell value and the
 * response fails at Accord, which counts it. A used cell is erased from the table as soon as
 * its challenge is accepted for display.
 */
public final class HandsetAgent {
    private final Path file;
    private final Clock clock;
    private final HandsetState state;

    private HandsetAgent(Path file, Clock clock, HandsetState state) {
        this.file = file;
        this.clock = clock;
        this.state = state;
    }

    /** A new, unenrolled handset with fresh device keys (Ed25519 signing, X25519 agreement). */
    public static HandsetAgent create(Path file, Clock clock) throws IOException {
        if (Files.exists(file)) {
            throw new IOException("state file exists: " + file);
        }
        HandsetState s = new HandsetState();
        try (RawKeyPair sig = Ed25519.generate(); RawKeyPair ka = X25519.generate()) {
            s.signingPrivate = sig.privateKey().copy();
            s.signingPublic = sig.publicKey();
            s.agreementPrivate = ka.privateKey().copy();
            s.agreementPublic = ka.publicKey();
        }
        s.save(file);
        return new HandsetAgent(file, clock, s);
    }

    public static HandsetAgent load(Path file, Clock clock) throws IOException {
        return new HandsetAgent(file, clock, HandsetState.decode(Files.readAllBytes(file)));
    }

    /** The enrolment request to send to Accord over TLS, for the enrolment session's nonce. */
    public byte[] enrolmentRequest(byte[] enrolmentNonce) {
        try (RawKeyPair sig = Ed25519.fromPrivate(state.signingPrivate);
                RawKeyPair ka = X25519.fromPrivate(state.agreementPrivate)) {
            return EnrolmentRequest.create(enrolmentNonce, sig, ka).encode();
        }
    }

    /**
     * The re-provisioning request to send to Accord over TLS (section 10), right after the
     * customer approved the re-provisioning challenge {@code approvedChallengeId} with the PIN:
     * signed by the registered device key; the agreement key stays the device's current one.
     */
    public byte[] reprovisionRequest(byte[] approvedChallengeId) throws HandsetException {
        requireEnrolledUnchecked();
        try (RawKeyPair sig = Ed25519.fromPrivate(state.signingPrivate);
                RawKeyPair ka = X25519.fromPrivate(state.agreementPrivate)) {
            return ReprovisionRequest.create(approvedChallengeId, sig, ka).encode();
        }
    }

    /**
     * The signed acknowledgement of the installed table generation, to send to Accord over TLS;
     * deterministic, so it can be sent again until Accord confirms.
     */
    public byte[] acknowledgement() throws HandsetException {
        requireEnrolledUnchecked();
        try (SecretBytes sig = SecretBytes.copyOf(state.signingPrivate)) {
            return ReprovisionAck.create(state.deviceId, state.generation, state.tableId, sig).encode();
        }
    }

    public byte[] signingPublicKey() {
        return state.signingPublic.clone();
    }

    public boolean enrolled() {
        return state.enrolled;
    }

    public long generation() {
        return state.generation;
    }

    /** Cells neither used nor erased. */
    public int remainingCells() {
        return state.cellCount() - state.erased.cardinality();
    }

    /**
     * Enrols with a sealed provisioning package and the PIN the customer chooses now (PIN policy
     * applies). The clear table is PIN-encoded and forgotten.
     */
    public void enrol(byte[] sealedPackage, char[] newPin) throws ProtocolException, HandsetException, IOException {
        if (state.enrolled) {
            throw new HandsetException("already enrolled: use reprovision");
        }
        checkPolicy(newPin);
        install(sealedPackage, newPin, null);
    }

    /**
     * Installs a new table generation (re-provisioning): same device and customer, higher
     * generation. The table is encoded under {@code pin}, which the handset cannot check (as
     * always): the customer types the PIN used for the challenge that authorised the
     * re-provisioning. The new state is written in one atomic file replace before the
     * acknowledgement is made.
     *
     * @return the signed acknowledgement to send to Accord (as {@link #acknowledgement()})
     */
    public byte[] reprovision(byte[] sealedPackage, char[] pin) throws ProtocolException, HandsetException,
            IOException {
        if (!state.enrolled) {
            throw new HandsetException("not enrolled");
        }
        install(sealedPackage, pin, state);
        return acknowledgement();
    }

    private void install(byte[] sealedPackage, char[] pin, HandsetState current)
            throws ProtocolException, HandsetException, IOException {
        try (SecretBytes ka = SecretBytes.copyOf(state.agreementPrivate);
                HandsetProtocol.OpenedProvisioning opened =
                        HandsetProtocol.openProvisioning(ka, state.agreementPublic, sealedPackage)) {
            ProvisioningPackage pkg = opened.pkg();
            if (current != null) {
                if (!Arrays.equals(pkg.deviceId(), current.deviceId) || !pkg.customerId().equals(current.customerId)) {
                    throw new ProtocolException(Refusal.WRONG_ADDRESSEE);
                }
                if (pkg.generation() <= current.generation) {
                    throw new ProtocolException(Refusal.STALE_TABLE);
                }
            }
            byte[] salt = Randomness.bytes(PinEncoding.SALT_LENGTH);
            byte[] encoded;
            try (SecretBytes key = PinEncoding.deriveKey(pin, salt, pkg.argon2())) {
                encoded = PinEncoding.xorTable(key, pkg.tableId(), pkg.cells());
            }
            // switch generation in one atomic file replace
            state.enrolled = true;
            state.customerId = pkg.customerId();
            state.deviceId = pkg.deviceId();
            state.tableId = pkg.tableId();
            state.generation = pkg.generation();
            state.transportKey = opened.transportKey().copy();
            state.accordHpkePublic = pkg.accordHpkePublicKey();
            state.argon2 = pkg.argon2();
            state.salt = salt;
            state.encodedCells = encoded;
            state.erased = new BitSet();
            state.pendingSealed = null;
            state.pendingEncodedCell = null;
            state.save(file);
        }
    }

    /**
     * Opens a challenge and returns what the screen shows, or empty if its challenge id was seen
     * before (a repeated challenge is ignored). Checks version, addressee, authenticity, expiry
     * and that the address is not erased; then erases the cell from the table at once.
     */
    public Optional<Display> show(byte[] sealedChallenge) throws ProtocolException, IOException {
        requireEnrolled();
        if (state.pendingSealed != null && Arrays.equals(state.pendingSealed, sealedChallenge)) {
            return Optional.of(display(pendingChallenge()));
        }
        Challenge c;
        try (SecretBytes tk = SecretBytes.copyOf(state.transportKey)) {
            // authenticate first: a forged id must not poison the replay list
            c = HandsetProtocol.decryptChallenge(tk, state.deviceId, sealedChallenge);
        }
        if (state.seen(c.challengeId())) {
            return Optional.empty();
        }
        HandsetProtocol.checkChallenge(c, now(), i -> i >= state.cellCount() || state.erased.get(i));
        if (!Arrays.equals(c.tableId(), state.tableId) || c.generation() != state.generation
                || !c.customerId().equals(state.customerId)) {
            throw new ProtocolException(Refusal.STALE_TABLE);
        }
        int a = c.cellAddress();
        state.pendingSealed = sealedChallenge.clone();
        state.pendingEncodedCell = Arrays.copyOfRange(state.encodedCells, a * 16, a * 16 + 16);
        Arrays.fill(state.encodedCells, a * 16, a * 16 + 16, (byte) 0);
        state.erased.set(a);
        state.remember(c.challengeId());
        state.save(file);
        return Optional.of(display(c));
    }

    /** Approves the shown challenge: response bytes to send to Accord. Any PIN gives a response. */
    public byte[] approve(char[] pin) throws ProtocolException, HandsetException, IOException {
        return answer(pin, Decision.APPROVE);
    }

    /** Declines the shown challenge (also keyed by the cell, so Accord knows it is the customer). */
    public byte[] decline(char[] pin) throws ProtocolException, HandsetException, IOException {
        return answer(pin, Decision.DECLINE);
    }

    private byte[] answer(char[] pin, Decision decision) throws ProtocolException, HandsetException, IOException {
        requireEnrolled();
        if (state.pendingSealed == null) {
            throw new HandsetException("no challenge shown");
        }
        Challenge c = pendingChallenge();
        if (now() > c.expiresAt() + org.accordpay.crypto.protocol.Protocol.HANDSET_CLOCK_SKEW_SECONDS) {
            clearPending();
            throw new ProtocolException(Refusal.EXPIRED);
        }
        byte[] cell;
        try (SecretBytes key = PinEncoding.deriveKey(pin, state.salt, state.argon2)) {
            byte[] one = state.pendingEncodedCell;
            cell = PinEncoding.decodeCell(key, state.tableId, shift(one, c.cellAddress()), c.cellAddress());
        }
        try (SecretBytes sig = SecretBytes.copyOf(state.signingPrivate)) {
            SignedResponse r = SignedResponse.create(cell, c, decision, sig);
            return HandsetProtocol.sealResponse(r, state.accordHpkePublic, null);
        } finally {
            Arrays.fill(cell, (byte) 0);
            clearPending();
        }
    }

    /** Places one encoded cell at its index in an otherwise empty table image (for decodeCell). */
    private static byte[] shift(byte[] encodedCell, int index) {
        byte[] image = new byte[(index + 1) * 16];
        System.arraycopy(encodedCell, 0, image, index * 16, 16);
        return image;
    }

    /**
     * Changes the PIN: re-encodes the table under the new PIN with a new salt. The old PIN
     * cannot be checked here; a wrong one leaves a table that fails at Accord (docs: confirm the
     * old PIN with a challenge first).
     */
    public void changePin(char[] oldPin, char[] newPin) throws HandsetException, IOException {
        requireEnrolledUnchecked();
        checkPolicy(newPin);
        byte[] newSalt = Randomness.bytes(PinEncoding.SALT_LENGTH);
        try (SecretBytes oldKey = PinEncoding.deriveKey(oldPin, state.salt, state.argon2);
                SecretBytes newKey = PinEncoding.deriveKey(newPin, newSalt, state.argon2)) {
            state.encodedCells = PinEncoding.reencode(oldKey, newKey, state.tableId, state.encodedCells, state.erased::get);
            if (state.pendingEncodedCell != null) {
                int a = pendingChallengeUnchecked().cellAddress();
                byte[] clear = PinEncoding.decodeCell(oldKey, state.tableId, shift(state.pendingEncodedCell, a), a);
                byte[] image = shift(clear, a);
                state.pendingEncodedCell = Arrays.copyOfRange(PinEncoding.xorTable(newKey, state.tableId, image), a * 16,
                        a * 16 + 16);
                Arrays.fill(clear, (byte) 0);
                Arrays.fill(image, (byte) 0);
            }
        }
        state.salt = newSalt;
        state.save(file);
    }

    private Challenge pendingChallenge() throws ProtocolException {
        try (SecretBytes tk = SecretBytes.copyOf(state.transportKey)) {
            return HandsetProtocol.decryptChallenge(tk, state.deviceId, state.pendingSealed);
        }
    }

    private Challenge pendingChallengeUnchecked() throws HandsetException {
        try {
            return pendingChallenge();
        } catch (ProtocolException e) {
            throw new HandsetException("pending challenge unreadable: " + e.refusal());
        }
    }

    private void clearPending() throws IOException {
        state.pendingSealed = null;
        if (state.pendingEncodedCell != null) {
            Arrays.fill(state.pendingEncodedCell, (byte) 0);
        }
        state.pendingEncodedCell = null;
        state.save(file);
    }

    private static Display display(Challenge c) {
        return new Display(c.amountMinor(), c.currency(), c.merchantName(), c.mode() == Mode.TEST, c.expiresAt());
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    private void requireEnrolled() throws ProtocolException {
        if (!state.enrolled) {
            throw new ProtocolException(Refusal.WRONG_ADDRESSEE);
        }
    }

    private void requireEnrolledUnchecked() throws HandsetException {
        if (!state.enrolled) {
            throw new HandsetException("not enrolled");
        }
    }

    private static void checkPolicy(char[] pin) throws HandsetException {
        Optional<String> reason = PinPolicy.check(pin);
        if (reason.isPresent()) {
            throw new HandsetException(reason.get());
        }
    }

    @Override
    public String toString() {
        return "HandsetAgent[" + file + ", enrolled=" + state.enrolled + ", generation=" + state.generation + "]";
    }
}
