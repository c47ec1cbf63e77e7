package org.accordpay.challenge.internal;

import org.accordpay.testkit.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.accordpay.api.challenge.ChallengeException;
import org.accordpay.api.challenge.dto.ChallengeRequest;
import org.accordpay.api.challenge.dto.ChallengeVerdict;
import org.accordpay.api.challenge.dto.IssuedChallenge;
import org.accordpay.api.challenge.dto.Outcome;
import org.accordpay.api.purchase.Mode;
import org.accordpay.crypto.Argon2idParams;
import org.accordpay.api.challenge.dto.CredentialStatus;
import org.accordpay.api.challenge.dto.Provisioning;
import org.accordpay.api.store.dto.CustomerCredential;
import org.accordpay.crypto.Ed25519;
import org.accordpay.crypto.RawKeyPair;
import org.accordpay.crypto.protocol.Challenge;
import org.accordpay.crypto.protocol.Decision;
import org.accordpay.crypto.protocol.Hex;
import org.accordpay.store.internal.JpaStore;
import org.accordpay.store.internal.StoreSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine against the real store on H2, driven by a protocol-level handset. */
class ChallengeEngineTest {

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock();
    private JpaStore store;
    private FileKeyCustody custody;
    private ChallengeEngineImpl engine;
    private int purchases;

    @BeforeEach
    void start() throws Exception {
        store = JpaStore.open(StoreSettings.of("jdbc:h2:" + dir.resolve("db"), "sa", "", 4, 1),
                JpaStore.class.getClassLoader(), clock.asClock());
        custody = FileKeyCustody.open(dir.resolve("etc/accord-keys.p12"), new char[0]);
        engine = engine(ChallengePolicy.defaults(Argon2idParams.TEST_ONLY));
    }

