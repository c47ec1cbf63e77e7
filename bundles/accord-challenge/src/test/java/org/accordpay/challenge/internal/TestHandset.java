package org.accordpay.challenge.internal;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.accordpay.crypto.Ed25519;
import org.accordpay.crypto.RawKeyPair;
import org.accordpay.crypto.Randomness;
import org.accordpay.crypto.protocol.Challenge;
import org.accordpay.crypto.protocol.Decision;
import org.accordpay.crypto.protocol.EnrolmentRequest;
import org.accordpay.crypto.protocol.HandsetProtocol;
import org.accordpay.crypto.protocol.ProtocolException;
import org.accordpay.crypto.protocol.Protocol;
import org.accordpay.crypto.protocol.ProvisioningPackage;
import org.accordpay.crypto.protocol.ReprovisionAck;
import org.accordpay.crypto.protocol.ReprovisionRequest;
import org.accordpay.crypto.X25519;

/**
 * A minimal handset built on the protocol functions alone (no PIN encoding), to drive the engine
 * in tests: it can answer with the right cell, or with a wrong one as a wrong PIN would produce.
 */
final class TestHandset {

    final RawKeyPair signing = Ed25519.generate();
    final RawKeyPair agreement = X25519.generate();
    private HandsetProtocol.OpenedProvisioning provisioning;
    private final Set<Integer> erased = new HashSet<>();

    byte[] enrolmentRequest() {
        return EnrolmentRequest.create(Randomness.bytes(16), signing, agreement).encode();
    }

    void provision(byte[] sealedPackage) throws ProtocolException {
        provisioning = HandsetProtocol.openProvisioning(agreement.privateKey(), agreement.publicKey(), sealedPackage);
    }

    /** The re-provisioning request for an approved challenge, signed by this handset's key. */
    byte[] reprovisionRequest(byte[] approvedChallengeId) {
        return reprovisionRequest(approvedChallengeId, signing);
    }

    /** The same request signed by {@code key} (its public key in the request). */
    byte[] reprovisionRequest(byte[] approvedChallengeId, RawKeyPair key) {
        return ReprovisionRequest.create(approvedChallengeId, key, agreement).encode();
    }

    /** Installs a new generation (the handset's atomic switch) and returns its signed acknowledgement. */
    byte[] reprovision(byte[] sealedPackage) throws ProtocolException {
        HandsetProtocol.OpenedProvisioning next =
                HandsetProtocol.openProvisioning(agreement.privateKey(), agreement.publicKey(), sealedPackage);
        provisioning = next;
        erased.clear();
        return acknowledgement();
    }

    /** The signed acknowledgement of the installed generation. */
    byte[] acknowledgement() {
        ProvisioningPackage pkg = provisioning.pkg();
        return ReprovisionAck.create(pkg.deviceId(), pkg.generation(), pkg.tableId(), signing.privateKey()).encode();
    }

    ProvisioningPackage installed() {
        return provisioning.pkg();
    }

    Challenge read(byte[] sealedChallenge, long nowEpochSeconds) throws ProtocolException {
        return HandsetProtocol.openChallenge(provisioning.transportKey(), provisioning.pkg().deviceId(),
                sealedChallenge, nowEpochSeconds, erased::contains);
    }

    /** Answers with the right cell (the right PIN). */
    byte[] answer(byte[] sealedChallenge, long now, Decision decision) throws ProtocolException {
        return respond(sealedChallenge, now, decision, false);
    }

    /** Answers with a wrong cell, as a wrong PIN decodes one. */
    byte[] answerWithWrongPin(byte[] sealedChallenge, long now) throws ProtocolException {
        return respond(sealedChallenge, now, Decision.APPROVE, true);
    }

    /**
     * The right cell and decision, but signed by another key, as an attacker who stole the table
     * (not the device key) would answer. The cell is not erased, so the real answer can follow.
     */
    byte[] answerSignedBy(byte[] sealedChallenge, long now, RawKeyPair otherKey) throws ProtocolException {
        Challenge challenge = read(sealedChallenge, now);
        return HandsetProtocol.buildResponse(cell(challenge), challenge, Decision.APPROVE, otherKey.privateKey(),
                provisioning.pkg().accordHpkePublicKey());
    }

    private byte[] respond(byte[] sealedChallenge, long now, Decision decision, boolean wrong)
            throws ProtocolException {
        Challenge challenge = read(sealedChallenge, now);
        byte[] cell = wrong ? Randomness.bytes(Protocol.CELL_LENGTH) : cell(challenge);
        erased.add(challenge.cellAddress());
        return HandsetProtocol.buildResponse(cell, challenge, decision, signing.privateKey(),
                provisioning.pkg().accordHpkePublicKey());
    }

    private byte[] cell(Challenge challenge) {
        int address = challenge.cellAddress();
        return Arrays.copyOfRange(provisioning.pkg().cells(), address * Protocol.CELL_LENGTH,
                (address + 1) * Protocol.CELL_LENGTH);
    }
}
