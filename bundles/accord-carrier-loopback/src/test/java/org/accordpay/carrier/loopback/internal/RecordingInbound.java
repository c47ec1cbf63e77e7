package org.accordpay.carrier.loopback.internal;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.accordpay.api.carrier.CarrierInbound;
import org.accordpay.api.carrier.dto.DeliveryReport;
import org.accordpay.api.carrier.dto.InboundSms;

/** A fake CarrierInbound: keeps what it got, optionally hands answers on (to a real engine). */
final class RecordingInbound implements CarrierInbound {

    final BlockingQueue<InboundSms> received = new LinkedBlockingQueue<>();
    final BlockingQueue<DeliveryReport> reports = new LinkedBlockingQueue<>();
    private final Consumer<InboundSms> onReceived;

    RecordingInbound() {
        this(sms -> { });
    }

    RecordingInbound(Consumer<InboundSms> onReceived) {
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

    DeliveryReport nextReport() throws InterruptedException {
        DeliveryReport r = reports.poll(10, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("no delivery report within 10 s");
        }
        return r;
    }

    InboundSms nextReceived() throws InterruptedException {
        InboundSms m = received.poll(10, TimeUnit.SECONDS);
        if (m == null) {
            throw new AssertionError("no message from a handset within 10 s");
        }
        return m;
    }
}
