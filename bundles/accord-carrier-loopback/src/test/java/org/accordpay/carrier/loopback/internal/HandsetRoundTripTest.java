package org.accordpay.carrier.loopback.internal;

import org.accordpay.testkit.RecordingInbound;
import org.accordpay.testkit.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.accordpay.api.carrier.dto.DeliveryReport;
import org.accordpay.api.carrier.dto.InboundSms;
import org.accordpay.api.carrier.dto.OutboundSms;
import org.accordpay.api.challenge.ChallengeEngine;
import org.accordpay.api.challenge.dto.ChallengeRequest;
import org.accordpay.api.challenge.dto.ChallengeVerdict;
import org.accordpay.api.challenge.dto.IssuedChallenge;
import org.accordpay.api.challenge.dto.Outcome;
import org.accordpay.api.purchase.Mode;
import org.accordpay.api.registry.dto.EnrolmentTicket;
import org.accordpay.carrier.loopback.HandsetPolicy;
import org.accordpay.carrier.loopback.PendingChallenge;
import org.accordpay.carrier.loopback.SimulatedHandset;
import org.accordpay.challenge.internal.TestEngines;
import org.accordpay.store.internal.JpaStore;
import org.accordpay.store.internal.StoreSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real handset protocol end to end: the challenge engine on the store (H2), a registry's
 * enrolment flow, the loopback carrier and its simulated handsets running the reference agent.
 */
class HandsetRoundTripTest {

    static final String PHONE = "+33612345678";
    static final char[] PIN = "583920".toCharArray();

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock();
    private final BlockingQueue<ChallengeVerdict> verdicts = new LinkedBlockingQueue<>();
    private final List<DeliveryReport> reports = new ArrayList<>();
    private JpaStore store;
    private ChallengeEngine engine;
    private ScheduledThreadPoolExecutor executor;
    private LoopbackNetwork network;
    private FakeRegistry registry;
    private RecordingInbound accord;
    private int purchases;

    @BeforeEach
    void start() throws Exception {
        store = JpaStore.open(StoreSettings.of("jdbc:h2:" + dir.resolve("db"), "sa", "", 4, 1),
                JpaStore.class.getClassLoader(), clock.asClock());
        engine = TestEngines.withKeystore(store, clock, dir.resolve("etc/accord-keys.p12"));
        executor = new ScheduledThreadPoolExecutor(2);
        network = network();
        registry = new FakeRegistry(network, engine::enrol);
        accord = new RecordingInbound(sms -> verdicts.add(engine.answer(sms.binary())));
        network.inboundBound(accord);
    }

    @AfterEach
    void stop() throws Exception {
        network.close();
        executor.shutdownNow();
        store.close();
    }

    private LoopbackNetwork network() throws Exception {
        return new LoopbackNetwork("loopback", dir.resolve("handsets"), clock, executor, 0, 5000, () -> registry);
    }

    private String enrolled(String phone) throws Exception {
        network.create(phone, PIN);
        EnrolmentTicket ticket = registry.start(phone);
        SimulatedHandset h = network.enrol(ticket.enrolmentId());
        assertThat(h.enrolled()).isTrue();
        return ticket.customerId();
    }

    private IssuedChallenge challenge(String customer, String phone, String messageId) throws Exception {
        IssuedChallenge c = engine.issue(new ChallengeRequest(customer, "pur_" + (++purchases), 49_99, "EUR", "mer_1",
                "Librairie Duval", Mode.TEST));
        network.send(new OutboundSms(messageId, phone, c.text(), c.sealedMessage(), 49830));
        return c;
    }

    private ChallengeVerdict verdict() throws InterruptedException {
        ChallengeVerdict v = verdicts.poll(10, TimeUnit.SECONDS);
        if (v == null) {
            throw new AssertionError("no answer reached Accord within 10 s");
        }
        return v;
    }

