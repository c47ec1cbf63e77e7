package org.accordpay.testkit;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.accordpay.api.carrier.CarrierInbound;
import org.accordpay.api.carrier.dto.DeliveryReport;
import org.accordpay.api.carrier.dto.InboundSms;

/**
 * A {@link CarrierInbound} for carrier tests: keeps the messages and delivery reports a connector hands
 * to Accord, in arrival order, and can pass each message on (to a real challenge engine, say).
 */
public final class RecordingInbound implements CarrierInbound {

    /** How long {@link #nextReport()} and {@link #nextReceived()} wait. */
    private static final long WAIT_SECONDS = 10;

    /** Messages from handsets, in arrival order. */
    public final BlockingQueue<InboundSms> received = new LinkedBlockingQueue<>();
    /** Delivery reports, in arrival order. */
    public final BlockingQueue<DeliveryReport> reports = new LinkedBlockingQueue<>();
    private final Consumer<InboundSms> onReceived;

    /** Keeps what it gets. */
    public RecordingInbound() {
        this(sms -> { });
    }

    /** Keeps what it gets, and hands each message to {@code onReceived} first. */
    public RecordingInbound(Consumer<InboundSms> onReceived) {
        this.onReceived = onReceived;
    }

    @Override
    public void received(InboundSms message) {
        onReceived.accept(message);
        received.add(message);
    }

    @Override
    public void reported(DeliveryReport report) {
        reports.add(report);
    }

    /** @return the next delivery report, waiting up to 10 s */
    public DeliveryReport nextReport() throws InterruptedException {
        DeliveryReport r = reports.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("no delivery report within " + WAIT_SECONDS + " s");
        }
        return r;
    }

    /** @return the next message from a handset, waiting up to 10 s */
    public InboundSms nextReceived() throws InterruptedException {
        InboundSms m = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        if (m == null) {
            throw new AssertionError("no message from a handset within " + WAIT_SECONDS + " s");
        }
        return m;
    }
}
