package org.accordpay.crypto.protocol;

import java.util.Arrays;
import org.accordpay.crypto.AesGcm;
import org.accordpay.crypto.ConstantTime;
import org.accordpay.crypto.IntegrityException;
import org.accordpay.crypto.KeyCustody;
import org.accordpay.crypto.Randomness;
import org.accordpay.crypto.RawKeyPair;
import org.accordpay.crypto.SecretBytes;
import org.accordpay.crypto.Sha256;
import org.accordpay.crypto.X25519;

/** Server-side pure functions of protocol version 1. No state; thread-safe. */
public final class ServerProtocol {
    private ServerProtocol() {
    }

    /** A fresh 128-bit random challenge id (or device/table id). */
    public static byte[] newId() {
        return Randomness.bytes(Protocol.ID_LENGTH);
    }

    /** The derived transport key of a device and Accord's ephemeral public key to send in the package. */
    public record DeviceTransport(SecretBytes transportKey, byte[] accordTransportPublicKey) implements AutoCloseable {
        public DeviceTransport {
            accordTransportPublicKey = accordTransportPublicKey.clone();
        }

        @Override
        public byte[] accordTransportPublicKey() {
            return accordTransportPublicKey.clone();
        }

        @Override
        public void close() {
            transportKey.close();
        }

        @Override
        public String toString() {
            return "DeviceTransport[" + transportKey + "]";
        }
    }

    /** Parses and checks an enrolment request (strict layout and proof of possession). */
    public static EnrolmentRequest parseEnrolmentRequest(byte[] bytes) throws ProtocolException {
        return EnrolmentRequest.parse(bytes);
    }

    /**
     * Parses a re-provisioning request: strict layout and signature under the key it carries.
     * The caller must still check that this key is the device's registered one.
     */
    public static ReprovisionRequest parseReprovisionRequest(byte[] bytes) throws ProtocolException {
        return ReprovisionRequest.parse(bytes);
    }

    /**
     * Parses a re-provisioning acknowledgement (strict layout); check it with
     * {@link ReprovisionAck#signatureValid} against the registered key.
     */
    public static ReprovisionAck parseReprovisionAck(byte[] bytes) throws ProtocolException {
        return ReprovisionAck.parse(bytes);
    }

    /**
     * Derives the transport key of a re-provisioned device's next generation with a fresh
     * ephemeral X25519 key, which is forgotten on return.
     */
    public static DeviceTransport acceptDevice(ReprovisionRequest request, byte[] deviceId) throws ProtocolException {
        try (RawKeyPair eph = X25519.generate()) {
            return acceptDevice(request.agreementPublicKey(), deviceId, eph);
        }
    }

    /**
     * Derives the transport key for an enrolling (or re-provisioned) device with a fresh ephemeral
     * X25519 key, which is forgotten on return.
     */
    public static DeviceTransport acceptDevice(EnrolmentRequest request, byte[] deviceId) throws ProtocolException {
        try (RawKeyPair eph = X25519.generate()) {
            return acceptDevice(request.agreementPublicKey(), deviceId, eph);
        }
    }

    /** Same with a given ephemeral key and device agreement public key (test vectors, re-provisioning). */
    public static DeviceTransport acceptDevice(byte[] deviceAgreementPublicKey, byte[] deviceId, RawKeyPair accordEphemeral)
            throws ProtocolException {
        try {
            SecretBytes key = TransportKey.derive(accordEphemeral.privateKey(), deviceAgreementPublicKey,
                    Fields.id(deviceId, "deviceId"), deviceAgreementPublicKey, accordEphemeral.publicKey());
            return new DeviceTransport(key, accordEphemeral.publicKey());
        } catch (IntegrityException e) {
            throw new ProtocolException(Refusal.MALFORMED);
        }
    }

    /** Seals a provisioning package under the device's transport key (random nonce). */
    public static byte[] sealProvisioning(SecretBytes transportKey, ProvisioningPackage pkg) {
        return sealProvisioning(transportKey, pkg, Randomness.bytes(AesGcm.NONCE_LENGTH));
    }

    /** Same with a given nonce (test vectors only: never reuse a nonce under one key). */
    public static byte[] sealProvisioning(SecretBytes transportKey, ProvisioningPackage pkg, byte[] nonce) {
        byte[] header = pkg.header(nonce);
        byte[] body = pkg.body();
        try {
            return new ByteWriter().raw(header).raw(AesGcm.seal(transportKey, nonce, header, body)).toByteArray();
        } finally {
            Arrays.fill(body, (byte) 0);
        }
    }

    /** Seals a challenge under the device's transport key (random nonce), header authenticated. */
    public static byte[] sealChallenge(SecretBytes transportKey, Challenge challenge) {
        return sealChallenge(transportKey, challenge, Randomness.bytes(AesGcm.NONCE_LENGTH));
    }

    /** Same with a given nonce (test vectors only). */
    public static byte[] sealChallenge(SecretBytes transportKey, Challenge challenge, byte[] nonce) {
        byte[] header = SealedChallenge.header(challenge.deviceId(), nonce);
        return new ByteWriter().raw(header).raw(AesGcm.seal(transportKey, nonce, header, challenge.encode()))
                .toByteArray();
    }

    /** Strict parse of the outer envelope so the caller can look the device up by its id. */
    public static ResponseEnvelope parseResponseEnvelope(byte[] bytes) throws ProtocolException {
        return ResponseEnvelope.parse(bytes);
    }

    /**
     * Decrypts the envelope with Accord's HPKE key and verifies the device signature (before any
     * MAC is looked at). Only a verified result may count toward the lock-out.
     */
    public static OpenResult openAndVerify(KeyCustody custody, byte[] deviceSigningPublicKey, ResponseEnvelope envelope) {
        byte[] plain;
        try {
            plain = custody.openResponse(envelope.enc(), envelope.ciphertext(), Protocol.HPKE_INFO_RESPONSE,
                    envelope.header());
        } catch (IntegrityException e) {
            return OpenResult.refused(Refusal.DECRYPTION_FAILED);
        }
        SignedResponse response;
        try {
            response = SignedResponse.decode(plain);
        } catch (ProtocolException e) {
            return OpenResult.refused(e.refusal());
        }
        if (!response.signatureValid(deviceSigningPublicKey)) {
            return OpenResult.refused(Refusal.BAD_SIGNATURE);
        }
        if (!Arrays.equals(response.deviceId(), envelope.deviceId())) {
            return OpenResult.refused(Refusal.DEVICE_MISMATCH);
        }
        return OpenResult.verified(response);
    }

    /** The MAC check alone: constant time over the full 16 bytes. */
    public static boolean macMatches(byte[] cell, Challenge challenge, Decision decision, byte[] mac) {
        return ResponseMac.matches(cell, challenge, decision, mac);
    }

    /**
     * Whether a verified response answers {@code challenge} with the right cell: challenge id,
     * device id, transcript hash and MAC, all compared in constant time without short-circuit.
     */
    public static boolean responseMatches(byte[] cell, Challenge challenge, SignedResponse response) {
        boolean id = ConstantTime.equals(challenge.challengeId(), response.challengeId());
        boolean device = ConstantTime.equals(challenge.deviceId(), response.deviceId());
        boolean hash = ConstantTime.equals(Sha256.digest(ResponseMac.input(challenge, response.decision())),
                response.transcriptHash());
        boolean mac = ResponseMac.matches(cell, challenge, response.decision(), response.mac());
        return id & device & hash & mac;
    }
}
