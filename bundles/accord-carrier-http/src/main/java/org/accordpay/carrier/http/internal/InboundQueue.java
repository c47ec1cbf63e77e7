package org.accordpay.carrier.http.internal;

import java.util.ArrayDeque;
import org.accordpay.api.carrier.CarrierInbound;
import org.accordpay.api.carrier.dto.DeliveryReport;
import org.accordpay.api.carrier.dto.InboundSms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the gateway's messages and reports to Accord's {@link CarrierInbound}, in order; while there is none,
 * or it fails, keeps them in a bounded queue (oldest dropped first) until one is bound.
 */
final class InboundQueue {

    private static final Logger LOG = LoggerFactory.getLogger(InboundQueue.class);

    private final String carrierId;
    private final int capacity;
    private final ArrayDeque<Object> waiting = new ArrayDeque<>();
    private CarrierInbound inbound;

    InboundQueue(String carrierId, int capacity) {
        this.carrierId = carrierId;
        this.capacity = capacity;
    }

    /** Accord's inbound service came: hands over what waits. */
    void bind(CarrierInbound service) {
        synchronized (waiting) {
            inbound = service;
            deliver();
        }
    }

    /** Accord's inbound service left: what comes now waits. */
    void unbind(CarrierInbound service) {
        synchronized (waiting) {
            if (inbound == service) {
                inbound = null;
            }
        }
    }

    /** Queues a message from a handset and hands over what it can. */
    void received(InboundSms message) {
        add(message);
    }

    /** Queues a delivery report and hands over what it can. */
    void reported(DeliveryReport report) {
        add(report);
    }

    /** @return events waiting for Accord */
    int waiting() {
        synchronized (waiting) {
            return waiting.size();
        }
    }

    private void add(Object event) {
        synchronized (waiting) {
            if (waiting.size() >= capacity) {
                Object dropped = waiting.poll();
                LOG.warn("carrier {}: inbound queue full ({}), dropped the oldest {}", carrierId, capacity,
                        dropped instanceof DeliveryReport ? "report" : "message");
            }
            waiting.add(event);
            deliver();
        }
    }

    /** Hands events over in order until none is left, no service is bound or it fails. Holds the lock. */
    private void deliver() {
        while (inbound != null && !waiting.isEmpty()) {
            Object event = waiting.peek();
            try {
                if (event instanceof InboundSms sms) {
                    inbound.received(sms);
                } else {
                    inbound.reported((DeliveryReport) event);
                }
            } catch (RuntimeException e) {
                LOG.warn("carrier {}: Accord refused an inbound event, kept for later: {}", carrierId, e.toString());
                return;
            }
            waiting.poll();
        }
    }
}
