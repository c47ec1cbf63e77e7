package org.accordpay.carrier.smpp.internal;

import org.accordpay.testkit.RecordingInbound;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.accordpay.api.carrier.CarrierException;
import org.accordpay.api.carrier.dto.DeliveryReport;
import org.accordpay.api.carrier.dto.InboundSms;
import org.accordpay.api.carrier.dto.OutboundSms;
import org.accordpay.smsc.simulator.SmscSimulator;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.SubmitSm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The connector against a real SMPP server: the jSMPP-based {@link SmscSimulator}. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SmppCarrierTest {

    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static final int HANDSET_PORT = 16707;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final RecordingInbound inbound = new RecordingInbound();

    @AfterEach
    void stop() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    private SmscSimulator smsc(int port) throws Exception {
        SmscSimulator smsc = new SmscSimulator(port);
        toClose.add(smsc);
        return smsc;
    }

    static SmppSettings settings(int port, int window, long windowWaitMs, int rate) {
        return new SmppSettings("smpp-test", "127.0.0.1", port, "accord", "secret", "", "Accord", 5, 0, 1, 1,
                window, windowWaitMs, rate, 5000, 500, 1000, 20, 200, HANDSET_PORT, true, 1000, 1000);
    }

    private SmppCarrier carrier(SmppSettings settings) {
        SmppCarrier carrier = new SmppCarrier(settings, () -> NOW);
        carrier.inboundBound(inbound);
        carrier.start();
        toClose.add(carrier);
        return carrier;
    }

    private SmppCarrier boundCarrier(int port) throws Exception {
        SmppCarrier carrier = carrier(settings(port, 10, 1000, 0));
        awaitAvailable(carrier);
        return carrier;
    }

    static void awaitAvailable(SmppCarrier carrier) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!carrier.isAvailable()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("carrier not bound within 10 s");
            }
            Thread.sleep(5);
        }
    }

    @Test
    void settingsAreCheckedAndNeverShowThePassword() {
        assertThat(settings(2775, 10, 1000, 0).toString()).doesNotContain("secret").contains("accord@127.0.0.1:2775");
        assertThatThrownBy(() -> settings(2775, 0, 1000, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SmppSettings("x", "h", 1, "", "", "", "", 5, 0, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1,
                true, 1, 1)).hasMessageContaining("system.id");
    }

    @Test
    void aTextGoesOutAndItsReceiptComesBackUnderAccordsMessageId() throws Exception {
        SmscSimulator smsc = smsc(SmscSimulator.freePort());
        SmppCarrier carrier = boundCarrier(smsc.port());

        carrier.send(new OutboundSms("ntf-paid-1", "+33612345678", "Accord: paid 25.00 EUR", null, 0));

        SubmitSm submit = smsc.nextSubmit();
        assertThat(submit.getDestAddress()).isEqualTo("33612345678");
        assertThat(submit.getDestAddrTon()).isEqualTo((byte) 1);
        assertThat(submit.getDestAddrNpi()).isEqualTo((byte) 1);
        assertThat(submit.getSourceAddr()).isEqualTo("Accord");
        assertThat(submit.getDataCoding()).isEqualTo((byte) 0);
        assertThat(submit.getEsmClass()).isEqualTo((byte) 0);
        assertThat(submit.getRegisteredDelivery() & 0x03).as("receipt asked").isEqualTo(1);
        assertThat(new String(submit.getShortMessage(), StandardCharsets.US_ASCII)).isEqualTo("Accord: paid 25.00 EUR");

        DeliveryReport report = inbound.nextReport();
        assertThat(report).isEqualTo(new DeliveryReport("smpp-test", "ntf-paid-1", true, "DELIVRD", NOW));
    }

    @Test
    void aFailedReceiptIsReportedUndelivered() throws Exception {
        SmscSimulator smsc = smsc(SmscSimulator.freePort());
        smsc.receiptState(org.jsmpp.util.DeliveryReceiptState.UNDELIV);
        SmppCarrier carrier = boundCarrier(smsc.port());

        carrier.send(new OutboundSms("m-undeliv", "+33612345678", "hello", null, 0));

        DeliveryReport report = inbound.nextReport();
        assertThat(report.messageId()).isEqualTo("m-undeliv");
        assertThat(report.delivered()).isFalse();
        assertThat(report.detail()).isEqualTo("UNDELIV err 001");
    }

    @Test
    void aLongTextIsConcatenatedAndReportedOnceAllPartsAreDelivered() throws Exception {
        SmscSimulator smsc = smsc(SmscSimulator.freePort());
        SmppCarrier carrier = boundCarrier(smsc.port());
        String text = "Accord {challenge} ".repeat(20).trim();

        carrier.send(new OutboundSms("long-1", "+33612345678", text, null, 0));

        List<SubmitSm> parts = List.of(smsc.nextSubmit(), smsc.nextSubmit(), smsc.nextSubmit());
        ByteArrayOutputStream septets = new ByteArrayOutputStream();
        Set<Integer> refs = new HashSet<>();
        for (int i = 0; i < parts.size(); i++) {
            SubmitSm part = parts.get(i);
            assertThat(part.getEsmClass() & 0x40).as("UDHI").isEqualTo(0x40);
            UserDataHeader udh = UserDataHeader.parse(part.getShortMessage());
            assertThat(udh.total()).isEqualTo(3);
            assertThat(udh.seq()).isEqualTo(i + 1);
            assertThat(udh.payload().length).isLessThanOrEqualTo(153);
            refs.add(udh.ref());
            septets.writeBytes(udh.payload());
        }
        assertThat(refs).hasSize(1);
        assertThat(SmsEncoder.decodeText((byte) 0, septets.toByteArray())).isEqualTo(text);

        DeliveryReport report = inbound.nextReport();
        assertThat(report.messageId()).isEqualTo("long-1");
        assertThat(report.delivered()).isTrue();
        assertThat(inbound.reports.poll(200, TimeUnit.MILLISECONDS)).as("one report per message").isNull();
    }

    @Test
    void theChallengeGoesAsTextThenBinaryPartsToTheHandsetPort() throws Exception {
        SmscSimulator smsc = smsc(SmscSimulator.freePort());
        SmppCarrier carrier = boundCarrier(smsc.port());
        byte[] sealed = new byte[300];
        for (int i = 0; i < sealed.length; i++) {
            sealed[i] = (byte) (i * 7);
        }

        carrier.send(new OutboundSms("chl-42", "+33612345678", "Accord: approve 25.00 EUR at Shop?", sealed, HANDSET_PORT));

        SubmitSm text = smsc.nextSubmit();
        assertThat(text.getDataCoding()).isEqualTo((byte) 0);
        ByteArrayOutputStream binary = new ByteArrayOutputStream();
        for (int i = 1; i <= 3; i++) {
            SubmitSm part = smsc.nextSubmit();
            assertThat(part.getDataCoding()).isEqualTo((byte) 0xF5);
            assertThat(part.getEsmClass()).isEqualTo((byte) 0x40);
            assertThat(part.getShortMessage().length).isLessThanOrEqualTo(140);
            UserDataHeader udh = UserDataHeader.parse(part.getShortMessage());
            assertThat(udh.destPort()).isEqualTo(HANDSET_PORT);
            assertThat(udh.total()).isEqualTo(3);
            assertThat(udh.seq()).isEqualTo(i);
            binary.writeBytes(udh.payload());
        }
        assertThat(binary.toByteArray()).isEqualTo(sealed);
        assertThat(inbound.nextReport().messageId()).isEqualTo("chl-42");
    }

    @Test
    void aBinaryAnswerInTwoPartsIsReassembledForAccord() throws Exception {
        SmscSimulator smsc = smsc(SmscSimulator.freePort());
        boundCarrier(smsc.port());
        byte[] answer = new byte[200];
        Arrays.fill(answer, (byte) 0x5A);
        answer[0] = 1;
        answer[199] = 2;
        List<SubmitPart> parts = SmsEncoder.binary(answer, HANDSET_PORT, HANDSET_PORT, 77);
        assertThat(parts).hasSize(2);

        // out of order, as networks may deliver them
        smsc.deliver(new ESMClass(0x40), "33698765432", (byte) 0xF5, parts.get(1).shortMessage());
        assertThat(inbound.received.poll(100, TimeUnit.MILLISECONDS)).as("half a message is not handed on").isNull();
        smsc.deliver(new ESMClass(0x40), "33698765432", (byte) 0xF5, parts.get(0).shortMessage());

        InboundSms sms = inbound.nextReceived();
        assertThat(sms.carrierId()).isEqualTo("smpp-test");
        assertThat(sms.fromE164()).isEqualTo("+33698765432");
        assertThat(sms.binary()).isEqualTo(answer);
        assertThat(sms.text()).isNull();
        assertThat(sms.receivedAt()).isEqualTo(NOW);
    }

    @Test
    void aTextAnswerIsHandedOnAsText() throws Exception {
        SmscSimulator smsc = smsc(SmscSimulator.freePort());
        boundCarrier(smsc.port());

        smsc.deliver(new ESMClass(0), "33698765432", (byte) 0, "STOP".getBytes(StandardCharsets.US_ASCII));
        smsc.deliver(new ESMClass(0), "33698765432", (byte) 8, "Arrêt €".getBytes(StandardCharsets.UTF_16BE));

        assertThat(inbound.nextReceived().text()).isEqualTo("STOP");
        InboundSms ucs2 = inbound.nextReceived();
        assertThat(ucs2.text()).isEqualTo("Arrêt €");
        assertThat(ucs2.binary()).isNull();
    }

    @Test
    void aHandsetBehindTheSmscAnswersTheBinaryPartsItReceived() throws Exception {
        SmscSimulator smsc = smsc(SmscSimulator.freePort());
        java.util.concurrent.ExecutorService handset = java.util.concurrent.Executors.newSingleThreadExecutor();
        toClose.add(handset::shutdownNow);
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        smsc.addSubmitListener((submit, smscId) -> {
            UserDataHeader udh = UserDataHeader.parse(submit.getShortMessage());
            synchronized (received) {
                received.writeBytes(udh.payload());
                if (udh.seq() == udh.total()) {
                    byte[] answer = received.toByteArray();
                    // the handset echoes what it got, reversed, from its own port
                    for (int i = 0; i < answer.length / 2; i++) {
                        byte b = answer[i];
                        answer[i] = answer[answer.length - 1 - i];
                        answer[answer.length - 1 - i] = b;
                    }
                    handset.submit(() -> {
                        smsc.deliverBinary(submit.getDestAddress(), HANDSET_PORT, HANDSET_PORT, answer);
                        return null;
                    });
                }
            }
        });
        SmppCarrier carrier = boundCarrier(smsc.port());
        byte[] sealed = new byte[250];
        for (int i = 0; i < sealed.length; i++) {
            sealed[i] = (byte) i;
        }

        carrier.send(new OutboundSms("chl-echo", "+33612345678", null, sealed, HANDSET_PORT));

        InboundSms answer = inbound.nextReceived();
        assertThat(answer.fromE164()).isEqualTo("+33612345678");
        byte[] expected = sealed.clone();
        for (int i = 0; i < expected.length / 2; i++) {
            byte b = expected[i];
            expected[i] = expected[expected.length - 1 - i];
            expected[expected.length - 1 - i] = b;
        }
        assertThat(answer.binary()).isEqualTo(expected);
        assertThat(smsc.accepted()).isEqualTo(2);
    }

    @Test
    void aLongTextAnswerFromTheSimulatorIsReassembled() throws Exception {
        SmscSimulator smsc = smsc(SmscSimulator.freePort());
        boundCarrier(smsc.port());
        String text = "Yes, I approve the purchase of 25.00 EUR at Librairie Duval. ".repeat(4).trim();

        smsc.deliverText("33698765432", text);
        smsc.deliverText("33698765432", "Oui, j'approuve €");

        assertThat(inbound.nextReceived().text()).isEqualTo(text);
        assertThat(inbound.nextReceived().text()).isEqualTo("Oui, j'approuve €");
    }

    @Test
    void receiptsAndAnswersWaitWhileAccordIsAway() throws Exception {
        SmscSimulator smsc = smsc(SmscSimulator.freePort());
        SmppCarrier carrier = boundCarrier(smsc.port());
        carrier.inboundUnbound(inbound);

        carrier.send(new OutboundSms("m-wait", "+33612345678", "hello", null, 0));
        smsc.deliver(new ESMClass(0), "33698765432", (byte) 0, "OK".getBytes(StandardCharsets.US_ASCII));
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (carrier.waitingForAccord() < 2 && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertThat(carrier.waitingForAccord()).isEqualTo(2);
        assertThat(inbound.reports).isEmpty();

        carrier.inboundBound(inbound);

        assertThat(inbound.nextReport().messageId()).isEqualTo("m-wait");
        assertThat(inbound.nextReceived().text()).isEqualTo("OK");
        assertThat(carrier.waitingForAccord()).isZero();
    }

    @Test
    void anSmscDownAtStartIsBoundAsSoonAsItIsUp() throws Exception {
        int port = SmscSimulator.freePort();
        SmppCarrier carrier = carrier(settings(port, 10, 1000, 0));
        Thread.sleep(100);
        assertThat(carrier.isAvailable()).isFalse();
        assertThatThrownBy(() -> carrier.send(new OutboundSms("early", "+33612345678", "hello", null, 0)))
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.retryable()).isTrue());

        SmscSimulator smsc = smsc(port);
        awaitAvailable(carrier);
        carrier.send(new OutboundSms("early", "+33612345678", "hello", null, 0));

        assertThat(smsc.nextSubmit().getDestAddress()).isEqualTo("33612345678");
        assertThat(inbound.nextReport().messageId()).isEqualTo("early");
    }

    @Test
    void aDroppedLinkIsBoundAgainAndNoMessageIsLost() throws Exception {
        SmscSimulator smsc = smsc(SmscSimulator.freePort());
        SmppCarrier carrier = boundCarrier(smsc.port());
        int messages = 60;
        int retryable = 0;
        for (int i = 0; i < messages; i++) {
            if (i == 20 || i == 40) {
                smsc.dropConnections();
            }
            OutboundSms sms = new OutboundSms("m-" + i, "+33612345678", "message " + i, null, 0);
            // what the outbox does: keep the message and try again while the carrier says it may help
            while (true) {
                try {
                    carrier.send(sms);
                    break;
                } catch (CarrierException e) {
                    assertThat(e.retryable()).as(e.getMessage()).isTrue();
                    retryable++;
                    Thread.sleep(10);
                }
            }
        }

        Map<String, Integer> reported = new HashMap<>();
        for (int i = 0; i < messages; i++) {
            reported.merge(inbound.nextReport().messageId(), 1, Integer::sum);
        }
        assertThat(reported).hasSize(messages).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
        assertThat(retryable).as("sends during the outages failed retryable").isPositive();
        assertThat(carrier.bindCount()).isGreaterThanOrEqualTo(3);
        assertThat(carrier.isAvailable()).isTrue();
    }

    @Test
    void aSendWaitingForItsResponseFailsAtOnceWhenTheLinkDrops() throws Exception {
        SmscSimulator smsc = smsc(SmscSimulator.freePort());
        smsc.submitDelay(3000);
        SmppSettings slow = new SmppSettings("smpp-test", "127.0.0.1", smsc.port(), "accord", "secret", "", "Accord", 5,
                0, 1, 1, 10, 1000, 0, 5000, 10_000, 1000, 20, 200, HANDSET_PORT, true, 1000, 1000);
        SmppCarrier carrier = carrier(slow);
        awaitAvailable(carrier);
        java.util.concurrent.CompletableFuture<Throwable> outcome = new java.util.concurrent.CompletableFuture<>();
        Thread sender = new Thread(() -> {
            try {
                carrier.send(new OutboundSms("in-flight", "+33612345678", "hello", null, 0));
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(Thread.currentThread().isInterrupted() ? new AssertionError("left interrupted", t) : t);
            }
        });
        sender.start();
        Thread.sleep(200);
        long dropped = System.nanoTime();

        smsc.dropConnections();

        Throwable failure = outcome.get(5, TimeUnit.SECONDS);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - dropped)).as("not the 10 s response timeout")
                .isLessThan(2000);
        assertThat(failure).isInstanceOfSatisfying(CarrierException.class, e -> {
            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage()).contains("link lost");
        });
    }

    @Test
    void throttlingIsRetryableAndAPermanentRefusalIsNot() throws Exception {
        SmscSimulator smsc = smsc(SmscSimulator.freePort());
        SmppCarrier carrier = boundCarrier(smsc.port());
        OutboundSms sms = new OutboundSms("m-throttled", "+33612345678", "hello", null, 0);

        smsc.answerNext(SMPPConstant.STAT_ESME_RTHROTTLED);
        assertThatThrownBy(() -> carrier.send(sms)).isInstanceOfSatisfying(CarrierException.class,
                e -> assertThat(e.retryable()).isTrue());
        smsc.answerNext(SMPPConstant.STAT_ESME_RMSGQFUL);
        assertThatThrownBy(() -> carrier.send(sms)).isInstanceOfSatisfying(CarrierException.class,
                e -> assertThat(e.retryable()).isTrue());
        carrier.send(sms);
        assertThat(inbound.nextReport().messageId()).isEqualTo("m-throttled");

        smsc.answerNext(SMPPConstant.STAT_ESME_RINVDSTADR);
        assertThatThrownBy(() -> carrier.send(new OutboundSms("m-bad", "+33612345678", "hello", null, 0)))
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.retryable()).isFalse());
    }

    @Test
    void aRetryAfterAFailedPartSendsOnlyTheMissingPartsAndARepeatSendsNothing() throws Exception {
        SmscSimulator smsc = smsc(SmscSimulator.freePort());
        SmppCarrier carrier = boundCarrier(smsc.port());
        OutboundSms sms = new OutboundSms("m-two-parts", "+33612345678", "x".repeat(300), null, 0);
        smsc.answerNext(0);
        smsc.answerNext(SMPPConstant.STAT_ESME_RTHROTTLED);

        assertThatThrownBy(() -> carrier.send(sms)).isInstanceOfSatisfying(CarrierException.class,
                e -> assertThat(e.retryable()).isTrue());
        UserDataHeader first = UserDataHeader.parse(smsc.nextSubmit().getShortMessage());
        assertThat(first.seq()).isEqualTo(1);

        carrier.send(sms);
        UserDataHeader second = UserDataHeader.parse(smsc.nextSubmit().getShortMessage());
        assertThat(second.seq()).isEqualTo(2);
        assertThat(second.ref()).as("same concatenation reference").isEqualTo(first.ref());
        assertThat(smsc.pollSubmit(200, TimeUnit.MILLISECONDS)).as("part 1 not sent twice").isNull();
        assertThat(inbound.nextReport()).satisfies(r -> {
            assertThat(r.messageId()).isEqualTo("m-two-parts");
            assertThat(r.delivered()).isTrue();
        });

        carrier.send(sms);
        assertThat(smsc.pollSubmit(200, TimeUnit.MILLISECONDS)).as("a repeated message id is not sent again").isNull();
    }

    @Test
    void garbageFromTheSmscMakesTheCarrierBindAgain() throws Exception {
        SmscSimulator smsc = smsc(SmscSimulator.freePort());
        SmppCarrier carrier = boundCarrier(smsc.port());

        smsc.sendGarbage();

        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (carrier.bindCount() < 2 && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertThat(carrier.bindCount()).isEqualTo(2);
        awaitAvailable(carrier);
        carrier.send(new OutboundSms("after-garbage", "+33612345678", "hello", null, 0));
        assertThat(inbound.nextReport().messageId()).isEqualTo("after-garbage");
    }

    @Test
    void anUnbindFromTheSmscMakesTheCarrierBindAgain() throws Exception {
        SmscSimulator smsc = smsc(SmscSimulator.freePort());
        SmppCarrier carrier = boundCarrier(smsc.port());

        smsc.session().unbind();

        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (carrier.bindCount() < 2 && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertThat(carrier.bindCount()).isEqualTo(2);
        awaitAvailable(carrier);
        carrier.send(new OutboundSms("after-unbind", "+33612345678", "hello", null, 0));
        assertThat(inbound.nextReport().messageId()).isEqualTo("after-unbind");
    }

    @Test
    void aFullWindowFailsRetryableInsteadOfBlockingForever() throws Exception {
        SmscSimulator smsc = smsc(SmscSimulator.freePort());
        smsc.submitDelay(400);
        SmppCarrier carrier = carrier(settings(smsc.port(), 1, 50, 0));
        awaitAvailable(carrier);
        Thread slow = new Thread(() -> {
            try {
                carrier.send(new OutboundSms("slow", "+33612345678", "hello", null, 0));
            } catch (CarrierException e) {
                throw new IllegalStateException(e);
            }
        });
        slow.start();
        Thread.sleep(100);

        assertThatThrownBy(() -> carrier.send(new OutboundSms("second", "+33612345678", "hello", null, 0)))
                .isInstanceOfSatisfying(CarrierException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).contains("window");
                });
        slow.join();
    }

    @Test
    void theRateLimitSpacesSubmits() throws Exception {
        SmscSimulator smsc = smsc(SmscSimulator.freePort());
        smsc.receipts(false);
        SmppCarrier carrier = carrier(settings(smsc.port(), 10, 2000, 50));
        awaitAvailable(carrier);
        long start = System.nanoTime();
        for (int i = 0; i < 11; i++) {
            carrier.send(new OutboundSms("r-" + i, "+33612345678", "hello", null, 0));
        }
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(elapsedMs).as("11 submits at 50/s take at least 10 intervals of 20 ms").isGreaterThanOrEqualTo(190);
    }
}