    private DeliveryReport reportFor(String messageId) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            DeliveryReport r = accord.reports.poll(100, TimeUnit.MILLISECONDS);
            if (r != null) {
                reports.add(r);
                if (r.messageId().equals(messageId)) {
                    return r;
                }
            }
        }
        throw new AssertionError("no report for " + messageId);
    }

    @Test
    void enrolsWithTheOneTimeCodeAndApprovesWhatItShows() throws Exception {
        String customer = enrolled(PHONE);
        assertThat(network.inbox(PHONE)).singleElement().satisfies(m -> assertThat(m.text()).contains("enrolment code"));
        assertThat(network.find(PHONE).orElseThrow().remainingCells()).isEqualTo(1024);

        challenge(customer, PHONE, "out-1");

        ChallengeVerdict verdict = verdict();
        assertThat(verdict.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(verdict.purchaseId()).isEqualTo("pur_1");
        InboundSms sms = accord.nextReceived();
        assertThat(sms.carrierId()).isEqualTo("loopback");
        assertThat(sms.fromE164()).isEqualTo(PHONE);
        assertThat(sms.text()).isNull();
        assertThat(sms.receivedAt()).isEqualTo(clock.now());
        assertThat(reportFor("out-1").delivered()).isTrue();
        assertThat(network.inbox(PHONE)).last().satisfies(m -> assertThat(m.text()).contains("Librairie Duval"));
        SimulatedHandset h = network.find(PHONE).orElseThrow();
        assertThat(h.challengesSeen()).isEqualTo(1);
        assertThat(h.challengesAnswered()).isEqualTo(1);
        assertThat(h.remainingCells()).isEqualTo(1023);
        assertThat(engine.status(customer).orElseThrow().remainingCells()).isEqualTo(1023);
    }

    @Test
    void aChallengeBroughtByAnotherNetworkIsAnsweredToTheCallerOnce() throws Exception {
        String customer = enrolled(PHONE);
        int receivedBefore = accord.received.size();
        IssuedChallenge c = engine.issue(new ChallengeRequest(customer, "pur_x", 12_00, "EUR", "mer_1",
                "Librairie Duval", Mode.TEST));
        byte[] answer = network.receiveElsewhere(PHONE, "smsc-1", c.text(), c.sealedMessage()).orElseThrow();
        assertThat(engine.answer(answer).outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(network.receiveElsewhere(PHONE, "smsc-1", c.text(), c.sealedMessage()))
                .as("the same message again (another carrier's copy)").isEmpty();
        assertThat(network.receiveElsewhere(PHONE, "smsc-2", c.text(), c.sealedMessage()))
                .as("the same challenge under another message id").isEmpty();
        assertThat(accord.received).as("nothing went through the loopback carrier").hasSize(receivedBefore);
        assertThatThrownBy(() -> network.receiveElsewhere("+33699999999", "m", "hi", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void declinesOrAnswersWithAWrongPinAsItsPolicySays() throws Exception {
        String customer = enrolled(PHONE);
        network.setPolicy(PHONE, HandsetPolicy.DECLINE);
        challenge(customer, PHONE, "out-1");
        assertThat(verdict().outcome()).isEqualTo(Outcome.DECLINED);

        network.setPolicy(PHONE, HandsetPolicy.WRONG_PIN);
        challenge(customer, PHONE, "out-2");
        assertThat(verdict().outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(engine.status(customer).orElseThrow().consecutiveFailures()).isEqualTo(1);
        assertThat(network.challengesAnswered()).isEqualTo(2);
    }

    @Test
    void manualKeepsTheChallengeOnScreenUntilAnswered() throws Exception {
        String customer = enrolled(PHONE);
        network.setPolicy(PHONE, HandsetPolicy.MANUAL);
        challenge(customer, PHONE, "out-1");
        reportFor("out-1");

        PendingChallenge pending = network.pending(PHONE).orElseThrow();
        assertThat(pending.amountMinor()).isEqualTo(49_99);
        assertThat(pending.currency()).isEqualTo("EUR");
        assertThat(pending.merchantName()).isEqualTo("Librairie Duval");
        assertThat(pending.testMode()).isTrue();
        assertThat(pending.text()).isEqualTo("[TEST] Pay 49.99 EUR to Librairie Duval?");
        assertThat(pending.expiresAt()).isAfter(clock.now());
        assertThat(verdicts.poll(200, TimeUnit.MILLISECONDS)).isNull();
        assertThat(network.find(PHONE).orElseThrow().pending()).isTrue();

        network.answer(PHONE, true, null);
        assertThat(verdict().outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(network.pending(PHONE)).isEmpty();
        assertThatThrownBy(() -> network.answer(PHONE, true, null)).isInstanceOf(IllegalStateException.class);

        challenge(customer, PHONE, "out-2");
        reportFor("out-2");
        network.answer(PHONE, true, "739146".toCharArray());
        assertThat(verdict().outcome()).as("a wrong PIN typed by hand").isEqualTo(Outcome.REFUSED);
    }

    @Test
    void ignoreNeverAnswersAndTheChallengeExpires() throws Exception {
        String customer = enrolled(PHONE);
        network.setPolicy(PHONE, HandsetPolicy.IGNORE);
        challenge(customer, PHONE, "out-1");
        assertThat(reportFor("out-1").delivered()).isTrue();
        assertThat(verdicts.poll(200, TimeUnit.MILLISECONDS)).isNull();
        assertThat(network.challengesSeen()).isEqualTo(1);
        assertThat(network.challengesAnswered()).isZero();

        clock.advance(Duration.ofMinutes(4));
        assertThat(network.pending(PHONE)).as("expired on the handset too").isEmpty();
        assertThat(engine.expireDue(10)).isEqualTo(1);
    }

    @Test
    void aRetriedMessageIsAnsweredOnceAndReportedEachTime() throws Exception {
        String customer = enrolled(PHONE);
        IssuedChallenge c = challenge(customer, PHONE, "out-1");
        assertThat(verdict().outcome()).isEqualTo(Outcome.APPROVED);
        reportFor("out-1");

        network.send(new OutboundSms("out-1", PHONE, c.text(), c.sealedMessage(), 49830));
        assertThat(reportFor("out-1").delivered()).isTrue();
        assertThat(verdicts.poll(200, TimeUnit.MILLISECONDS)).isNull();
        assertThat(network.find(PHONE).orElseThrow().challengesSeen()).isEqualTo(1);

        // after a restart the carrier forgets message ids, but the handset still refuses the replay
        network.close();
        network = network();
        network.inboundBound(accord);
        network.send(new OutboundSms("out-1", PHONE, c.text(), c.sealedMessage(), 49830));
        assertThat(reportFor("out-1").delivered()).isTrue();
        assertThat(verdicts.poll(200, TimeUnit.MILLISECONDS)).isNull();
        assertThat(network.challengesSeen()).isZero();
    }

    @Test
    void anEnrolledHandsetKeepsAnsweringAfterARestart() throws Exception {
        String customer = enrolled(PHONE);
        network.setPolicy(PHONE, HandsetPolicy.DECLINE);
        network.close();

        network = network();
        network.inboundBound(accord);
        assertThat(network.find(PHONE).orElseThrow()).satisfies(h -> {
            assertThat(h.enrolled()).isTrue();
            assertThat(h.policy()).isEqualTo(HandsetPolicy.DECLINE);
        });
        challenge(customer, PHONE, "out-1");
        assertThat(verdict().outcome()).isEqualTo(Outcome.DECLINED);
    }

    @Test
    void answersWaitForAccordWhenNoCarrierInboundIsBound() throws Exception {
        String customer = enrolled(PHONE);
        network.inboundUnbound(accord);
        challenge(customer, PHONE, "out-1");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (network.waitingForAccord() < 2 && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertThat(network.waitingForAccord()).as("report and answer").isEqualTo(2);
        assertThat(verdicts).isEmpty();

        network.inboundBound(accord);
        assertThat(verdict().outcome()).isEqualTo(Outcome.APPROVED);
    }

    @Test
    void enrolmentWaitsForTheCodeAndRefusesASecondEnrolment() throws Exception {
        network.create(PHONE, PIN);
        EnrolmentTicket ticket = registry.start(PHONE);
        network.enrol(ticket.enrolmentId());
        EnrolmentTicket again = registry.start(PHONE);
        assertThatThrownBy(() -> network.enrol(again.enrolmentId())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("enrolled already");
        assertThatThrownBy(() -> network.enrol("enr_404")).isInstanceOf(IllegalArgumentException.class);
    }
}
