package org.accordpay.challenge.internal;

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
import org.accordpay.crypto.protocol.Decision;
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
        byte[] good = phone.answer(challenge.sealedMessage(), now(), Decision.APPROVE);
        byte[] truncated = java.util.Arrays.copyOf(good, good.length - 1);
        assertThat(engine.answer(truncated).outcome()).isEqualTo(Outcome.REFUSED);
        byte[] flipped = good.clone();
        flipped[flipped.length - 5] ^= 1;
        assertThat(engine.answer(flipped).outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(engine.status("cus_g").orElseThrow().consecutiveFailures()).isZero();
        assertThat(engine.answer(good).outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(impostor).isNotNull();
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
}
