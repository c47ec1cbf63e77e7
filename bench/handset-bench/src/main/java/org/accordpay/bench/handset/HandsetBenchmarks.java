package org.accordpay.bench.handset;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.accordpay.crypto.Argon2idParams;
import org.accordpay.crypto.Ed25519;
import org.accordpay.crypto.InMemoryKeyCustody;
import org.accordpay.crypto.Randomness;
import org.accordpay.crypto.RawKeyPair;
import org.accordpay.crypto.SecretBytes;
import org.accordpay.crypto.X25519;
import org.accordpay.crypto.protocol.Challenge;
import org.accordpay.crypto.protocol.Decision;
import org.accordpay.crypto.protocol.HandsetProtocol;
import org.accordpay.crypto.protocol.Mode;
import org.accordpay.crypto.protocol.OpenResult;
import org.accordpay.crypto.protocol.PinEncoding;
import org.accordpay.crypto.protocol.ProtocolException;
import org.accordpay.crypto.protocol.ServerProtocol;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Handset-side and protocol costs, one thread. */
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class HandsetBenchmarks {

    /** The PIN unlock: Argon2id then one cell decoded. "32768:3" is the protocol default. */
    @State(Scope.Thread)
    public static class Unlock {
        @Param({"32768:3", "65536:3", "19456:2"})
        public String params;
        Argon2idParams p;
        byte[] salt = Randomness.bytes(16);
        byte[] tableId = Randomness.bytes(16);
        byte[] encoded = Randomness.bytes(1024 * 16);

        @Setup
        public void setup() {
            String[] mt = params.split(":");
            p = new Argon2idParams(Integer.parseInt(mt[0]), Integer.parseInt(mt[1]), 1);
        }
    }

    @Benchmark
    @BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public byte[] argon2idUnlock(Unlock u) {
        try (SecretBytes k = PinEncoding.deriveKey("583920".toCharArray(), u.salt, u.p)) {
            return PinEncoding.decodeCell(k, u.tableId, u.encoded, 511);
        }
    }

    /** A device and Accord, for seal/open costs. */
    @State(Scope.Thread)
    public static class Wire {
        InMemoryKeyCustody custody = new InMemoryKeyCustody();
        RawKeyPair signing = Ed25519.generate();
        byte[] deviceId = ServerProtocol.newId();
        byte[] tableId = ServerProtocol.newId();
        SecretBytes transportKey = SecretBytes.adopt(Randomness.bytes(32));
        byte[] cell = Randomness.bytes(16);
        Challenge challenge;
        byte[] sealedChallenge;
        byte[] response;

        @Setup(Level.Trial)
        public void setup() {
            long now = System.currentTimeMillis() / 1000;
            challenge = new Challenge(ServerProtocol.newId(), 7, Mode.LIVE, "cus-000001", deviceId, tableId, 1, 4999,
                    "EUR", "mer-0042", "Librairie Duval", "pur-2026-000123", now, now + 180);
            sealedChallenge = ServerProtocol.sealChallenge(transportKey, challenge);
            response = HandsetProtocol.buildResponse(cell, challenge, Decision.APPROVE, signing.privateKey(),
                    custody.serverPublicKey());
        }
    }

    @Benchmark
    @BenchmarkMode(org.openjdk.jmh.annotations.Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public byte[] serverSealChallenge(Wire w) {
        return ServerProtocol.sealChallenge(w.transportKey, w.challenge);
    }

    @Benchmark
    @BenchmarkMode(org.openjdk.jmh.annotations.Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Challenge handsetOpenChallenge(Wire w) throws ProtocolException {
        return HandsetProtocol.openChallenge(w.transportKey, w.deviceId, w.sealedChallenge, w.challenge.issuedAt(),
                i -> false);
    }

    /** MAC + Ed25519 sign + HPKE seal (without the Argon2id unlock). */
    @Benchmark
    @BenchmarkMode(org.openjdk.jmh.annotations.Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public byte[] handsetBuildResponse(Wire w) {
        return HandsetProtocol.buildResponse(w.cell, w.challenge, Decision.APPROVE, w.signing.privateKey(),
                w.custody.serverPublicKey());
    }

    /** HPKE open + Ed25519 verify + transcript and MAC compare: the server's per-response crypto. */
    @Benchmark
    @BenchmarkMode(org.openjdk.jmh.annotations.Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public boolean serverOpenAndVerify(Wire w) throws ProtocolException {
        OpenResult r = ServerProtocol.openAndVerify(w.custody, w.signing.publicKey(),
                ServerProtocol.parseResponseEnvelope(w.response));
        return r.verified() && ServerProtocol.responseMatches(w.cell, w.challenge, r.response());
    }

    /** Enrolment-time cost on the server: X25519 + HKDF for the transport key. */
    @Benchmark
    @BenchmarkMode(org.openjdk.jmh.annotations.Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public byte[] transportKeyAgreement(Wire w) throws ProtocolException {
        try (RawKeyPair device = X25519.generate(); RawKeyPair eph = X25519.generate();
                ServerProtocol.DeviceTransport dt = ServerProtocol.acceptDevice(device.publicKey(), w.deviceId, eph)) {
            return Arrays.copyOf(dt.accordTransportPublicKey(), 1);
        }
    }
}
