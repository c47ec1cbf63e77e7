package org.accordpay.payments.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.accordpay.api.bank.BankException;
import org.accordpay.api.bank.dto.BankInstruction;
import org.accordpay.api.bank.dto.BankOperation;
import org.accordpay.api.carrier.dto.DeliveryReport;
import org.accordpay.api.carrier.dto.OutboundSms;
import org.accordpay.api.carrier.dto.SmsPayload;
import org.accordpay.api.courier.CourierConnector;
import org.accordpay.api.courier.CourierException;
import org.accordpay.api.courier.dto.Shipment;
import org.accordpay.api.fault.FaultPoint;
import org.accordpay.api.purchase.Mode;
import org.accordpay.api.registry.CustomerRegistry;
import org.accordpay.api.registry.dto.Customer;
import org.accordpay.api.routing.RoutingException;
import org.accordpay.api.routing.SmsRouting;
import org.accordpay.api.routing.dto.Sent;
import org.accordpay.api.store.AccordStore;
import org.accordpay.api.store.ConcurrentUpdateException;
import org.accordpay.api.store.dto.BankInstructionRecord;
import org.accordpay.api.store.dto.InstructionKind;
import org.accordpay.api.store.dto.InstructionStatus;
import org.accordpay.api.store.dto.OutboxMessage;
import org.accordpay.api.store.dto.SmsAttempt;
import org.accordpay.api.time.AccordClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers outbox rows: messages to handsets (through SMS routing), instructions to banks, shipments to
 * couriers. A row leaves the outbox only once its connector took it; a row whose connector is not
 * bound waits, and a failed attempt is retried with back-off. Every downstream call carries the
 * row's idempotency key, so a crash between the call and {@code markDone} only repeats a call the
 * connector recognises.
 */
