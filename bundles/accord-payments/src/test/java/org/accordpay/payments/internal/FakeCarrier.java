package org.accordpay.payments.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.accordpay.api.carrier.CarrierConnector;
import org.accordpay.api.carrier.dto.OutboundSms;

/** A carrier that keeps what it was asked to send. */
final class FakeCarrier implements CarrierConnector {

    final List<OutboundSms> sent = new CopyOnWriteArrayList<>();
    /** Called on every send (a carrier answering at once); does nothing unless a test sets it. */
    volatile java.util.function.Consumer<OutboundSms> onSend = m -> { };

    @Override
    public String id() {
        return "loopback";
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public void send(OutboundSms message) {
        sent.add(message);
        onSend.accept(message);
    }

    /** @return the binary part of the last challenge sent to {@code phone}, or null */
    byte[] lastChallenge(String phone) {
        for (int i = sent.size() - 1; i >= 0; i--) {
            if (sent.get(i).toE164().equals(phone) && sent.get(i).binary() != null) {
                return sent.get(i).binary();
            }
        }
        return null;
    }
}
