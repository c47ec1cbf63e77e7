package org.accordpay.carrier.smpp.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.accordpay.api.carrier.CarrierException;
import org.accordpay.api.carrier.CarrierInbound;
import org.accordpay.api.carrier.dto.DeliveryReport;
import org.accordpay.api.carrier.dto.InboundSms;
import org.accordpay.api.carrier.dto.OutboundSms;
import org.accordpay.smsc.simulator.SmscSimulator;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RawDataCoding;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.session.connection.socket.SocketConnection;

/**
 * submit_sm/s and delivery receipts/s against the in-process {@link SmscSimulator} on loopback TCP, in one
 * run: (a) a bare jSMPP {@link SMPPSession} with TCP_NODELAY and as many sender threads as the window, then
 * (b) Accord's {@link SmppCarrier} with the same window and several sender-thread counts. Each case warms
 * up, then measures for a fixed time; the table gives (b)/(a).
 *
 * <p>System properties: {@code warmup} (s, default 5), {@code duration} (s, default 10), {@code window}
 * (outstanding submit_sm, default 10), {@code carrier.threads} (comma-separated sender-thread counts for
 * (b), default window/2, window, 2*window), {@code receipt.senders} (simulator threads sending receipts,
 * each waiting for its deliver_sm_resp; default 2*window so receipts keep up with submits). (a) runs first
 * and again last; (b) is compared with the better of the two.
 */
public final class SmppThroughputBench {

    private static final String TEXT = "Accord: paid 25.00 EUR at Librairie Duval";
    private static final String TO_E164 = "+33612345678";

    private final int warmupS = Integer.getInteger("warmup", 5);
    private final int durationS = Integer.getInteger("duration", 10);
    private final int window = Integer.getInteger("window", 10);
    private final int receiptSenders = Integer.getInteger("receipt.senders", 2 * window);
    private final int[] carrierThreads = threadCounts(System.getProperty("carrier.threads"), window);
    private final int rounds = Integer.getInteger("rounds", 3);
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    /** One measured case; cpuMicrosPerSubmit is the whole process (ESME and SMSC) per accepted submit_sm. */
    private record Result(String name, int threads, double submitsPerS, double receiptsPerS, long failures,
            double cpuMicrosPerSubmit) {
    }

    public static void main(String[] args) throws Exception {
        new SmppThroughputBench().run();
        System.exit(0);
    }

