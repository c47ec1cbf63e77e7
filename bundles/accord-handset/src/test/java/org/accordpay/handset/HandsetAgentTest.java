package org.accordpay.handset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.accordpay.crypto.protocol.Challenge;
import org.accordpay.crypto.protocol.Hex;
import org.accordpay.crypto.protocol.ProtocolException;
import org.accordpay.crypto.protocol.Refusal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandsetAgentTest {
    static final char[] PIN = "583920".toCharArray();
    @TempDir
    Path dir;
    Path file;
    Clock clock = Clock.fixed(Instant.ofEpochSecond(TestAccord.NOW + 10), ZoneOffset.UTC);
    TestAccord accord = new TestAccord(32);
    HandsetAgent agent;

    @BeforeEach
    void enrol() throws Exception {
        file = dir.resolve("handset.state");
        agent = HandsetAgent.create(file, clock);
        agent.enrol(accord.provision(agent.enrolmentRequest(accord.nonce)), PIN);
    }

    @Test
    void approvesWhatItShowsAndAccordAccepts() throws Exception {
        Challenge c = accord.challenge(3);
        Display d = agent.show(accord.seal(c)).orElseThrow();
        assertThat(d.text()).isEqualTo("Pay 49.99 EUR to Librairie Duval?");
        byte[] response = HandsetAgent.load(file, clock).approve(PIN); // survives a restart between show and approve
        assertThat(accord.accepts(c, response)).isTrue();
        assertThat(HandsetAgent.load(file, clock).remainingCells()).isEqualTo(31);
    }

    @Test
    void wrongPinStillAnswersButAccordRefusesWithAValidSignature() throws Exception {
        Challenge c = accord.challenge(4);
        agent.show(accord.seal(c));
        byte[] response = agent.approve("739146".toCharArray());
        assertThat(accord.signatureValid(response)).as("counts toward the lock-out").isTrue();
        assertThat(accord.accepts(c, response)).isFalse();
    }

    @Test
    void repeatedChallengeIdIsIgnoredAndErasedAddressRefused() throws Exception {
        Challenge c = accord.challenge(5);
        byte[] sealed = accord.seal(c);
        agent.show(sealed);
        agent.approve(PIN);
        assertThat(agent.show(sealed)).isEmpty();
        assertThat(agent.show(accord.seal(c))).as("same id, new nonce").isEmpty();
        Challenge again = accord.challenge(5);
        assertThatThrownBy(() -> agent.show(accord.seal(again)))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.refusal()).isEqualTo(Refusal.ERASED_ADDRESS));
        Challenge outside = accord.challenge(32);
        assertThatThrownBy(() -> agent.show(accord.seal(outside)))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.refusal()).isEqualTo(Refusal.ERASED_ADDRESS));
    }

    @Test
    void cellIsErasedFromTheFileAsSoonAsShown() throws Exception {
        Challenge c = accord.challenge(6);
        agent.show(accord.seal(c));
        byte[] before = Files.readAllBytes(file);
        agent.decline(PIN);
        HandsetAgent reloaded = HandsetAgent.load(file, clock);
        assertThat(reloaded.remainingCells()).isEqualTo(31);
        assertThat(Files.readAllBytes(file)).isNotEqualTo(before);
        assertThatThrownBy(() -> reloaded.approve(PIN)).isInstanceOf(HandsetException.class);
    }

    @Test
    void expiredChallengeRefused() throws Exception {
        HandsetAgent late = HandsetAgent.load(file, Clock.fixed(Instant.ofEpochSecond(TestAccord.NOW + 500), ZoneOffset.UTC));
        assertThatThrownBy(() -> late.show(accord.seal(accord.challenge(7))))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.refusal()).isEqualTo(Refusal.EXPIRED));
    }

    @Test
    void changePinReencodesTheTable() throws Exception {
        char[] newPin = "739146".toCharArray();
        assertThatThrownBy(() -> agent.changePin(PIN, "123456".toCharArray())).isInstanceOf(HandsetException.class);
        agent.changePin(PIN, newPin);
        Challenge c = accord.challenge(8);
        agent.show(accord.seal(c));
        assertThat(accord.accepts(c, agent.approve(newPin))).isTrue();
        Challenge c2 = accord.challenge(9);
        agent.show(accord.seal(c2));
        assertThat(accord.accepts(c2, agent.approve(PIN))).as("old PIN no longer works").isFalse();
    }

    @Test
    void pinChangeWhileAChallengeIsShownKeepsItAnswerable() throws Exception {
        Challenge c = accord.challenge(10);
        agent.show(accord.seal(c));
        agent.changePin(PIN, "739146".toCharArray());
        assertThat(accord.accepts(c, agent.approve("739146".toCharArray()))).isTrue();
    }

    @Test
    void reprovisionSwitchesGenerationAndRefusesOldOnes() throws Exception {
        byte[] gen1 = accord.tableId;
        byte[] pkg2 = accord.newGeneration();
        agent.reprovision(pkg2, PIN);
        assertThat(agent.generation()).isEqualTo(2);
        assertThatThrownBy(() -> agent.reprovision(pkg2, PIN))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.refusal()).isEqualTo(Refusal.STALE_TABLE));
        Challenge c = accord.challenge(1);
        agent.show(accord.seal(c));
        assertThat(accord.accepts(c, agent.approve(PIN))).isTrue();
        assertThat(gen1).isNotEqualTo(accord.tableId);
    }

    @Test
    void reprovisionRequestIsSignedByTheRegisteredKeyAndTheAckNamesTheNewGeneration() throws Exception {
        byte[] approved = org.accordpay.crypto.protocol.ServerProtocol.newId();
        org.accordpay.crypto.protocol.ReprovisionRequest request =
                org.accordpay.crypto.protocol.ServerProtocol.parseReprovisionRequest(agent.reprovisionRequest(approved));
        assertThat(request.approvedChallengeId()).isEqualTo(approved);
        assertThat(request.signingPublicKey()).isEqualTo(accord.devicePublicKey);
        assertThat(request.agreementPublicKey()).isEqualTo(accord.agreementPublicKey);

        byte[] pkg2 = accord.newGeneration();
        byte[] ackBytes = agent.reprovision(pkg2, PIN);
        org.accordpay.crypto.protocol.ReprovisionAck ack =
                org.accordpay.crypto.protocol.ServerProtocol.parseReprovisionAck(ackBytes);
        assertThat(ackBytes).hasSize(org.accordpay.crypto.protocol.ReprovisionAck.LENGTH);
        assertThat(ack.signatureValid(accord.devicePublicKey)).isTrue();
        assertThat(ack.deviceId()).isEqualTo(accord.deviceId);
        assertThat(ack.generation()).isEqualTo(2);
        assertThat(ack.tableId()).isEqualTo(accord.tableId);
        // the state file was written first: a restarted agent sends the same acknowledgement again
        assertThat(HandsetAgent.load(file, clock).acknowledgement()).isEqualTo(ackBytes);
        byte[] flipped = ackBytes.clone();
        flipped[20] ^= 1;
        assertThat(org.accordpay.crypto.protocol.ServerProtocol.parseReprovisionAck(flipped)
                .signatureValid(accord.devicePublicKey)).isFalse();
        assertThatThrownBy(() -> org.accordpay.crypto.protocol.ServerProtocol.parseReprovisionAck(
                java.util.Arrays.copyOf(ackBytes, ackBytes.length + 1)))
                .isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.refusal()).isEqualTo(Refusal.TRAILING_BYTES));
        assertThatThrownBy(() -> org.accordpay.crypto.protocol.ServerProtocol.parseReprovisionRequest(ackBytes))
                .isInstanceOf(ProtocolException.class);
    }

    /** Nothing but the encoded cells (and their salt) depends on the PIN: no offline test. */
    @Test
    void stateFileDependsOnThePinOnlyThroughTheEncodedCells() throws Exception {
        byte[] a = Files.readAllBytes(file);
        agent.changePin(PIN, "739146".toCharArray());
        byte[] b = Files.readAllBytes(file);
        assertThat(b).hasSameSizeAs(a);
        int diff = 0;
        for (int i = 0; i < a.length; i++) {
            diff += a[i] != b[i] ? 1 : 0;
        }
        // 16 bytes of salt + 32 x 16 bytes of cells, nothing else changed (allowing a few equal bytes by chance)
        assertThat(diff).isLessThanOrEqualTo(16 + 32 * 16);
        // and the clear table is nowhere in the file
        String hex = Hex.encode(b);
        for (int i = 0; i < 32; i++) {
            assertThat(hex).doesNotContain(Hex.encode(java.util.Arrays.copyOfRange(accord.cells, i * 16, i * 16 + 16)));
        }
    }

    @Test
    void simulatorCommandsWork() throws Exception {
        Path state = dir.resolve("sim.state");
        TestAccord acc = new TestAccord(16);
        Path req = dir.resolve("req.bin");
        assertThat(sim("--state", state.toString(), "init", "--nonce", Hex.encode(acc.nonce), "--out", req.toString()))
                .contains("enrolment request written");
        Path pkg = dir.resolve("pkg.hex");
        Files.writeString(pkg, Hex.encode(acc.provision(Files.readAllBytes(req))));
        assertThat(sim("--state", state.toString(), "enrol", pkg.toString(), "--pin", "583920")).contains("16 cells");
        Challenge c = acc.challenge(2);
        Path ch = dir.resolve("ch.bin");
        Files.write(ch, acc.seal(c));
        String now = Long.toString(TestAccord.NOW + 5);
        assertThat(sim("--state", state.toString(), "--now", now, "show", ch.toString())).contains("Pay 49.99 EUR");
        Path resp = dir.resolve("resp.bin");
        assertThat(sim("--state", state.toString(), "--now", now, "approve", ch.toString(), "--pin", "583920", "--out",
                resp.toString())).contains("approved");
        assertThat(acc.accepts(c, Files.readAllBytes(resp))).isTrue();
        assertThat(sim("--state", state.toString(), "--now", now, "show", ch.toString())).contains("ignored");
        assertThat(sim("--state", state.toString(), "change-pin", "--old", "583920", "--new", "739146")).contains("PIN changed");
        assertThat(sim("--state", state.toString(), "status")).contains("15 cells left");
        byte[] approved = org.accordpay.crypto.protocol.ServerProtocol.newId();
        Path reprovisionRequest = dir.resolve("reprovision-request.bin");
        assertThat(sim("--state", state.toString(), "reprovision-request", "--challenge", Hex.encode(approved), "--out",
                reprovisionRequest.toString())).contains("request written");
        assertThat(org.accordpay.crypto.protocol.ServerProtocol.parseReprovisionRequest(
                Files.readAllBytes(reprovisionRequest)).approvedChallengeId()).isEqualTo(approved);
        Path pkg2 = dir.resolve("pkg2.bin");
        Files.write(pkg2, acc.newGeneration());
        Path ack = dir.resolve("ack.bin");
        assertThat(sim("--state", state.toString(), "reprovision", pkg2.toString(), "--pin", "739146", "--out",
                ack.toString())).contains("generation 2").contains("acknowledgement written");
        assertThat(org.accordpay.crypto.protocol.ServerProtocol.parseReprovisionAck(Files.readAllBytes(ack))
                .generation()).isEqualTo(2);
        assertThat(sim("--help")).contains("reprovision PACKAGE").contains("reprovision-request");
        assertThat(HandsetSimulator.run(new String[] {"--state", state.toString(), "show", pkg2.toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()))).isEqualTo(1);
    }

    @Test
    void forgedChallengeIsRefusedAndDoesNotPoisonTheReplayList() throws Exception {
        Challenge c = accord.challenge(11);
        byte[] sealed = accord.seal(c);
        byte[] forged = sealed.clone();
        forged[forged.length - 1] ^= 1;
        assertThatThrownBy(() -> agent.show(forged))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.refusal()).isEqualTo(Refusal.DECRYPTION_FAILED));
        assertThat(agent.remainingCells()).isEqualTo(32);
        assertThat(agent.show(sealed)).isPresent();
    }

    @Test
    void aNewChallengeReplacesTheShownOneWhoseCellStaysErased() throws Exception {
        Challenge first = accord.challenge(12);
        Challenge second = accord.challenge(13);
        agent.show(accord.seal(first));
        agent.show(accord.seal(second));
        assertThat(accord.accepts(second, agent.approve(PIN))).isTrue();
        assertThat(agent.remainingCells()).isEqualTo(30);
        assertThatThrownBy(() -> agent.show(accord.seal(accord.challenge(12))))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.refusal()).isEqualTo(Refusal.ERASED_ADDRESS));
    }

    @Test
    void testModeIsShown() throws Exception {
        Challenge c = new Challenge(org.accordpay.crypto.protocol.ServerProtocol.newId(), 14,
                org.accordpay.crypto.protocol.Mode.TEST, "cus-7", accord.deviceId, accord.tableId, accord.generation, 1000,
                "JPY", "mer-1", "Tokyo Shop", "pur-9", TestAccord.NOW, TestAccord.NOW + 180);
        assertThat(agent.show(accord.seal(c)).orElseThrow().text()).isEqualTo("[TEST] Pay 1000 JPY to Tokyo Shop?");
    }

    static String sim(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = HandsetSimulator.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }
}