    private ChallengeEngineImpl engine(ChallengePolicy policy) {
        return new ChallengeEngineImpl(store, clock, custody, () -> {
            try {
                custody.rotate();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, policy);
    }

    @AfterEach
    void stop() throws Exception {
        store.close();
    }

    private TestHandset enrol(String customer) throws Exception {
        TestHandset handset = new TestHandset();
        handset.provision(engine.enrol(customer, handset.enrolmentRequest()).packageBytes());
        return handset;
    }

    private IssuedChallenge issue(String customer) {
        return engine.issue(new ChallengeRequest(customer, "pur_" + (++purchases), 12_50, "EUR", "mer_1",
                "Librairie Duval", Mode.TEST));
    }

    private long now() {
        return clock.now().getEpochSecond();
    }

    @Test
    void approvesWithTheRightCellAndDeletesIt() throws Exception {
        TestHandset phone = enrol("cus_a");
        IssuedChallenge challenge = issue("cus_a");
        assertThat(challenge.text()).contains("12.50 EUR").contains("Librairie Duval");
        assertThat(phone.read(challenge.sealedMessage(), now()).merchantName()).isEqualTo("Librairie Duval");

        ChallengeVerdict verdict = engine.answer(phone.answer(challenge.sealedMessage(), now(), Decision.APPROVE));

        assertThat(verdict.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(verdict.purchaseId()).isEqualTo("pur_1");
        assertThat(engine.status("cus_a").orElseThrow().remainingCells()).isEqualTo(1023);
    }

    @Test
    void declineIsADecisionNotAFailure() throws Exception {
        TestHandset phone = enrol("cus_b");
        IssuedChallenge challenge = issue("cus_b");
        assertThat(engine.answer(phone.answer(challenge.sealedMessage(), now(), Decision.DECLINE)).outcome())
                .isEqualTo(Outcome.DECLINED);
        assertThat(engine.status("cus_b").orElseThrow().consecutiveFailures()).isZero();
    }

    @Test
    void locksAfterFiveFailuresAndRefusesTheSixthEvenWithTheRightPin() throws Exception {
        TestHandset phone = enrol("cus_c");
        for (int i = 1; i <= 4; i++) {
            IssuedChallenge c = issue("cus_c");
            assertThat(engine.answer(phone.answerWithWrongPin(c.sealedMessage(), now())).outcome())
                    .isEqualTo(Outcome.REFUSED);
            assertThat(engine.status("cus_c").orElseThrow().consecutiveFailures()).isEqualTo(i);
        }
        IssuedChallenge fifth = issue("cus_c");
        assertThat(engine.answer(phone.answerWithWrongPin(fifth.sealedMessage(), now())).outcome())
                .isEqualTo(Outcome.LOCKED);
        assertThat(engine.status("cus_c").orElseThrow().locked()).isTrue();

        assertThatThrownBy(() -> issue("cus_c")).isInstanceOf(ChallengeException.class)
                .extracting("code").isEqualTo(ChallengeException.LOCKED);
        var notices = store.transact(tx -> tx.outbox().due(ChallengeEngineImpl.NOTICE_CHANNEL, clock.now(), 100))
                .stream().filter(m -> m.destination().equals("customer:cus_c")).toList();
        assertThat(notices).as("the customer is told of every failure").hasSize(5);
        assertThat(new String(notices.get(4).payload(), java.nio.charset.StandardCharsets.UTF_8)).contains("locked");

        engine.unlock("cus_c", "operator", "customer called, identity checked");
        IssuedChallenge after = issue("cus_c");
        assertThat(engine.answer(phone.answer(after.sealedMessage(), now(), Decision.APPROVE)).outcome())
                .isEqualTo(Outcome.APPROVED);
    }

    @Test
    void aReplayedResponseIsRefusedAndNotCounted() throws Exception {
        TestHandset phone = enrol("cus_d");
        IssuedChallenge challenge = issue("cus_d");
        byte[] response = phone.answer(challenge.sealedMessage(), now(), Decision.APPROVE);
        assertThat(engine.answer(response).outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(engine.answer(response).outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(engine.status("cus_d").orElseThrow().consecutiveFailures()).isZero();
    }

    @Test
    void anExpiredChallengeIsRefusedNotCountedAndSwept() throws Exception {
        TestHandset phone = enrol("cus_e");
        IssuedChallenge challenge = issue("cus_e");
        byte[] response = phone.answer(challenge.sealedMessage(), now(), Decision.APPROVE);
        clock.advance(Duration.ofMinutes(3).plusSeconds(1));
        assertThat(engine.answer(response).outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(engine.status("cus_e").orElseThrow().consecutiveFailures()).isZero();

        issue("cus_e");
        clock.advance(Duration.ofMinutes(4));
        assertThat(engine.expireDue(100)).isEqualTo(1);
        issue("cus_e");
    }

    @Test
    void oneOpenChallengePerCustomerAndAnHourlyCap() throws Exception {
        enrol("cus_f");
        issue("cus_f");
        assertThatThrownBy(() -> issue("cus_f")).extracting("code").isEqualTo(ChallengeException.CHALLENGE_OPEN);
        for (int i = 1; i < 10; i++) {
            clock.advance(Duration.ofMinutes(3).plusSeconds(1));
            issue("cus_f");
        }
        clock.advance(Duration.ofMinutes(3).plusSeconds(1));
        assertThatThrownBy(() -> issue("cus_f")).extracting("code").isEqualTo(ChallengeException.CAP_REACHED);
        assertThatThrownBy(() -> issue("nobody")).extracting("code").isEqualTo(ChallengeException.UNKNOWN_CUSTOMER);
    }

    @Test
    void garbageAndForeignSignaturesChangeNothing() throws Exception {
        TestHandset phone = enrol("cus_g");
        TestHandset impostor = new TestHandset();
        IssuedChallenge challenge = issue("cus_g");
        assertThat(engine.answer(new byte[] {1, 2, 3}).outcome()).isEqualTo(Outcome.REFUSED);
        byte[] foreign = phone.answerSignedBy(challenge.sealedMessage(), now(), impostor.signing);
        assertThat(engine.answer(foreign).outcome()).isEqualTo(Outcome.REFUSED);
        byte[] good = phone.answer(challenge.sealedMessage(), now(), Decision.APPROVE);
        byte[] truncated = java.util.Arrays.copyOf(good, good.length - 1);
        assertThat(engine.answer(truncated).outcome()).isEqualTo(Outcome.REFUSED);
        byte[] flipped = good.clone();
        flipped[flipped.length - 5] ^= 1;
        assertThat(engine.answer(flipped).outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(engine.status("cus_g").orElseThrow().consecutiveFailures()).isZero();
        assertThat(engine.answer(good).outcome()).isEqualTo(Outcome.APPROVED);
    }

    @Test
    void concurrentAnswersToOneChallengeCountOnce() throws Exception {
        TestHandset phone = enrol("cus_h");
        IssuedChallenge challenge = issue("cus_h");
        byte[] response = phone.answer(challenge.sealedMessage(), now(), Decision.APPROVE);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ChallengeVerdict>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit((Callable<ChallengeVerdict>) () -> engine.answer(response)));
            }
            int approved = 0;
            for (Future<ChallengeVerdict> answer : answers) {
                approved += answer.get().outcome() == Outcome.APPROVED ? 1 : 0;
            }
            assertThat(approved).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anAddressIsNeverChallengedTwice() throws Exception {
        engine = engine(new ChallengePolicy(Duration.ofMinutes(3), 64, 1000, 1000, 5, 10, Duration.ofDays(30),
                Argon2idParams.TEST_ONLY));
        TestHandset phone = enrol("cus_i");
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 64; i++) {
            IssuedChallenge c = issue("cus_i");
            assertThat(seen.add(phone.read(c.sealedMessage(), now()).cellAddress())).isTrue();
            engine.answer(phone.answer(c.sealedMessage(), now(), Decision.APPROVE));
        }
        assertThatThrownBy(() -> issue("cus_i")).extracting("code").isEqualTo(ChallengeException.TABLE_EXHAUSTED);
    }

    @Test
    void keyRotationRewrapsEveryTableAndKeepsThemUsable() throws Exception {
        TestHandset phone = enrol("cus_j");
        enrol("cus_k");
        IssuedChallenge open = issue("cus_j");
        assertThat(engine.rotate()).isEqualTo(2);
        assertThat(engine.rewrap(1)).isEqualTo(1);
        assertThat(engine.rewrap(10)).isEqualTo(1);
        assertThat(engine.rewrap(10)).isZero();
        assertThat(engine.answer(phone.answer(open.sealedMessage(), now(), Decision.APPROVE)).outcome())
                .isEqualTo(Outcome.APPROVED);

        custody = FileKeyCustody.open(dir.resolve("etc/accord-keys.p12"), new char[0]);
        engine = engine(ChallengePolicy.defaults(Argon2idParams.TEST_ONLY));
        assertThat(engine.currentVersion()).isEqualTo(2);
        IssuedChallenge next = issue("cus_j");
        assertThat(engine.answer(phone.answer(next.sealedMessage(), now(), Decision.APPROVE)).outcome())
                .isEqualTo(Outcome.APPROVED);
    }

    @Test
    void enrolmentRefusesGarbageAndSecondEnrolment() throws Exception {
        assertThatThrownBy(() -> engine.enrol("cus_l", new byte[10])).extracting("code")
                .isEqualTo(ChallengeException.MALFORMED_ENROLMENT);
        enrol("cus_l");
        assertThatThrownBy(() -> enrol("cus_l")).extracting("code").isEqualTo(ChallengeException.ALREADY_ENROLLED);
    }

    // ---- re-provisioning (docs/handset-protocol.md, section 10)

    private int reprovisions;

    /** A zero-amount challenge from merchant "Accord" for purchase reprovision-n. */
    private IssuedChallenge issueReprovision(String customer) {
        return engine.issue(new ChallengeRequest(customer, "reprovision-" + (++reprovisions), 0, "EUR", "accord",
                "Accord", Mode.LIVE));
    }

    /** Issues and approves a re-provisioning challenge with the PIN; returns its id. */
    private String approveReprovision(String customer, TestHandset phone) throws Exception {
        IssuedChallenge c = issueReprovision(customer);
        assertThat(engine.answer(phone.answer(c.sealedMessage(), now(), Decision.APPROVE)).outcome())
                .isEqualTo(Outcome.APPROVED);
        return c.challengeId();
    }

    private Provisioning reprovision(String customer, TestHandset phone, String approved) {
        return engine.reprovision(customer, approved, phone.reprovisionRequest(Hex.decode(approved)));
    }

    private CustomerCredential stored(String customer) {
        return store.transact(tx -> tx.credentials().find(customer)).orElseThrow();
    }

    private void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(ChallengeException.class)
                .hasMessage("re-provisioning not accepted")
                .extracting("code").isEqualTo(ChallengeException.REPROVISION_REFUSED);
    }

    @Test
    void reprovisioningSwitchesToTheNewGenerationOnlyOnTheSignedAcknowledgement() throws Exception {
        TestHandset phone = new TestHandset();
        Provisioning first = engine.enrol("cus_r1", phone.enrolmentRequest());
        phone.provision(first.packageBytes());
        for (int i = 0; i < 3; i++) {
            IssuedChallenge c = issue("cus_r1");
            engine.answer(phone.answer(c.sealedMessage(), now(), Decision.APPROVE));
        }
        String approved = approveReprovision("cus_r1", phone);

        Provisioning next = reprovision("cus_r1", phone, approved);
        assertThat(next.generation()).isEqualTo(2);
        assertThat(next.deviceId()).isEqualTo(first.deviceId());
        assertThat(next.tableId()).isNotEqualTo(first.tableId());
        assertThat(next.cells()).isEqualTo(1024);
        assertThat(stored("cus_r1").pending().tableId()).isEqualTo(next.tableId());

        // until the acknowledgement Accord keeps challenging generation 1, which the handset answers
        assertThat(engine.status("cus_r1").orElseThrow().generation()).isEqualTo(1);
        IssuedChallenge before = issue("cus_r1");
        Challenge onOld = phone.read(before.sealedMessage(), now());
        assertThat(onOld.generation()).isEqualTo(1);
        assertThat(Hex.encode(onOld.tableId())).isEqualTo(first.tableId());
        assertThat(engine.answer(phone.answer(before.sealedMessage(), now(), Decision.APPROVE)).outcome())
                .isEqualTo(Outcome.APPROVED);
        assertThat(engine.status("cus_r1").orElseThrow().remainingCells()).isEqualTo(1024 - 5);

        // the handset installs generation 2 (new transport key: it opens the package) and acknowledges
        byte[] ack = phone.reprovision(next.packageBytes());
        assertThat(phone.installed().generation()).isEqualTo(2);
        CredentialStatus switched = engine.confirmReprovisioning("cus_r1", ack);
        assertThat(switched.generation()).isEqualTo(2);
        assertThat(switched.remainingCells()).isEqualTo(1024);
        assertThat(switched.deviceId()).isEqualTo(first.deviceId());
        CustomerCredential after = stored("cus_r1");
        assertThat(after.pending()).isNull();
        assertThat(after.tableId()).isEqualTo(next.tableId());
        // an acknowledgement sent again changes nothing
        assertThat(engine.confirmReprovisioning("cus_r1", ack)).isEqualTo(switched);

        // generation 1's cells are no longer challenged: every new challenge is on table 2
        int usedOnOld = store.transact(tx -> tx.challenges().usedCellCount("cus_r1", first.tableId(), 1));
        assertThat(usedOnOld).isEqualTo(5);
        for (int i = 0; i < 4; i++) {
            IssuedChallenge c = issue("cus_r1");
            Challenge onNew = phone.read(c.sealedMessage(), now());
            assertThat(onNew.generation()).isEqualTo(2);
            assertThat(Hex.encode(onNew.tableId())).isEqualTo(next.tableId());
            assertThat(engine.answer(phone.answer(c.sealedMessage(), now(), Decision.APPROVE)).outcome())
                    .isEqualTo(Outcome.APPROVED);
        }
        assertThat(store.<Integer>transact(tx -> tx.challenges().usedCellCount("cus_r1", first.tableId(), 1)))
                .isEqualTo(usedOnOld);
        assertThat(store.<Integer>transact(tx -> tx.challenges().usedCellCount("cus_r1", next.tableId(), 2)))
                .isEqualTo(4);
        assertThat(engine.status("cus_r1").orElseThrow().remainingCells()).isEqualTo(1020);
        // an acknowledgement of the retired generation is refused
        byte[] retired = org.accordpay.crypto.protocol.ReprovisionAck.create(Hex.decode(first.deviceId()), 1,
                Hex.decode(first.tableId()), phone.signing.privateKey()).encode();
        assertRefused(() -> engine.confirmReprovisioning("cus_r1", retired));
        assertThat(engine.status("cus_r1").orElseThrow().generation()).isEqualTo(2);
    }

    @Test
    void aSecondReprovisioningReplacesThePendingOneAndOpenOldChallengesAreCancelledAtTheSwitch() throws Exception {
        TestHandset phone = enrol("cus_r2");
        Provisioning replaced = reprovision("cus_r2", phone, approveReprovision("cus_r2", phone));
        Provisioning next = reprovision("cus_r2", phone, approveReprovision("cus_r2", phone));
        assertThat(next.generation()).isEqualTo(2);
        assertThat(next.tableId()).isNotEqualTo(replaced.tableId());
        assertThat(stored("cus_r2").pending().tableId()).isEqualTo(next.tableId());

        // a challenge still open on generation 1, answered before the switch
        IssuedChallenge open = issue("cus_r2");
        byte[] lateAnswer = phone.answer(open.sealedMessage(), now(), Decision.APPROVE);

        // the replaced package still opens (same device keys), but its acknowledgement is refused
        byte[] staleAck = phone.reprovision(replaced.packageBytes());
        assertRefused(() -> engine.confirmReprovisioning("cus_r2", staleAck));
        assertThat(engine.status("cus_r2").orElseThrow().generation()).isEqualTo(1);

        CredentialStatus switched = engine.confirmReprovisioning("cus_r2", phone.reprovision(next.packageBytes()));
        assertThat(switched.generation()).isEqualTo(2);
        assertThat(store.transact(tx -> tx.challenges().find(open.challengeId())).orElseThrow().state())
                .isEqualTo(org.accordpay.api.store.dto.ChallengeState.CANCELLED);
        assertThat(engine.answer(lateAnswer).outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(engine.status("cus_r2").orElseThrow().consecutiveFailures()).isZero();
        IssuedChallenge fresh = issue("cus_r2");
        assertThat(phone.read(fresh.sealedMessage(), now()).generation()).isEqualTo(2);
        assertThat(engine.answer(phone.answer(fresh.sealedMessage(), now(), Decision.APPROVE)).outcome())
                .isEqualTo(Outcome.APPROVED);
    }

    @Test
    void reprovisioningIsRefusedWithoutARecentApprovedReprovisioningChallenge() throws Exception {
        TestHandset phone = enrol("cus_r3");
        // no approved challenge: an unknown id, and one still open
        assertRefused(() -> reprovision("cus_r3", phone, Hex.encode(new byte[16])));
        IssuedChallenge open = issueReprovision("cus_r3");
        assertRefused(() -> reprovision("cus_r3", phone, open.challengeId()));
        // declined
        engine.answer(phone.answer(open.sealedMessage(), now(), Decision.DECLINE));
        assertRefused(() -> reprovision("cus_r3", phone, open.challengeId()));
        // failed (wrong PIN)
        IssuedChallenge failed = issueReprovision("cus_r3");
        assertThat(engine.answer(phone.answerWithWrongPin(failed.sealedMessage(), now())).outcome())
                .isEqualTo(Outcome.REFUSED);
        assertRefused(() -> reprovision("cus_r3", phone, failed.challengeId()));
        // an approved ordinary purchase
        IssuedChallenge purchase = issue("cus_r3");
        engine.answer(phone.answer(purchase.sealedMessage(), now(), Decision.APPROVE));
        assertRefused(() -> reprovision("cus_r3", phone, purchase.challengeId()));
        // a reprovision- purchase id with an amount
        IssuedChallenge paying = engine.issue(new ChallengeRequest("cus_r3", "reprovision-99", 100, "EUR", "accord",
                "Accord", Mode.LIVE));
        engine.answer(phone.answer(paying.sealedMessage(), now(), Decision.APPROVE));
        assertRefused(() -> reprovision("cus_r3", phone, paying.challengeId()));
        // approved more than 5 minutes ago
        String old = approveReprovision("cus_r3", phone);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertRefused(() -> reprovision("cus_r3", phone, old));
        assertThat(stored("cus_r3").pending()).isNull();
        // exactly 5 minutes is still in time
        clock.advance(Duration.ofHours(1));
        String inTime = approveReprovision("cus_r3", phone);
        clock.advance(Duration.ofMinutes(5));
        assertThat(reprovision("cus_r3", phone, inTime).generation()).isEqualTo(2);
        assertThat(store.<java.util.Optional<java.time.Instant>>transact(tx -> tx.challenges().consumedForReprovisioningAt(inTime))).contains(
                clock.now());
    }

    @Test
    void anApprovalAuthorisesOneReprovisioningWithTheRegisteredKeyForItsOwnCustomer() throws Exception {
        TestHandset phone = enrol("cus_r4");
        TestHandset other = enrol("cus_r5");
        String approved = approveReprovision("cus_r4", phone);
        byte[] id = Hex.decode(approved);
        // signed by another key (valid signature, but not the registered key)
        try (RawKeyPair stranger = Ed25519.generate()) {
            assertRefused(() -> engine.reprovision("cus_r4", approved, phone.reprovisionRequest(id, stranger)));
        }
        // the other customer's registered key, or its customer id
        assertRefused(() -> engine.reprovision("cus_r4", approved, other.reprovisionRequest(id)));
        assertRefused(() -> engine.reprovision("cus_r5", approved, other.reprovisionRequest(id)));
        // the request names another challenge than the one given
        assertRefused(() -> engine.reprovision("cus_r4", approved, phone.reprovisionRequest(new byte[16])));
        // tampered or garbage
        byte[] request = phone.reprovisionRequest(id);
        byte[] flipped = request.clone();
        flipped[40] ^= 1;
        assertRefused(() -> engine.reprovision("cus_r4", approved, flipped));
        assertRefused(() -> engine.reprovision("cus_r4", approved, new byte[] {1, 1, 5}));
        assertRefused(() -> engine.reprovision("cus_r4", approved, phone.enrolmentRequest()));
        assertThat(stored("cus_r4").pending()).isNull();
        assertThat(store.<java.util.Optional<java.time.Instant>>transact(tx -> tx.challenges().consumedForReprovisioningAt(approved))).isEmpty();

        // the right request works once
        Provisioning next = engine.reprovision("cus_r4", approved, request);
        assertRefused(() -> engine.reprovision("cus_r4", approved, request));
        assertThat(stored("cus_r4").pending().tableId()).isEqualTo(next.tableId());

        // acknowledgements: garbage, another key, another customer's
        byte[] ack = phone.reprovision(next.packageBytes());
        assertRefused(() -> engine.confirmReprovisioning("cus_r4", new byte[3]));
        assertRefused(() -> engine.confirmReprovisioning("cus_r5", ack));
        byte[] forged = ack.clone();
        forged[ack.length - 1] ^= 1;
        assertRefused(() -> engine.confirmReprovisioning("cus_r4", forged));
        assertRefused(() -> engine.confirmReprovisioning("cus_r4", other.acknowledgement()));
        assertThat(engine.status("cus_r4").orElseThrow().generation()).isEqualTo(1);
        assertThat(engine.confirmReprovisioning("cus_r4", ack).generation()).isEqualTo(2);
        assertThat(engine.status("cus_r5").orElseThrow().generation()).isEqualTo(1);
    }

    @Test
    void aKeyRotationWhileAGenerationIsPendingKeepsItUsable() throws Exception {
        TestHandset phone = enrol("cus_r6");
        Provisioning next = reprovision("cus_r6", phone, approveReprovision("cus_r6", phone));
        assertThat(engine.rotate()).isEqualTo(2);
        assertThat(engine.rewrap(10)).isEqualTo(1);
        assertThat(stored("cus_r6").keyVersion()).isEqualTo(2);
        assertThat(engine.confirmReprovisioning("cus_r6", phone.reprovision(next.packageBytes())).generation())
                .isEqualTo(2);
        IssuedChallenge c = issue("cus_r6");
        assertThat(engine.answer(phone.answer(c.sealedMessage(), now(), Decision.APPROVE)).outcome())
                .isEqualTo(Outcome.APPROVED);
    }
}
