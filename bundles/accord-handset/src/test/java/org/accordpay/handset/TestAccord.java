package org.accordpay.handset;

import java.util.Arrays;
import org.accordpay.crypto.Argon2idParams;
import org.accordpay.crypto.InMemoryKeyCustody;
import org.accordpay.crypto.Randomness;
import org.accordpay.crypto.SecretBytes;
import org.accordpay.crypto.protocol.Challenge;
import org.accordpay.crypto.protocol.EnrolmentRequest;
import org.accordpay.crypto.protocol.Mode;
import org.accordpay.crypto.protocol.OpenResult;
import org.accordpay.crypto.protocol.ProtocolException;
import org.accordpay.crypto.protocol.ProvisioningPackage;
import org.accordpay.crypto.protocol.ServerProtocol;

/** The server side of the protocol, minimal and in memory, for handset tests. */
final class TestAccord {
    static final long NOW = 1_764_072_000L;
    final InMemoryKeyCustody custody = new InMemoryKeyCustody();
    final byte[] deviceId = ServerProtocol.newId();
    final byte[] nonce = ServerProtocol.newId();
    byte[] tableId;
    long generation;
    byte[] cells;
    byte[] devicePublicKey;
    byte[] agreementPublicKey;
    SecretBytes transportKey;
    final int cellCount;

    TestAccord(int cellCount) {
        this.cellCount = cellCount;
    }

    byte[] provision(byte[] enrolmentRequest) throws ProtocolException {
        EnrolmentRequest req = ServerProtocol.parseEnrolmentRequest(enrolmentRequest);
        devicePublicKey = req.signingPublicKey();
        agreementPublicKey = req.agreementPublicKey();
        return newGeneration();
    }

    byte[] newGeneration() throws ProtocolException {
        try (org.accordpay.crypto.RawKeyPair eph = org.accordpay.crypto.X25519.generate()) {
            ServerProtocol.DeviceTransport dt = ServerProtocol.acceptDevice(agreementPublicKey, deviceId, eph);
            transportKey = dt.transportKey();
            tableId = ServerProtocol.newId();
            generation++;
            cells = Randomness.bytes(cellCount * 16);
            ProvisioningPackage pkg = new ProvisioningPackage(1, 1, "cus-7", deviceId, tableId, generation,
                    custody.serverPublicKey(), dt.accordTransportPublicKey(), Argon2idParams.TEST_ONLY, cells.clone());
            return ServerProtocol.sealProvisioning(transportKey, pkg);
        }
    }

    Challenge challenge(int address) {
        return challenge(address, 4999);
    }

    Challenge challenge(int address, long amount) {
        return new Challenge(ServerProtocol.newId(), address, Mode.LIVE, "cus-7", deviceId, tableId, generation, amount,
                "EUR", "mer-0042", "Librairie Duval", "pur-1", NOW, NOW + 180);
    }

    byte[] seal(Challenge c) {
        return ServerProtocol.sealChallenge(transportKey, c);
    }

    /** Full server check: envelope, signature first, then the MAC with Accord's copy of the cell. */
    boolean accepts(Challenge c, byte[] response) {
        try {
            OpenResult r = ServerProtocol.openAndVerify(custody, devicePublicKey, ServerProtocol.parseResponseEnvelope(response));
            byte[] cell = Arrays.copyOfRange(cells, c.cellAddress() * 16, c.cellAddress() * 16 + 16);
            return r.verified() && ServerProtocol.responseMatches(cell, c, r.response());
        } catch (ProtocolException e) {
            return false;
        }
    }

    boolean signatureValid(byte[] response) throws ProtocolException {
        return ServerProtocol.openAndVerify(custody, devicePublicKey, ServerProtocol.parseResponseEnvelope(response)).verified();
    }
}
