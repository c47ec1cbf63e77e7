package org.accordpay.carrier.loopback.internal;

import org.accordpay.testkit.RecordingInbound;
import org.accordpay.testkit.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import org.accordpay.api.carrier.CarrierException;
import org.accordpay.api.carrier.dto.DeliveryReport;
import org.accordpay.api.carrier.dto.OutboundSms;
import org.accordpay.api.registry.CustomerRegistry;
import org.accordpay.carrier.loopback.HandsetPolicy;
import org.accordpay.carrier.loopback.SimulatedHandset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The carrier side without a challenge engine: routing to handsets, reports, waiting for Accord, persistence. */
class LoopbackNetworkTest {

    static final char[] PIN = "583920".toCharArray();

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock();
    private ScheduledThreadPoolExecutor executor;
    private LoopbackNetwork network;

    @BeforeEach
    void start() throws Exception {
        executor = new ScheduledThreadPoolExecutor(2);
        network = network();
    }

    @AfterEach
    void stop() {
        network.close();
        executor.shutdownNow();
    }

    private LoopbackNetwork network() throws Exception {
        return new LoopbackNetwork("loop-1", dir, clock, executor, 0, 200, () -> (CustomerRegistry) null);
    }

    @Test
    void anUnknownNumberIsReportedUndeliveredWithoutAnException() throws Exception {
        RecordingInbound inbound = new RecordingInbound();
        network.inboundBound(inbound);
        network.send(new OutboundSms("m1", "+33699999999", "hello", null, 0));
        DeliveryReport report = inbound.nextReport();
        assertThat(report.carrierId()).isEqualTo("loop-1");
        assertThat(report.messageId()).isEqualTo("m1");
        assertThat(report.delivered()).isFalse();
        assertThat(report.detail()).isEqualTo("unknown subscriber");
        assertThat(report.at()).isEqualTo(clock.now());
    }

    @Test
    void aTextReachesTheInboxAndIsReportedDelivered() throws Exception {
        RecordingInbound inbound = new RecordingInbound();
        network.inboundBound(inbound);
        network.create("+33612345678", PIN);
        network.send(new OutboundSms("m2", "+33612345678", "Accord: hello", null, 0));
        DeliveryReport report = inbound.nextReport();
        assertThat(report.delivered()).isTrue();
        assertThat(report.detail()).isEqualTo("delivered");
        assertThat(network.inbox("+33612345678")).singleElement().satisfies(m -> {
            assertThat(m.messageId()).isEqualTo("m2");
            assertThat(m.text()).isEqualTo("Accord: hello");
            assertThat(m.receivedAt()).isEqualTo(clock.now());
        });
        assertThat(inbound.received).as("a text needs no answer").isEmpty();
    }

    @Test
    void whatAccordCannotTakeNowWaitsInOrderUntilACarrierInboundIsBound() throws Exception {
        network.send(new OutboundSms("m3", "+33699999999", "a", null, 0));
        network.send(new OutboundSms("m4", "+33699999998", "b", null, 0));
        awaitWaiting(2);

        RecordingInbound first = new RecordingInbound();
        network.inboundBound(first);
        assertThat(first.nextReport().messageId()).isEqualTo("m3");
        assertThat(first.nextReport().messageId()).isEqualTo("m4");

        network.inboundUnbound(first);
        network.send(new OutboundSms("m5", "+33699999999", "c", null, 0));
        awaitWaiting(1);
        assertThat(first.reports).isEmpty();
        RecordingInbound second = new RecordingInbound();
        network.inboundBound(second);
        assertThat(second.nextReport().messageId()).isEqualTo("m5");
    }

    @Test
    void aGreedyReplacementDoesNotLoseTheNewInbound() throws Exception {
        RecordingInbound old = new RecordingInbound();
        RecordingInbound better = new RecordingInbound();
        network.inboundBound(old);
        network.inboundBound(better); // DS binds the better one first, then unbinds the old one
        network.inboundUnbound(old);
        network.send(new OutboundSms("m6", "+33699999999", "a", null, 0));
        assertThat(better.nextReport().messageId()).isEqualTo("m6");
        assertThat(old.reports).isEmpty();
    }

    @Test
    void createChecksTheNumberAndRefusesADuplicate() {
        assertThatThrownBy(() -> network.create("0612345678", PIN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> network.create("+33612345678", new char[0])).isInstanceOf(IllegalArgumentException.class);
        SimulatedHandset h = network.create("+33612345678", PIN);
        assertThat(h).isEqualTo(new SimulatedHandset("+33612345678", HandsetPolicy.APPROVE, false, 0, 0, 0, false));
        assertThatThrownBy(() -> network.create("+33612345678", PIN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exists");
        assertThatThrownBy(() -> network.inbox("+33600000000")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void handsetsAndTheirPolicySurviveARestart() throws Exception {
        network.create("+33612345678", PIN);
        network.create("+4915112345678", "739146".toCharArray());
        network.setPolicy("+33612345678", HandsetPolicy.MANUAL);
        network.close();

        LoopbackNetwork restarted = network();
        assertThat(restarted.list()).extracting(SimulatedHandset::phoneE164, SimulatedHandset::policy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("+33612345678", HandsetPolicy.MANUAL),
                        org.assertj.core.groups.Tuple.tuple("+4915112345678", HandsetPolicy.APPROVE));
        assertThat(dir.resolve("33612345678.bin")).exists();
        assertThat(dir.resolve("33612345678.properties")).exists();
    }

    @Test
    void enrolmentNeedsACustomerRegistry() {
        assertThatThrownBy(() -> network.enrol("enr_1")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("registry");
    }

    @Test
    void aStoppedCarrierRefusesWithARetryableError() {
        network.close();
        assertThat(network.isAvailable()).isFalse();
        assertThatThrownBy(() -> network.send(new OutboundSms("m7", "+33612345678", "x", null, 0)))
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    void theOneTimeCodeIsTheDigitGroupStandingAlone() {
        assertThat(code("Accord: your enrolment code is 482913. It is valid 10 minutes.")).isEqualTo("482913");
        assertThat(code("On 2026-11-25 at 10:30, +33612345678 asked for code 4829")).isEqualTo("4829");
        assertThat(code("Pay 1250.50 EUR")).isNull();
    }

    private static String code(String text) {
        Matcher m = SimulatedPhone.ONE_TIME_CODE.matcher(text);
        return m.find() ? m.group() : null;
    }

    @Test
    void aWrongPinDiffersFromThePinInOneDigit() {
        assertThat(SimulatedPhone.wrongPin("583920".toCharArray())).containsExactly("583921".toCharArray());
        assertThat(SimulatedPhone.wrongPin("583929".toCharArray())).containsExactly("583920".toCharArray());
    }

    private void awaitWaiting(int n) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (network.waitingForAccord() < n) {
            if (System.nanoTime() > end) {
                throw new AssertionError("only " + network.waitingForAccord() + " messages wait");
            }
            Thread.sleep(10);
        }
    }
}