final class OutboxDispatcher implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final int BATCH = 200;
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    /** Attempts (about a minute of back-off) before a shipment for an unconnected courier stops waiting. */
    private static final int COURIER_ATTEMPTS = 6;
    /** Parked reports kept at most (reports for messages this node never sent would pile up otherwise). */
    private static final int MAX_EARLY_REPORTS = 10_000;

    private final AccordStore store;
    private final AccordClock clock;
    private final Connectors connectors;
    private final CustomerRegistry customers;
    private final PaymentsSettings settings;
    private final Semaphore wake = new Semaphore(0);
    /** Delivery reports that arrived before their hand-over was committed, by message id. */
    private final Map<String, DeliveryReport> early = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    OutboxDispatcher(AccordStore store, AccordClock clock, Connectors connectors, CustomerRegistry customers,
            PaymentsSettings settings) {
        this.store = store;
        this.clock = clock;
        this.connectors = connectors;
        this.customers = customers;
        this.settings = settings;
    }

    /** Asks for a pass now (after a commit that wrote rows). */
    void wake() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    void stop() {
        running = false;
        wake.release();
    }

    @Override
    public void run() {
        while (running) {
            try {
                int done = deliverDue();
                if (done < BATCH) {
                    wake.tryAcquire(500, TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("Outbox pass failed: {}", e.toString());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** One pass over every channel. @return how many rows were handed over */
    int deliverDue() {
        int n = 0;
        for (String channel : List.of(PurchaseFlow.BANK, PurchaseFlow.SMS, PurchaseFlow.COURIER)) {
            Instant now = clock.now();
            List<OutboxMessage> due = store.transact(tx -> tx.outbox().due(channel, now, BATCH));
            for (OutboxMessage row : due) {
                if (!running) {
                    return n;
                }
                if (deliver(row)) {
                    n++;
                }
            }
        }
        return n;
    }

    private boolean deliver(OutboxMessage row) {
        try {
            return switch (row.channel()) {
                case PurchaseFlow.BANK -> deliverBank(row);
                case PurchaseFlow.SMS -> deliverSms(row);
                case PurchaseFlow.COURIER -> deliverCourier(row);
                default -> false;
            };
        } catch (RuntimeException e) {
            retryLater(row, e.toString());
            return false;
        }
    }

    private boolean deliverBank(OutboxMessage row) {
        String key = new String(row.payload(), StandardCharsets.UTF_8);
        Optional<BankInstructionRecord> found = store.transact(tx -> tx.bankInstructions().find(key));
        if (found.isEmpty() || found.get().status() != InstructionStatus.REQUESTED) {
            done(row);
            return true;
        }
        BankInstructionRecord i = found.get();
        Optional<Connectors.Bank> bank = connectors.bank(i.bankId());
        if (bank.isEmpty()) {
            return false;
        }
        if (i.mode() == Mode.TEST && !bank.get().test()) {
            retryLater(row, "test traffic never goes to live bank " + i.bankId());
            return false;
        }
        BankOperation op = i.kind() == InstructionKind.DEBIT ? BankOperation.DEBIT : BankOperation.CREDIT;
        try {
            bank.get().connector().submit(new BankInstruction(i.idempotencyKey(), op, i.counterparty(), i.amount(),
                    i.purchaseId()));
        } catch (BankException e) {
            retryLater(row, "bank " + i.bankId() + ": " + e.getMessage());
            return false;
        }
        FaultPoint.reach("payments." + i.kind().name().toLowerCase() + ".submitted");
        done(row, "bank:" + i.bankId() + "/" + i.mode().name().toLowerCase());
        return true;
    }

    /**
     * Hands an SMS row to the carrier routing picks. The row stays pending until the carrier's delivery
     * report says delivered (see {@link #reported}); with no report in time it falls due
     * again and goes to the next carrier, carrying the same content (a challenge keeps its id, so a
     * handset that gets it twice shows it once).
     */
    private boolean deliverSms(OutboxMessage row) {
        Optional<SmsRouting> routing = connectors.routing();
        if (routing.isEmpty()) {
            return false;
        }
        String to = phoneOf(row.destination());
        if (to == null) {
            LOG.warn("Message {} dropped: no phone number for {}", row.id(), row.destination());
            done(row);
            return false;
        }
        SmsContext context = store.transact(tx -> new SmsContext(
                row.purchaseId() == null ? Mode.LIVE
                        : tx.purchases().find(row.purchaseId()).map(p -> p.mode()).orElse(Mode.LIVE),
                row.attempts() == 0 ? List.of() : tx.outbox().attempts(row.id())));
        List<String> tried = context.attempts().stream().map(SmsAttempt::carrierId).toList();
        if (tried.size() >= settings.smsHandovers()) {
            LOG.warn("Message {} to {} given up: no delivery report after {} hand-overs ({})", row.id(), to,
                    tried.size(), String.join(", ", tried));
            done(row, "undelivered");
            return false;
        }
        SmsPayload payload = SmsPayload.decode(row.payload());
        Sent sent;
        try {
            sent = routing.get().send(new OutboundSms(row.id(), to, payload.text(), payload.binary(), payload.port()),
                    row.destination(), context.mode() == Mode.TEST, tried);
        } catch (RoutingException e) {
            if (!e.retryable()) {
                LOG.warn("Message {} to {} refused: {}", row.id(), to, e.getMessage());
                done(row, "refused");
                return false;
            }
            retryLater(row, e.getMessage());
            return false;
        }
        Instant now = clock.now();
        String via = "carrier:" + sent.carrierId() + "/" + context.mode().name().toLowerCase();
        SmsAttempt attempt = new SmsAttempt(row.id(), tried.size() + 1, sent.carrierId(), to, now, null, null, null);
        store.transact(tx -> {
            if (sent.awaitsReceipt()) {
                tx.outbox().awaitReceipt(attempt, now.plus(settings.receiptTimeout()), via);
            } else {
                tx.outbox().recordAttempt(attempt);
                tx.outbox().markDone(row.id(), now, via);
            }
            return null;
        });
        matchEarlyReport(row.id());
        return true;
    }

    /**
     * Applies a carrier's delivery report to the hand-over it answers. A report can overtake the
     * commit that records its hand-over (the carrier answers while the dispatcher is still writing):
     * such a report is parked, matched again, and picked up by the dispatcher right after its commit.
     */
    void reported(DeliveryReport report) {
        if (match(report)) {
            return;
        }
        if (early.size() > MAX_EARLY_REPORTS) {
            early.clear();
        }
        early.put(report.messageId(), report);
        if (match(report)) {
            early.remove(report.messageId(), report);
        }
    }

    /** Matches a report parked before the hand-over it answers was committed. */
    private void matchEarlyReport(String messageId) {
        DeliveryReport report = early.remove(messageId);
        if (report != null) {
            match(report);
        }
    }

    private boolean match(DeliveryReport report) {
        Optional<SmsAttempt> matched;
        try {
            matched = store.transact(tx -> tx.outbox().matchReport(report.messageId(), report.carrierId(),
                    report.delivered(), report.detail(), clock.now()));
        } catch (ConcurrentUpdateException e) {
            return false;
        }
        if (matched.isPresent() && !report.delivered()) {
            LOG.info("Carrier {} could not deliver message {}: {}; the next carrier gets it", report.carrierId(),
                    report.messageId(), report.detail());
            wake();
        }
        return matched.isPresent();
    }

    /** What sending an SMS row needs from the store: the purchase's mode and earlier hand-overs. */
    private record SmsContext(Mode mode, List<SmsAttempt> attempts) {
    }

    private boolean deliverCourier(OutboxMessage row) {
        Optional<CourierConnector> courier = connectors.courier(row.destination());
        if (courier.isEmpty()) {
            if (row.attempts() >= COURIER_ATTEMPTS) {
                // a courier Accord has no connection with: delivery will come from the customer or the window
                LOG.info("No connector for courier {}: shipment {} not watched", row.destination(), row.purchaseId());
                done(row, "courier:none");
            } else {
                retryLater(row, "no connector for courier " + row.destination());
            }
            return false;
        }
        try {
            courier.get().watch(new Shipment(row.destination(), new String(row.payload(), StandardCharsets.UTF_8),
                    row.purchaseId()));
        } catch (CourierException e) {
            retryLater(row, "courier " + row.destination() + ": " + e.getMessage());
            return false;
        }
        done(row, "courier:" + courier.get().id());
        return true;
    }

    private String phoneOf(String destination) {
        if (destination.startsWith("phone:")) {
            return destination.substring("phone:".length());
        }
        if (destination.startsWith("customer:")) {
            return customers.find(destination.substring("customer:".length())).map(Customer::phoneE164).orElse(null);
        }
        return null;
    }

    private void done(OutboxMessage row) {
        done(row, null);
    }

    /** Marks the row delivered, recording the connector (and mode) that took it. */
    private void done(OutboxMessage row, String via) {
        Instant now = clock.now();
        store.transact(tx -> {
            tx.outbox().markDone(row.id(), now, via);
            return null;
        });
    }

    private void retryLater(OutboxMessage row, String error) {
        long seconds = Math.min(MAX_BACKOFF.toSeconds(), 1L << Math.min(row.attempts(), 16));
        Instant next = clock.now().plusSeconds(seconds);
        LOG.info("Outbox row {} not delivered (attempt {}): {}; next try at {}", row.id(), row.attempts() + 1, error,
                next);
        store.transact(tx -> {
            tx.outbox().reschedule(row.id(), next, error.length() > 1000 ? error.substring(0, 1000) : error);
            return null;
        });
    }
}
