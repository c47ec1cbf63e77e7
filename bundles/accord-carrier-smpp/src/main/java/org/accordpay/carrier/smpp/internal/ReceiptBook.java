package org.accordpay.carrier.smpp.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.accordpay.api.carrier.dto.DeliveryReport;

/**
 * What was sent, in memory and bounded: the parts of each Accord message (kept so a retry sends only the
 * parts the SMSC has not accepted, with the same concatenation reference) and the SMSC message id of each
 * accepted part, so receipts come back as one {@link DeliveryReport} per Accord message: not delivered
 * at the first failed part, delivered when every part is. The oldest entries are forgotten first; a
 * receipt that arrives before its submit_sm_resp was seen waits a little in a small side table.
 */
final class ReceiptBook {

    /** What a receipt said about one part. */
    record PartOutcome(boolean delivered, String detail, Instant at) {
    }

    /** One Accord message on its way. */
    static final class Outgoing {
        final String messageId;
        final List<SubmitPart> parts;
        private final boolean[] accepted;
        private int delivered;
        private boolean reported;

        Outgoing(String messageId, List<SubmitPart> parts) {
            this.messageId = messageId;
            this.parts = parts;
            this.accepted = new boolean[parts.size()];
        }

        synchronized boolean accepted(int part) {
            return accepted[part];
        }

        synchronized boolean allAccepted() {
            for (boolean a : accepted) {
                if (!a) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,18}");
    private static final Pattern HEXADECIMAL = Pattern.compile("[0-9a-fA-F]{1,15}");

    private final String carrierId;
    private final LinkedHashMap<String, Outgoing> byMessage;
    private final LinkedHashMap<String, Outgoing> bySmscId;
    private final LinkedHashMap<String, PartOutcome> early;
    /** Set at the first receipt naming a submit_sm_resp id as it was: from then on ids are never converted. */
    private boolean sameIdsInReceipts;

    ReceiptBook(String carrierId, int capacity) {
        this.carrierId = carrierId;
        this.byMessage = bounded(capacity);
        this.bySmscId = bounded(capacity);
        this.early = bounded(Math.max(16, Math.min(capacity, 10_000)));
    }

    /**
     * @param messageId Accord's message id
     * @param plan      cuts the message into parts, called only the first time
     * @return the message's parts and which the SMSC accepted
     */
    synchronized Outgoing outgoing(String messageId, Supplier<List<SubmitPart>> plan) {
        Outgoing o = byMessage.get(messageId);
        if (o == null) {
            o = new Outgoing(messageId, plan.get());
            byMessage.put(messageId, o);
        }
        return o;
    }

    /**
     * Records the SMSC's id of an accepted part.
     *
     * @return a report when a receipt for that id came first and settles the message, else null
     */
    DeliveryReport accepted(String smscId, Outgoing message, int part) {
        synchronized (message) {
            message.accepted[part] = true;
        }
        PartOutcome first;
        synchronized (this) {
            if (smscId == null || smscId.isEmpty()) {
                return null;
            }
            bySmscId.put(smscId, message);
            first = early.remove(smscId);
        }
        return first == null ? null : settle(message, first);
    }

    /**
     * @param smscId  the id the receipt names
     * @param outcome what it says
     * @return a report when this receipt settles an Accord message, else null
     */
    DeliveryReport receipt(String smscId, PartOutcome outcome) {
        Outgoing message;
        synchronized (this) {
            message = find(smscId);
            if (message == null) {
                early.put(smscId, outcome);
                return null;
            }
        }
        return settle(message, outcome);
    }

    /** @return SMSC ids remembered */
    synchronized int remembered() {
        return bySmscId.size();
    }

    private Outgoing find(String smscId) {
        Outgoing m = bySmscId.get(smscId);
        if (m != null) {
            sameIdsInReceipts = true;
            return m;
        }
        if (sameIdsInReceipts) {
            // the receipt came before its submit_sm_resp was seen: read in the other base, its id could name
            // another message ("1028" in decimal is 0x404), so it waits in the side table for its own
            return null;
        }
        // some SMSCs answer submit_sm with a hexadecimal id and put it in decimal in the receipt, or the reverse
        try {
            if (DECIMAL.matcher(smscId).matches()) {
                m = bySmscId.get(Long.toHexString(Long.parseLong(smscId)));
                if (m == null) {
                    m = bySmscId.get(Long.toHexString(Long.parseLong(smscId)).toUpperCase());
                }
            }
            if (m == null && HEXADECIMAL.matcher(smscId).matches()) {
                m = bySmscId.get(Long.toString(Long.parseLong(smscId, 16)));
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return m;
    }

    private DeliveryReport settle(Outgoing message, PartOutcome outcome) {
        synchronized (message) {
            if (message.reported) {
                return null;
            }
            if (!outcome.delivered()) {
                message.reported = true;
                return new DeliveryReport(carrierId, message.messageId, false, outcome.detail(), outcome.at());
            }
            message.delivered++;
            if (message.delivered < message.parts.size()) {
                return null;
            }
            message.reported = true;
            return new DeliveryReport(carrierId, message.messageId, true, outcome.detail(), outcome.at());
        }
    }

    private static <K, V> LinkedHashMap<K, V> bounded(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }
}