    private void run() throws Exception {
        System.out.printf("SMPP throughput on loopback: window %d, warm-up %d s, measure %d s, %d rounds, %d receipt "
                + "senders, %d CPUs, Java %s%n", window, warmupS, durationS, rounds, receiptSenders,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        // rounds alternate (a) and (b), so a busy machine or a late JIT does not favour one of them
        java.util.Map<String, List<Result>> byCase = new java.util.LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            System.out.printf("-- round %d of %d%n", round, rounds);
            Result a = raw();
            byCase.computeIfAbsent(key(a), k -> new ArrayList<>()).add(a);
            for (int threads : carrierThreads) {
                Result b = carrier(threads);
                byCase.computeIfAbsent(key(b), k -> new ArrayList<>()).add(b);
            }
        }
        // each round's (b) against the same round's (a): the two ran seconds apart, on the same machine load
        java.util.Map<String, List<Double>> roundRatios = new java.util.LinkedHashMap<>();
        List<Result> rawRounds = byCase.values().iterator().next();
        for (java.util.Map.Entry<String, List<Result>> e : byCase.entrySet()) {
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < e.getValue().size(); i++) {
                ratios.add(e.getValue().get(i).submitsPerS / rawRounds.get(i).submitsPerS);
            }
            ratios.sort(Double::compare);
            roundRatios.put(e.getKey(), ratios);
        }
        List<Result> medians = byCase.values().stream().map(SmppThroughputBench::median).toList();
        Result a = medians.get(0);
        Result bestB = medians.stream().skip(1).max((x, y) -> Double.compare(x.submitsPerS, y.submitsPerS)).orElseThrow();
        System.out.println();
        System.out.printf("median of %d rounds of %d s:%n%n", rounds, durationS);
        System.out.printf("| case | sender threads | submit_sm/s | receipts/s | failed sends | CPU µs per submit_sm "
                + "(ESME + SMSC) | submit_sm/s vs (a) | vs (a) of the same round, median (all) |%n");
        System.out.printf("|---|---|---|---|---|---|---|---|%n");
        for (Result r : medians) {
            List<Double> ratios = roundRatios.get(key(r));
            System.out.printf("| %s | %d | %,.0f | %,.0f | %d | %.0f | %.2f | %.2f (%s) |%n", r.name, r.threads,
                    r.submitsPerS, r.receiptsPerS, r.failures, r.cpuMicrosPerSubmit, r.submitsPerS / a.submitsPerS,
                    ratios.get((ratios.size() - 1) / 2), ratios.stream().map(x -> String.format("%.2f", x))
                            .collect(java.util.stream.Collectors.joining(", ")));
        }
        System.out.printf("%n(b)/(a) = %.2f with %d sender threads (receipts/s %.2f) -- target >= 0.8%n",
                bestB.submitsPerS / a.submitsPerS, bestB.threads, bestB.receiptsPerS / a.receiptsPerS);
        // (c) in the same run, against the same simulator, unless -Doutbox=false (it needs MariaDB)
        if (Boolean.parseBoolean(System.getProperty("outbox", "true"))) {
            System.out.println();
            org.accordpay.payments.internal.OutboxToReceiptBench.main(new String[0]);
        }
    }

    private static String key(Result r) {
        return r.name + "/" + r.threads;
    }

    /** The round with the median submit rate. */
    private static Result median(List<Result> results) {
        List<Result> sorted = new ArrayList<>(results);
        sorted.sort((x, y) -> Double.compare(x.submitsPerS, y.submitsPerS));
        return sorted.get((sorted.size() - 1) / 2);
    }

    // ---------------------------------------------------------------- (a) bare jSMPP

    private Result raw() throws Exception {
        try (SmscSimulator smsc = simulator()) {
            AtomicLong receipts = new AtomicLong();
            AtomicLong failures = new AtomicLong();
            SMPPSession session = new SMPPSession(
                    (host, port) -> {
                        Socket socket = new Socket();
                        socket.setTcpNoDelay(true);
                        socket.connect(new InetSocketAddress(host, port), 5000);
                        return new SocketConnection(socket);
                    });
            session.setTransactionTimer(10_000);
            session.setQueueCapacity(Math.max(100, window * 4));
            session.setMessageReceiverListener(new MessageReceiverListener() {
                @Override
                public void onAcceptDeliverSm(DeliverSm deliverSm) {
                    if (MessageType.SMSC_DEL_RECEIPT.containedIn(deliverSm.getEsmClass())) {
                        receipts.incrementAndGet();
                    }
                }

                @Override
                public void onAcceptAlertNotification(AlertNotification alertNotification) {
                }

                @Override
                public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
                    throw new ProcessRequestException("data_sm not supported", 3);
                }
            });
            session.connectAndBind("127.0.0.1", smsc.port(), new BindParameter(BindType.BIND_TRX, "bench", "secret",
                    "", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), 5000);
            byte[] text = TEXT.getBytes(StandardCharsets.US_ASCII);
            AtomicLong submitted = new AtomicLong();
            Senders senders = new Senders(window, i -> {
                try {
                    session.submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, "Accord",
                            TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, TO_E164.substring(1),
                            new ESMClass(0), (byte) 0, (byte) 0, null, null,
                            new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0,
                            new RawDataCoding((byte) 0), (byte) 0, text);
                    submitted.incrementAndGet();
                } catch (Exception e) {
                    failures.incrementAndGet();
                }
            });
            try {
                return measure("(a) raw jSMPP", window, submitted::get, receipts::get, failures::get, smsc);
            } finally {
                senders.stop();
                session.unbindAndClose();
            }
        }
    }

    // ---------------------------------------------------------------- (b) Accord's connector

    private Result carrier(int threads) throws Exception {
        try (SmscSimulator smsc = simulator()) {
            AtomicLong reports = new AtomicLong();
            AtomicLong failures = new AtomicLong();
            AtomicLong sent = new AtomicLong();
            AtomicLong duplicates = new AtomicLong();
            java.util.Set<String> reported = java.util.concurrent.ConcurrentHashMap.newKeySet();
            SmppSettings settings = new SmppSettings("bench", "127.0.0.1", smsc.port(), "bench", "secret", "",
                    "Accord", 5, 0, 1, 1, window, 10_000, 0, 30_000, 10_000, 5000, 100, 1000, 16707, true,
                    2_000_000, 100_000);
            SmppCarrier carrier = new SmppCarrier(settings, Instant::now);
            carrier.inboundBound(new CarrierInbound() {
                @Override
                public void received(InboundSms message) {
                }

                @Override
                public void reported(DeliveryReport report) {
                    reports.incrementAndGet();
                    if (!reported.add(report.messageId())) {
                        duplicates.incrementAndGet();
                    }
                }
            });
            carrier.start();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!carrier.isAvailable()) {
                if (System.nanoTime() > end) {
                    throw new IllegalStateException("carrier not bound within 10 s");
                }
                Thread.sleep(5);
            }
            AtomicLong ids = new AtomicLong();
            Senders senders = new Senders(threads, i -> {
                try {
                    carrier.send(new OutboundSms("m-" + ids.incrementAndGet(), TO_E164, TEXT, null, 0));
                    sent.incrementAndGet();
                } catch (CarrierException e) {
                    failures.incrementAndGet();
                }
            });
            try {
                Result r = measure("(b) SmppCarrier", threads, sent::get, reports::get, failures::get, smsc);
                senders.stop();
                // every message sent has exactly one report once the receipts in flight are in
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (reported.size() < sent.get() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                System.out.printf("  after the run: %d sent, %d reported, %d missing, %d duplicate reports%n",
                        sent.get(), reported.size(), sent.get() - reported.size(), duplicates.get());
                return r;
            } finally {
                senders.stop();
                carrier.close();
            }
        }
    }

    // ---------------------------------------------------------------- common

    private SmscSimulator simulator() throws IOException {
        SmscSimulator smsc = new SmscSimulator(SmscSimulator.freePort(), receiptSenders);
        smsc.keepSubmits(false);
        return smsc;
    }

    private Result measure(String name, int threads, LongSupplier submits, LongSupplier receipts,
            LongSupplier failures, SmscSimulator smsc) throws InterruptedException {
        System.out.printf("%s, %d threads: warm-up %d s ...%n", name, threads, warmupS);
        Thread.sleep(TimeUnit.SECONDS.toMillis(warmupS));
        long s0 = submits.getAsLong();
        long r0 = receipts.getAsLong();
        long f0 = failures.getAsLong();
        long c0 = os.getProcessCpuTime();
        long x0 = smsc.receiptsRefused();
        long t0 = System.nanoTime();
        Thread.sleep(TimeUnit.SECONDS.toMillis(durationS));
        long s1 = submits.getAsLong();
        long r1 = receipts.getAsLong();
        long f1 = failures.getAsLong();
        long c1 = os.getProcessCpuTime();
        double seconds = (System.nanoTime() - t0) / 1e9;
        Result r = new Result(name, threads, (s1 - s0) / seconds, (r1 - r0) / seconds, f1 - f0,
                (c1 - c0) / 1e3 / Math.max(1, s1 - s0));
        System.out.printf("  %,.0f submit_sm/s, %,.0f receipts/s, %d failed, %.0f CPU µs per submit_sm, %d receipts "
                + "refused by the ESME (throttled) and %d queued at the SMSC, load average %.1f%n", r.submitsPerS,
                r.receiptsPerS, r.failures, r.cpuMicrosPerSubmit, smsc.receiptsRefused() - x0, smsc.receiptsWaiting(),
                os.getSystemLoadAverage());
        return r;
    }

    private static int[] threadCounts(String property, int window) {
        if (property == null || property.isBlank()) {
            return new int[] {Math.max(1, window / 2), window, window * 2};
        }
        return Arrays.stream(property.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
    }

    /** Threads calling one action in a loop until stopped. */
    private static final class Senders {
        private final List<Thread> threads = new ArrayList<>();
        private volatile boolean stopped;

        Senders(int count, java.util.function.IntConsumer action) {
            for (int i = 0; i < count; i++) {
                int n = i;
                Thread t = new Thread(() -> {
                    while (!stopped) {
                        action.accept(n);
                    }
                }, "bench-sender-" + i);
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
        }

        void stop() throws InterruptedException {
            stopped = true;
            for (Thread t : threads) {
                t.join(15_000);
            }
        }
    }
}
