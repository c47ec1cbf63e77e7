package org.accordpay.carrier.smpp.internal;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collects the parts of concatenated mobile-originated messages until all have arrived. Bounded: at most
 * {@code maxMessages} incomplete messages, each kept at most {@code keep}; older ones are dropped.
 */
final class Reassembler {

    private final int maxMessages;
    private final Duration keep;
    private final LinkedHashMap<String, Partial> partials = new LinkedHashMap<>();

    Reassembler(int maxMessages, Duration keep) {
        this.maxMessages = maxMessages;
        this.keep = keep;
    }

    /**
     * @param sender sender address
     * @param udh    the part's header and payload
     * @param now    arrival time
     * @return the whole payload once every part is in, else null
     */
    synchronized byte[] add(String sender, UserDataHeader udh, Instant now) {
        if (!udh.isPart()) {
            return udh.payload();
        }
        expire(now);
        String key = sender + '/' + udh.ref() + '/' + udh.total() + '/' + udh.destPort();
        Partial partial = partials.computeIfAbsent(key, k -> new Partial(udh.total(), now));
        if (partial.parts[udh.seq() - 1] == null) {
            partial.parts[udh.seq() - 1] = udh.payload();
            partial.received++;
        }
        if (partial.received < partial.parts.length) {
            if (partials.size() > maxMessages) {
                Iterator<String> eldest = partials.keySet().iterator();
                eldest.next();
                eldest.remove();
            }
            return null;
        }
        partials.remove(key);
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        for (byte[] part : partial.parts) {
            whole.writeBytes(part);
        }
        return whole.toByteArray();
    }

    /** @return incomplete messages held */
    synchronized int incomplete() {
        return partials.size();
    }

    private void expire(Instant now) {
        Instant limit = now.minus(keep);
        for (Iterator<Map.Entry<String, Partial>> it = partials.entrySet().iterator(); it.hasNext();) {
            if (it.next().getValue().first.isBefore(limit)) {
                it.remove();
            } else {
                break;
            }
        }
    }

    private static final class Partial {
        final byte[][] parts;
        final Instant first;
        int received;

        Partial(int total, Instant first) {
            this.parts = new byte[total][];
            this.first = first;
        }
    }
}
