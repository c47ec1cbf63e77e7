package org.accordpay.bank.ledger.internal;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.accordpay.api.bank.BankEvents;
import org.accordpay.api.bank.dto.BankStatus;
import org.accordpay.api.bank.dto.BankStatusUpdate;
import org.accordpay.api.bank.dto.RefusalReason;
import org.accordpay.api.fault.FaultPoint;
import org.accordpay.api.time.AccordClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the notification outbox to {@link BankEvents}, strictly in outbox order, at least
 * once: a notification is marked reported only after {@code statusChanged} returned. With no
 * BankEvents service, or one that throws, the notifications stay and delivery is retried with
 * an exponential back-off measured on Accord's clock; a newly bound service is tried at once.
 */
final class StatusNotifier implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(StatusNotifier.class);

    static final Duration FIRST_BACKOFF = Duration.ofMillis(50);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final long POLL_MS = 100;
    private static final int BATCH = 100;

    private final String bankId;
    private final LedgerDatabase db;
    private final AccordClock clock;
    private final Thread thread;
    private final Object signal = new Object();
    private volatile BankEvents events;
    private volatile boolean stopped;
    private boolean kicked;
    private int failures;
    private Instant nextAttempt = Instant.MIN;
    private String lastProblem;

    StatusNotifier(String bankId, LedgerDatabase db, AccordClock clock, BankEvents events) {
        this.bankId = bankId;
        this.db = db;
        this.clock = clock;
        this.events = events;
        this.thread = new Thread(this, "accord-bank-ledger-notifier-" + bankId);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** A BankEvents service came or went: try again at once. */
    void setEvents(BankEvents next) {
        synchronized (signal) {
            events = next;
            failures = 0;
            nextAttempt = Instant.MIN;
            kicked = true;
            signal.notifyAll();
        }
    }

    /** New notifications are in the outbox. */
    void kick() {
        synchronized (signal) {
            kicked = true;
            signal.notifyAll();
        }
    }

    @Override
    public void run() {
        while (!stopped) {
            boolean more = false;
            try {
                more = deliverBatch();
                lastProblem = null;
            } catch (SQLException | RuntimeException | LinkageError e) {
                if (!e.toString().equals(lastProblem)) {
                    LOG.warn("Ledger bank {}: cannot use the notification outbox ({}); retrying", bankId, e.toString());
                    lastProblem = e.toString();
                }
            }
            if (!more) {
                synchronized (signal) {
                    if (!kicked && !stopped) {
                        try {
                            signal.wait(POLL_MS);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    kicked = false;
                }
            }
        }
    }

    /** @return true when a full batch went out and more may be waiting */
    private boolean deliverBatch() throws SQLException {
        BankEvents target;
        synchronized (signal) {
            target = events;
            if (target == null || clock.now().isBefore(nextAttempt)) {
                return false;
            }
        }
        List<Books.NotificationRow> batch = db.transact(c -> Books.unreported(c, BATCH));
        for (Books.NotificationRow n : batch) {
            if (stopped) {
                return false;
            }
            BankStatusUpdate update = new BankStatusUpdate(bankId, n.key(), BankStatus.valueOf(n.status()),
                    n.reason() == null ? null : RefusalReason.valueOf(n.reason()), n.changedAt());
            try {
                target.statusChanged(update);
            } catch (RuntimeException | LinkageError e) {
                backOff(target, update, e);
                return false;
            }
            FaultPoint.reach("bank-ledger.notify.after-delivery"); // crash here: delivered again after restart
            db.transact(c -> {
                Books.markReported(c, n.seq());
                return null;
            });
            synchronized (signal) {
                if (failures > 0) {
                    LOG.info("Ledger bank {}: BankEvents accepts updates again", bankId);
                }
                failures = 0;
            }
        }
        return batch.size() == BATCH;
    }

    private void backOff(BankEvents target, BankStatusUpdate update, Throwable e) {
        synchronized (signal) {
            if (events != target) {
                return; // replaced meanwhile: the new one is tried at once
            }
            failures++;
            long ms = FIRST_BACKOFF.toMillis() << Math.min(failures - 1, 20);
            Duration wait = Duration.ofMillis(Math.min(ms, MAX_BACKOFF.toMillis()));
            nextAttempt = clock.now().plus(wait);
            if (failures == 1) {
                LOG.warn("Ledger bank {}: BankEvents refused {} ({}); keeping it and retrying with back-off",
                        bankId, update, e.toString());
            } else {
                LOG.debug("Ledger bank {}: BankEvents still failing (attempt {}), next in {}", bankId, failures, wait);
            }
        }
    }

    void stop() {
        stopped = true;
        // no interrupt: an interrupted H2 file channel closes the database under the other threads
        kick();
        if (thread != Thread.currentThread()) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
