package org.accordpay.payments.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.accordpay.api.carrier.dto.DeliveryReport;
import org.accordpay.api.carrier.dto.OutboundSms;
import org.accordpay.api.carrier.dto.SmsPayload;
import org.accordpay.api.purchase.Mode;
import org.accordpay.api.routing.RoutingException;
import org.accordpay.api.routing.SmsRouting;
import org.accordpay.api.routing.dto.Sent;
import org.accordpay.api.store.AccordStore;
import org.accordpay.api.store.StoreTransaction;
import org.accordpay.api.store.dto.CustomerRecord;
import org.accordpay.api.store.dto.OutboxMessage;
import org.accordpay.api.store.dto.SmsAttempt;
import org.accordpay.api.store.dto.SmsReport;
import org.accordpay.api.time.AccordClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox's SMS rows through SMS routing and closes them with the carriers' delivery
 * reports. A batch of due rows costs one transaction to read what sending needs, parallel hand-overs
 * (carriers answer synchronously; the senders keep a carrier's window full), and one transaction to
 * record them. A row stays pending until its report says delivered; with no report within the receipt
 * timeout, or a failed one, it falls due again for the next carrier, carrying the same content (a
 * challenge keeps its id, so a handset that gets it twice shows it once). Reports are applied in
 * batches too, one transaction each; a delivered report that overtakes its hand-over's record is written
 * with it instead.
 */
final class SmsDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(SmsDelivery.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    /** Reports applied per transaction at most. */
    private static final int REPORT_BATCH = 2_000;
    /** How long (wall time) a report that matches no hand-over yet is tried again: it may have overtaken its commit. */
    private static final long PARK_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final int MAX_PARKED = 200_000;
    /** Queued after a batch of hand-overs is committed: the reports that overtook it can match now. */
    private static final DeliveryReport COMMITTED = new DeliveryReport("", "", true, "", Instant.EPOCH);
    private static final long PARKED_RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Rows the pump claims per transaction. */
    private static final int BATCH = 200;
    /** Rows between claim and record at most: enough to keep every carrier window full while the database writes. */
    private static final int MAX_IN_FLIGHT = 4 * BATCH;
    /** Outcomes recorded per transaction at most. */
    private static final int RECORD_BATCH = 1_000;

    private final AccordStore store;
    private final AccordClock clock;
    private final Connectors connectors;
    private final PaymentsSettings settings;
    private final Runnable wakeDispatcher;
    private final ExecutorService senders;
    private final BlockingQueue<DeliveryReport> reports = new LinkedBlockingQueue<>();
    /** Reports that matched no hand-over yet, by message id, with when they first arrived; report thread only. */
    private final Map<String, Parked> parked = new HashMap<>();
    private volatile long lastParkedTry = System.nanoTime();
    /** Pipeline: rows claimed and not yet recorded, the senders' outcomes, the pump's wake-up call. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final BlockingQueue<Outcome> handedOver = new LinkedBlockingQueue<>();
    private final Semaphore pumpWake = new Semaphore(0);
    /**
     * Delivered reports that arrived while their row was between claim and record (the carrier answered
     * before the hand-over was committed): the recorder writes each with its hand-over, in one go.
     */
    private final Map<String, DeliveryReport> early = new ConcurrentHashMap<>();
    private volatile boolean pumping;
    private Thread pump;
    private Thread recorder;

    private record Parked(DeliveryReport report, long since) {
    }

    /** One row to hand over: where to, in which mode, and the carriers that had it. */
    private record Job(OutboxMessage row, String to, Mode mode, List<String> tried) {
    }

    /**
     * What became of one row: taken by a carrier ({@code sent}), given up ({@code givenUp}: why, and
     * {@code givenUpAs}: what the row records as its connector, or null), or to retry ({@code retryError}).
     */
    private record Outcome(Job job, Sent sent, String givenUp, String givenUpAs, String retryError, Instant at) {

        static Outcome sent(Job job, Sent sent, Instant at) {
            return new Outcome(job, sent, null, null, null, at);
        }

        static Outcome givenUp(Job job, String why, String as, Instant at) {
            return new Outcome(job, null, why, as, null, at);
        }

        static Outcome retry(Job job, String error, Instant at) {
            return new Outcome(job, null, null, null, error, at);
        }
    }

    SmsDelivery(AccordStore store, AccordClock clock, Connectors connectors, PaymentsSettings settings,
            Runnable wakeDispatcher) {
        this.store = store;
        this.clock = clock;
        this.connectors = connectors;
        this.settings = settings;
        this.wakeDispatcher = wakeDispatcher;
        AtomicInteger n = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(settings.smsSenders(), r -> {
            Thread t = new Thread(r, "accord-sms-sender-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Hands due SMS rows to carriers and records the hand-overs, in the caller's thread (one batch; the
     * running dispatcher uses {@link #startPipeline()} instead).
     *
     * @return how many rows a carrier took
     */
    int deliver(List<OutboxMessage> due) {
        Optional<SmsRouting> routing = connectors.routing();
        if (due.isEmpty() || routing.isEmpty()) {
            return 0;
        }
        List<Job> jobs = store.transact(tx -> prepare(tx, due));
        List<Future<Outcome>> pending = new ArrayList<>(jobs.size());
        for (Job job : jobs) {
            pending.add(senders.submit(() -> handOver(routing.get(), job)));
        }
        List<Outcome> outcomes = new ArrayList<>(jobs.size());
        for (Future<Outcome> f : pending) {
            try {
                outcomes.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            } catch (ExecutionException e) {
                LOG.warn("SMS hand-over failed: {}", e.getCause().toString());
            }
        }
        recordOutcomes(outcomes);
        return (int) outcomes.stream().filter(o -> o.sent() != null).count();
    }

    /**
     * Starts the pipeline the running dispatcher uses for SMS: a pump thread reads and claims batches of
     * due rows and hands them to the senders while earlier batches are still in flight, and a recorder
     * thread writes the senders' outcomes in batches. Database and carriers work at the same time instead
     * of taking turns; at most {@value #MAX_IN_FLIGHT} rows are between claim and record.
     */
    synchronized void startPipeline() {
        if (pump != null) {
            return;
        }
        pumping = true;
        pump = daemon(this::pumpUntilStopped, "accord-sms-pump");
        recorder = daemon(this::recordUntilStopped, "accord-sms-recorder");
    }

    private static Thread daemon(Runnable work, String name) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Asks the pump for a pass now (rows were written or a report failed). */
    void wake() {
        if (pumpWake.availablePermits() == 0) {
            pumpWake.release();
        }
    }

    private void pumpUntilStopped() {
        while (pumping) {
            try {
                waitForRoom();
                if (pumpOnce() == 0) {
                    pumpWake.tryAcquire(500, TimeUnit.MILLISECONDS);
                    pumpWake.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("SMS pass failed: {}", e.toString());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private void waitForRoom() throws InterruptedException {
        synchronized (inFlight) {
            while (pumping && inFlight.size() > MAX_IN_FLIGHT - BATCH) {
                inFlight.wait(200);
            }
        }
    }

    /** Claims one batch of due rows and gives it to the senders. @return rows given */
    private int pumpOnce() {
        Optional<SmsRouting> routing = connectors.routing();
        if (routing.isEmpty()) {
            return 0;
        }
        Instant now = clock.now();
        List<Job> jobs = store.transact(tx -> {
            // rows still in flight are claimed; they show up again only if the clock jumped past the claim
            List<OutboxMessage> due = tx.outbox().due(PurchaseFlow.SMS, now, BATCH).stream()
                    .filter(r -> !inFlight.contains(r.id())).toList();
            if (due.isEmpty()) {
                return List.<Job>of();
            }
            tx.outbox().claim(due.stream().map(OutboxMessage::id).toList(), now.plus(settings.receiptTimeout()));
            return prepare(tx, due);
        });
        for (Job job : jobs) {
            inFlight.add(job.row().id());
            senders.execute(() -> handedOver.add(handOverOrRetry(routing.get(), job)));
        }
        return jobs.size();
    }

    private Outcome handOverOrRetry(SmsRouting routing, Job job) {
        try {
            return handOver(routing, job);
        } catch (Throwable e) {
            return Outcome.retry(job, e.toString(), clock.now());
        }
    }

    private void recordUntilStopped() {
        while (pumping) {
            try {
                Outcome first = handedOver.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<Outcome> batch = new ArrayList<>();
                batch.add(first);
                handedOver.drainTo(batch, RECORD_BATCH - 1);
                try {
                    recordOutcomes(batch);
                } finally {
                    synchronized (inFlight) {
                        batch.forEach(o -> inFlight.remove(o.job().row().id()));
                        inFlight.notifyAll();
                    }
                    // reports that came too late for this batch's record (or whose record failed) match as usual
                    for (Outcome o : batch) {
                        DeliveryReport r = early.remove(o.job().row().id());
                        if (r != null) {
                            reports.add(r);
                        }
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("Recording SMS hand-overs failed: {}", e.toString());
            }
        }
    }

    /** Records outcomes in one transaction, or one by one when that fails; then lets parked reports match. */
    private void recordOutcomes(List<Outcome> outcomes) {
        try {
            Map<String, DeliveryReport> written = store.transact(tx -> recordAll(tx, outcomes));
            written.forEach(early::remove);
        } catch (RuntimeException e) {
            // one row changed under us (a report, another node): record the others one by one
            LOG.debug("Recording {} hand-overs at once failed ({}); one by one", outcomes.size(), e.toString());
            for (Outcome o : outcomes) {
                try {
                    store.transact(tx -> {
                        record(tx, o);
                        return null;
                    });
                } catch (RuntimeException single) {
                    LOG.warn("Hand-over of {} not recorded: {}", o.job().row().id(), single.toString());
                }
            }
        }
        reports.add(COMMITTED);
    }

    /** Reads, in the batch's transaction, each row's number, mode and earlier hand-overs. */
    private List<Job> prepare(StoreTransaction tx, List<OutboxMessage> due) {
        Map<String, Mode> modes = new HashMap<>();
        Map<String, String> phones = new HashMap<>();
        List<Job> jobs = new ArrayList<>(due.size());
        for (OutboxMessage row : due) {
            String to = phoneOf(tx, row.destination(), phones);
            Mode mode = row.purchaseId() == null ? Mode.LIVE : modes.computeIfAbsent(row.purchaseId(),
                    id -> tx.purchases().find(id).map(p -> p.mode()).orElse(Mode.LIVE));
            List<String> tried = row.attempts() == 0 ? List.of()
                    : tx.outbox().attempts(row.id()).stream().map(SmsAttempt::carrierId).toList();
            jobs.add(new Job(row, to, mode, tried));
        }
        return jobs;
    }

    private static String phoneOf(StoreTransaction tx, String destination, Map<String, String> seen) {
        if (destination.startsWith("phone:")) {
            return destination.substring("phone:".length());
        }
        if (destination.startsWith("customer:")) {
            return seen.computeIfAbsent(destination, d -> tx.customers().find(d.substring("customer:".length()))
                    .map(CustomerRecord::phoneE164).orElse(null));
        }
        return null;
    }

    /** Runs on a sender thread: one routing call, no store access. */
    private Outcome handOver(SmsRouting routing, Job job) {
        OutboxMessage row = job.row();
        if (job.to() == null) {
            return Outcome.givenUp(job, "no phone number for " + row.destination(), null, clock.now());
        }
        if (job.tried().size() >= settings.smsHandovers()) {
            return Outcome.givenUp(job, "no delivery report after " + job.tried().size() + " hand-overs ("
                    + String.join(", ", job.tried()) + ")", "undelivered", clock.now());
        }
        SmsPayload payload = SmsPayload.decode(row.payload());
        try {
            Sent sent = routing.send(new OutboundSms(row.id(), job.to(), payload.text(), payload.binary(),
                    payload.port()), row.destination(), job.mode() == Mode.TEST, job.tried());
            return Outcome.sent(job, sent, clock.now());
        } catch (RoutingException e) {
            return e.retryable() ? Outcome.retry(job, e.getMessage(), clock.now())
                    : Outcome.givenUp(job, "refused: " + e.getMessage(), "refused", clock.now());
        } catch (RuntimeException e) {
            return Outcome.retry(job, e.toString(), clock.now());
        }
    }

    /**
     * Records a batch: the hand-overs waiting for a report in one go (with the delivered reports that
     * already came for them), the rest row by row.
     *
     * @return the early reports written, by message id
     */
    private Map<String, DeliveryReport> recordAll(StoreTransaction tx, List<Outcome> outcomes) {
        Instant now = clock.now();
        Instant dueAt = now.plus(settings.receiptTimeout());
        List<SmsAttempt> waiting = new ArrayList<>();
        Map<String, String> via = new HashMap<>();
        Map<String, DeliveryReport> written = new HashMap<>();
        for (Outcome o : outcomes) {
            if (o.sent() != null && o.sent().awaitsReceipt()) {
                String id = o.job().row().id();
                DeliveryReport r = early.get(id);
                if (r != null && r.carrierId().equals(o.sent().carrierId())) {
                    waiting.add(attempt(o, now, r.detail()));
                    written.put(id, r);
                } else {
                    waiting.add(attempt(o));
                }
                via.put(id, via(o));
            } else {
                record(tx, o);
            }
        }
        tx.outbox().awaitReceipts(waiting, dueAt, via);
        return written;
    }

    private static SmsAttempt attempt(Outcome o) {
        return attempt(o, null, null);
    }

    /** The hand-over, with its delivered report when one came before it was recorded (else null, null). */
    private static SmsAttempt attempt(Outcome o, Instant deliveredAt, String detail) {
        return new SmsAttempt(o.job().row().id(), o.job().tried().size() + 1, o.sent().carrierId(), o.job().to(),
                o.at(), deliveredAt, deliveredAt == null ? null : Boolean.TRUE, detail);
    }

    private static String via(Outcome o) {
        return "carrier:" + o.sent().carrierId() + "/" + o.job().mode().name().toLowerCase();
    }

    private void record(StoreTransaction tx, Outcome o) {
        OutboxMessage row = o.job().row();
        if (o.sent() != null) {
            if (o.sent().awaitsReceipt()) {
                tx.outbox().awaitReceipt(attempt(o), o.at().plus(settings.receiptTimeout()), via(o));
            } else {
                tx.outbox().recordAttempt(attempt(o));
                tx.outbox().markDone(row.id(), o.at(), via(o));
            }
        } else if (o.givenUp() != null) {
            LOG.warn("Message {} given up: {}", row.id(), o.givenUp());
            tx.outbox().markDone(row.id(), o.at(), o.givenUpAs());
        } else {
            long seconds = Math.min(MAX_BACKOFF.toSeconds(), 1L << Math.min(row.attempts(), 16));
            LOG.info("Message {} not handed over (attempt {}): {}; next try in {} s", row.id(), row.attempts() + 1,
                    o.retryError(), seconds);
            String error = o.retryError().length() > 1000 ? o.retryError().substring(0, 1000) : o.retryError();
            tx.outbox().reschedule(row.id(), o.at().plusSeconds(seconds), error);
        }
    }

    /**
     * A carrier's delivery report; applied by {@link #applyReports()}, or written with its hand-over when
     * it is a delivered report for a row not recorded yet.
     */
    void reported(DeliveryReport report) {
        String id = report.messageId();
        if (report.delivered() && inFlight.contains(id)) {
            early.put(id, report);
            // the recorder sweeps early reports after it lets go of a row: only a row that left in between
            // needs this thread to take its report back (unless the recorder took it already)
            if (inFlight.contains(id) || !early.remove(id, report)) {
                return;
            }
        }
        reports.add(report);
    }

    /**
     * Applies the reports received so far (and those still waiting for their hand-over) in one
     * transaction: delivered closes the row, failed makes it due at once for the next carrier.
     *
     * @return how many matched a hand-over
     */
    int applyReports() {
        List<DeliveryReport> fresh = new ArrayList<>();
        reports.drainTo(fresh, REPORT_BATCH);
        fresh.removeIf(r -> r == COMMITTED);
        return apply(fresh, true);
    }

    private synchronized int apply(List<DeliveryReport> fresh, boolean withParked) {
        List<DeliveryReport> batch = new ArrayList<>();
        if (withParked) {
            batch.addAll(parked.values().stream().map(Parked::report).toList());
            lastParkedTry = System.nanoTime();
        }
        batch.addAll(fresh);
        if (batch.isEmpty()) {
            return 0;
        }
        Instant now = clock.now();
        List<Boolean> matched;
        try {
            matched = store.transact(tx -> matchAll(tx, batch, now));
        } catch (RuntimeException e) {
            LOG.debug("Applying {} reports at once failed ({}); one by one", batch.size(), e.toString());
            matched = new ArrayList<>();
            for (DeliveryReport r : batch) {
                boolean ok;
                try {
                    ok = store.transact(tx -> match(tx, r, now));
                } catch (RuntimeException single) {
                    ok = false;
                }
                matched.add(ok);
            }
        }
        int n = 0;
        boolean failed = false;
        long t = System.nanoTime();
        for (int i = 0; i < batch.size(); i++) {
            DeliveryReport r = batch.get(i);
            Parked before = parked.get(r.messageId());
            boolean wasParked = before != null && before.report() == r;
            if (matched.get(i)) {
                n++;
                failed |= !r.delivered();
                if (wasParked) {
                    parked.remove(r.messageId());
                }
            } else if (!wasParked) {
                if (parked.size() < MAX_PARKED) {
                    parked.put(r.messageId(), new Parked(r, t));
                }
            } else if (t - before.since() > PARK_NANOS) {
                parked.remove(r.messageId());
                LOG.debug("Report from {} for {} matched no hand-over: dropped", r.carrierId(), r.messageId());
            }
        }
        if (failed) {
            wakeDispatcher.run();
        }
        return n;
    }

    private List<Boolean> matchAll(StoreTransaction tx, List<DeliveryReport> batch, Instant now) {
        List<Optional<SmsAttempt>> found = tx.outbox().matchReports(batch.stream()
                .map(r -> new SmsReport(r.messageId(), r.carrierId(), r.delivered(), r.detail())).toList(), now);
        List<Boolean> matched = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            DeliveryReport r = batch.get(i);
            matched.add(found.get(i).isPresent());
            if (found.get(i).isPresent() && !r.delivered()) {
                LOG.info("Carrier {} could not deliver message {}: {}; the next carrier gets it", r.carrierId(),
                        r.messageId(), r.detail());
            }
        }
        return matched;
    }

    private boolean match(StoreTransaction tx, DeliveryReport r, Instant now) {
        boolean ok = tx.outbox().matchReport(r.messageId(), r.carrierId(), r.delivered(), r.detail(), now).isPresent();
        if (ok && !r.delivered()) {
            LOG.info("Carrier {} could not deliver message {}: {}; the next carrier gets it", r.carrierId(),
                    r.messageId(), r.detail());
        }
        return ok;
    }

    /** Applies reports as they come, until interrupted (the report thread); parked ones about once a second. */
    void applyReportsUntilInterrupted() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                DeliveryReport first = reports.poll(200, TimeUnit.MILLISECONDS);
                List<DeliveryReport> fresh = new ArrayList<>();
                if (first != null) {
                    fresh.add(first);
                    reports.drainTo(fresh, REPORT_BATCH - 1);
                }
                boolean committed = fresh.removeIf(r -> r == COMMITTED);
                boolean retryParked = committed || System.nanoTime() - lastParkedTry > PARKED_RETRY_NANOS;
                if (!fresh.isEmpty() || retryParked) {
                    apply(fresh, retryParked);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.warn("Applying delivery reports failed: {}", e.toString());
            }
        }
    }

    void stop() {
        pumping = false;
        Thread p;
        Thread r;
        synchronized (this) {
            p = pump;
            r = recorder;
        }
        if (p != null) {
            p.interrupt();
        }
        senders.shutdownNow();
        if (r != null) {
            r.interrupt();
        }
    }
}
