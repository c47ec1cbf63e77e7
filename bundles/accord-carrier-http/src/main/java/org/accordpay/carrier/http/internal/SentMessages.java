package org.accordpay.carrier.http.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The gateway's id of each message it accepted, mapped to Accord's message id, so that a report naming only
 * the gateway's id finds its message. In memory and bounded: the oldest entries are forgotten first.
 */
final class SentMessages {

    private final Map<String, String> accordIdByGatewayId;

    SentMessages(int capacity) {
        this.accordIdByGatewayId = new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Remembers that the gateway calls Accord's message {@code messageId} {@code gatewayId}. */
    synchronized void accepted(String gatewayId, String messageId) {
        accordIdByGatewayId.put(gatewayId, messageId);
    }

    /** @return Accord's message id for the gateway's id, or null when unknown or forgotten */
    synchronized String messageId(String gatewayId) {
        return accordIdByGatewayId.get(gatewayId);
    }

    synchronized int size() {
        return accordIdByGatewayId.size();
    }
}
