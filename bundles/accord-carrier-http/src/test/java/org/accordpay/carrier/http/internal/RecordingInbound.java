package org.accordpay.carrier.http.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.accordpay.api.carrier.CarrierInbound;
import org.accordpay.api.carrier.dto.DeliveryReport;
import org.accordpay.api.carrier.dto.InboundSms;

/** A fake CarrierInbound that keeps what it got. */
final class RecordingInbound implements CarrierInbound {

    final List<InboundSms> received = new CopyOnWriteArrayList<>();
    final List<DeliveryReport> reports = new CopyOnWriteArrayList<>();

    @Override
    public void received(InboundSms message) {
        received.add(message);
    }

    @Override
    public void reported(DeliveryReport report) {
        reports.add(report);
    }
}
