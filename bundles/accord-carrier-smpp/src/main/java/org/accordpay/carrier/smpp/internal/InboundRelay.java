package org.accordpay.carrier.smpp.internal;

import java.util.ArrayDeque;
import org.accordpay.api.carrier.CarrierInbound;
import org.accordpay.api.carrier.dto.DeliveryReport;
import org.accordpay.api.carrier.dto.InboundSms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands what the SMSC sends to Accord's {@link CarrierInbound}; while there is none, or it fails, keeps
 * messages and receipts in a bounded queue (oldest dropped first) and hands them over, in order, later.
 */
final class InboundRelay {

    private static final Logger LOG = LoggerFactory.getLogger(InboundRelay.class);

    private final String carrierId;
    private final int capacity;
    private final ArrayDeque<Object> waiting = new ArrayDeque<>();
    private volatile CarrierInbound inbound;

    InboundRelay(String carrierId, int capacity) {
        this.carrierId = carrierId;
        this.capacity = Math.max(1, capacity);
    }

    void bound(CarrierInbound service) {
        inbound = service;
        flush();
    }

    void unbound(CarrierInbound service) {
        synchronized (waiting) {
            if (inbound == service) {
                inbound = null;
            }
        }
    }

    /** @param event an {@link InboundSms} or a {@link DeliveryReport} */
    void relay(Object event) {
        synchronized (waiting) {
            if (waiting.size() >= capacity) {
                Object dropped = waiting.poll();
                LOG.warn("carrier {}: inbound queue full ({}), dropped {}", carrierId, capacity, describe(dropped));
            }
            waiting.add(event);
        }
        flush();
    }

    /** Hands over what waits, in order, until the queue is empty or Accord fails. */
    void flush() {
        synchronized (waiting) {
            while (!waiting.isEmpty()) {
                CarrierInbound service = inbound;
                if (service == null) {
                    return;
                }
                Object event = waiting.peek();
                try {
                    if (event instanceof InboundSms sms) {
                        service.received(sms);
                    } else {
                        service.reported((DeliveryReport) event);
                    }
                } catch (RuntimeException e) {
                    LOG.warn("carrier {}: Accord refused {}, kept for later: {}", carrierId, describe(event), e.toString());
                    return;
                }
                waiting.poll();
            }
        }
    }

    /** @return events waiting for Accord */
    int waiting() {
        synchronized (waiting) {
            return waiting.size();
        }
    }

    private static String describe(Object event) {
        if (event instanceof DeliveryReport r) {
            return "receipt of " + r.messageId();
        }
        return event instanceof InboundSms sms ? "message from " + sms.fromE164() : String.valueOf(event);
    }
}
