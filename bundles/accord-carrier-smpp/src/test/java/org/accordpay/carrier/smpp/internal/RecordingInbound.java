package org.accordpay.carrier.smpp.internal;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.accordpay.api.carrier.CarrierInbound;
import org.accordpay.api.carrier.dto.DeliveryReport;
import org.accordpay.api.carrier.dto.InboundSms;

/** A fake CarrierInbound that keeps what it got. */
final class RecordingInbound implements CarrierInbound {

    final BlockingQueue<InboundSms> received = new LinkedBlockingQueue<>();
    final BlockingQueue<DeliveryReport> reports = new LinkedBlockingQueue<>();

    @Override
    public void received(InboundSms message) {
        received.add(message);
    }

    @Override
    public void reported(DeliveryReport report) {
        reports.add(report);
    }

    DeliveryReport nextReport() throws InterruptedException {
        DeliveryReport r = reports.poll(5, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("no delivery report within 5 s");
        }
        return r;
    }

    InboundSms nextReceived() throws InterruptedException {
        InboundSms m = received.poll(5, TimeUnit.SECONDS);
        if (m == null) {
            throw new AssertionError("no mobile-originated message within 5 s");
        }
        return m;
    }
}
