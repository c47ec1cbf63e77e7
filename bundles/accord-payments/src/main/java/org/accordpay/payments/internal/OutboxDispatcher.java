package org.accordpay.payments.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.accordpay.api.bank.BankException;
import org.accordpay.api.bank.dto.BankInstruction;
import org.accordpay.api.bank.dto.BankOperation;
import org.accordpay.api.carrier.dto.DeliveryReport;
import org.accordpay.api.courier.CourierConnector;
import org.accordpay.api.courier.CourierException;
import org.accordpay.api.courier.dto.Shipment;
import org.accordpay.api.fault.FaultPoint;
import org.accordpay.api.purchase.Mode;
import org.accordpay.api.store.AccordStore;
import org.accordpay.api.store.dto.BankInstructionRecord;
import org.accordpay.api.store.dto.InstructionKind;
import org.accordpay.api.store.dto.InstructionStatus;
import org.accordpay.api.store.dto.OutboxMessage;
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

    private final AccordStore store;
    private final AccordClock clock;
    private final Connectors connectors;
    private final PaymentsSettings settings;
    private final Semaphore wake = new Semaphore(0);
    private final SmsDelivery sms;
    private volatile boolean running = true;

    OutboxDispatcher(AccordStore store, AccordClock clock, Connectors connectors, PaymentsSettings settings) {
        this.store = store;
        this.clock = clock;
        this.connectors = connectors;
        this.settings = settings;
        this.sms = new SmsDelivery(store, clock, connectors, settings, this::wake);
    }

    /** Asks for a pass now (after a commit that wrote rows). */
    void wake() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
        sms.wake();
    }

    void stop() {
        running = false;
        sms.stop();
        wake.release();
    }

    /** Delivers until {@link #stop()}: SMS through {@link SmsDelivery}'s pipeline, bank and courier rows here. */
    @Override
    public void run() {
        sms.startPipeline();
        while (running) {
            try {
                int done = deliverDue(List.of(PurchaseFlow.BANK, PurchaseFlow.COURIER));
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

    /** One pass over every channel, in the caller's thread. @return how many rows were handed over */
    int deliverDue() {
        return deliverDue(List.of(PurchaseFlow.BANK, PurchaseFlow.SMS, PurchaseFlow.COURIER));
    }

    private int deliverDue(List<String> channels) {
        int n = 0;
        for (String channel : channels) {
            Instant now = clock.now();
            List<OutboxMessage> due = store.transact(tx -> tx.outbox().due(channel, now, BATCH));
            if (PurchaseFlow.SMS.equals(channel)) {
                n += sms.deliver(due);
                continue;
            }
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

    /** A carrier's delivery report, applied by the report thread ({@link SmsDelivery}). */
    void reported(DeliveryReport report) {
        sms.reported(report);
    }

    /** Applies the delivery reports received so far (the report thread does it continuously). */
    int applyReports() {
        return sms.applyReports();
    }

    /** The report thread's work: applies delivery reports as they come, until interrupted. */
    void applyReportsUntilInterrupted() {
        sms.applyReportsUntilInterrupted();
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
