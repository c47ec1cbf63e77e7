package org.accordpay.payments.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.accordpay.api.carrier.CarrierException;
import org.accordpay.api.carrier.dto.OutboundSms;
import org.accordpay.api.routing.RoutingException;
import org.accordpay.api.routing.SmsRouting;
import org.accordpay.api.routing.dto.CarrierStatus;
import org.accordpay.api.routing.dto.Route;
import org.accordpay.api.routing.dto.Sent;

/** Routing straight to one {@link FakeCarrier}, with or without delivery reports; remembers what it was told. */
final class FakeRouting implements SmsRouting {

    final FakeCarrier carrier;
    volatile boolean receipts;
    volatile boolean refuse;
    final List<List<String>> tried = new CopyOnWriteArrayList<>();

    FakeRouting(FakeCarrier carrier) {
        this.carrier = carrier;
    }

    @Override
    public Sent send(OutboundSms message, String subscriber, boolean test, List<String> tried) throws RoutingException {
        this.tried.add(List.copyOf(tried));
        if (refuse) {
            throw new RoutingException("rate cap reached for " + message.toE164(), false);
        }
        try {
            ((org.accordpay.api.carrier.CarrierConnector) carrier).send(message);
        } catch (CarrierException e) {
            throw new RoutingException(e.getMessage(), e.retryable());
        }
        return new Sent(carrier.id(), "default", receipts);
    }

    @Override
    public Route route(String e164, boolean test) {
        return new Route(e164, "default", List.of(carrier.id()));
    }

    @Override
    public List<CarrierStatus> carriers() {
        return List.of(new CarrierStatus(carrier.id(), true, true, true, true, 0, carrier.sent.size(), 0, null));
    }
}
