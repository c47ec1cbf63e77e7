package org.accordpay.crypto.protocol;

import java.util.Arrays;
import org.accordpay.crypto.Ed25519;
import org.accordpay.crypto.InMemoryKeyCustody;
import org.accordpay.crypto.Randomness;
import org.accordpay.crypto.RawKeyPair;
import org.accordpay.crypto.SecretBytes;
import org.accordpay.crypto.X25519;

/** A device enrolled with an in-memory Accord, for tests. */
final class Fixture {
    final InMemoryKeyCustody custody = new InMemoryKeyCustody();
    final RawKeyPair signing = Ed25519.generate();
    final RawKeyPair agreement = X25519.generate();
    final byte[] deviceId = ServerProtocol.newId();
    final byte[] tableId = ServerProtocol.newId();
    final byte[] cells = Randomness.bytes(64 * 16);
    final SecretBytes serverTransportKey;
    final SecretBytes handsetTransportKey;
    static final long NOW = 1_764_072_000L;

    Fixture() {
        try {
            EnrolmentRequest req = ServerProtocol.parseEnrolmentRequest(
                    EnrolmentRequest.create(ServerProtocol.newId(), signing, agreement).encode());
            ServerProtocol.DeviceTransport dt = ServerProtocol.acceptDevice(req, deviceId);
            serverTransportKey = dt.transportKey();
            ProvisioningPackage pkg = new ProvisioningPackage(1, 1, "cus-1", deviceId, tableId, 1,
                    custody.serverPublicKey(), dt.accordTransportPublicKey(),
                    org.accordpay.crypto.Argon2idParams.TEST_ONLY, cells.clone());
            byte[] sealed = ServerProtocol.sealProvisioning(serverTransportKey, pkg);
            HandsetProtocol.OpenedProvisioning opened =
                    HandsetProtocol.openProvisioning(agreement.privateKey(), agreement.publicKey(), sealed);
            handsetTransportKey = opened.transportKey();
        } catch (ProtocolException e) {
            throw new AssertionError(e);
        }
    }

    Challenge challenge(int address) {
        return new Challenge(ServerProtocol.newId(), address, Mode.LIVE, "cus-1", deviceId, tableId, 1, 1250, "EUR",
                "mer-1", "Shop One", "pur-1", NOW, NOW + Protocol.DEFAULT_LIFETIME_SECONDS);
    }

    byte[] cell(int address) {
        return Arrays.copyOfRange(cells, address * 16, address * 16 + 16);
    }
}
