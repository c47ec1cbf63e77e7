package org.accordpay.payments.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.accordpay.api.carrier.CarrierInbound;
import org.accordpay.api.carrier.dto.DeliveryReport;
import org.accordpay.api.carrier.dto.InboundSms;
import org.accordpay.api.carrier.dto.SmsPayload;
import org.accordpay.api.store.dto.OutboxMessage;
import org.accordpay.api.time.AccordClock;
import org.accordpay.api.carrier.CarrierConnector;
import org.accordpay.carrier.smpp.internal.BenchSmpp;
import org.accordpay.routing.internal.BenchRouting;
import org.accordpay.smsc.simulator.SmscSimulator;
import org.accordpay.store.internal.JpaStore;
import org.accordpay.store.internal.StoreSettings;

/**
 * SMPP benchmark (c): SMS rows already in the outbox (MariaDB) until each one's delivery receipt is
 * matched in the database: the outbox dispatcher's batches, routing, the SMPP connector, the SMSC
 * simulator's submit_sm_resp and receipt, the report thread's batches. Prints rows per second.
 *
 * <p>{@code java -cp bench/smpp-bench/target/smpp-bench.jar org.accordpay.payments.internal.OutboxToReceiptBench}
 * with {@code -Drows=} (default 30000), {@code -Dsenders=} (16), {@code -Dwindow=} (10) and
 * {@code -Durl= -Duser= -Dpassword=} (a fresh database is created on the MariaDB at 127.0.0.1:3306).
 */
public final class OutboxToReceiptBench {

    /** Distinct numbers the rows go to: about three messages per number, as a purchase sends. */
    private static final int NUMBERS = 10_000;

    private OutboxToReceiptBench() {
    }

    /** @return the CPU time of the local MariaDB server, or -1 s where the OS does not tell */
    private static java.time.Duration mariadbCpu() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/mariadbd") || c.endsWith("/mysqld")).orElse(false))
                .findFirst().flatMap(p -> p.info().totalCpuDuration()).orElse(java.time.Duration.ofSeconds(-1));
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("rows", 30_000);
        int senders = Integer.getInteger("senders", 16);
        int window = Integer.getInteger("window", 10);
        String server = System.getProperty("url", "jdbc:mariadb://127.0.0.1:3306/");
        String user = System.getProperty("user", "root");
        String password = System.getProperty("password", "");
        String db = "accord_bench_" + System.currentTimeMillis();
        try (Connection c = DriverManager.getConnection(server, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db);
        }
        AccordClock clock = new AccordClock() {
            @Override
            public Instant now() {
                return Instant.now();
            }

            @Override
            public Clock asClock() {
                return Clock.systemUTC();
            }
        };
        JpaStore store = JpaStore.open(StoreSettings.of(server + db, user, password, 2 * senders + 4, 1),
                OutboxToReceiptBench.class.getClassLoader(), Clock.systemUTC());
        byte[] payload = SmsPayload.text("Accord: paid 25.00 EUR at Librairie Duval").encode();
        Instant created = Instant.now();
        // 25 rows per transaction: enqueue flushes each row, and a flush checks every row of the transaction
        for (int i = 0; i < rows; i += 25) {
            int from = i;
            store.transact(tx -> {
                for (int j = from; j < Math.min(rows, from + 25); j++) {
                    tx.outbox().enqueue(new OutboxMessage(String.format("ntf-bench-%08d", j), PurchaseFlow.SMS,
                            String.format("phone:+336%08d", 10_000_000 + j % NUMBERS), null, payload, 0, created, created,
                            null));
                }
                return null;
            });
        }
        try (SmscSimulator smsc = new SmscSimulator(SmscSimulator.freePort(), 2)) {
            PaymentsSettings d = PaymentsSettings.defaults();
            PaymentsSettings settings = new PaymentsSettings(d.liveBankId(), d.testBankId(), d.receiptTimeout(),
                    d.smsHandovers(), senders, d.feeBasisPoints(), d.disputeWindow(), d.shipDeadline(),
                    d.merchantRatePerSecond());
            Connectors connectors = new Connectors();
            OutboxDispatcher dispatcher = new OutboxDispatcher(store, clock, connectors, settings);
            CarrierConnector carrier = BenchSmpp.start(smsc.port(), window, new CarrierInbound() {
                @Override
                public void received(InboundSms message) {
                }

                @Override
                public void reported(DeliveryReport report) {
                    dispatcher.reported(report);
                }
            });
            connectors.bindRouting(BenchRouting.of(carrier, clock));
            long bindDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!carrier.isAvailable() && System.nanoTime() < bindDeadline) {
                Thread.sleep(10);
            }
            Thread reports = new Thread(dispatcher::applyReportsUntilInterrupted, "bench-reports");
            Thread outbox = new Thread(dispatcher, "bench-outbox");
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            java.time.Duration mariadb0 = mariadbCpu();
            long start = System.nanoTime();
            reports.start();
            outbox.start();
            long left = rows;
            while (left > 0) {
                // the count costs CPU too: poll rarely while much is left, often near the end
                Thread.sleep(left > 2_000 ? 250 : 20);
                left = store.pendingWork().pendingOutbox();
            }
            long all = System.nanoTime() - start;
            long cpu = os.getProcessCpuTime() - cpu0;
            java.time.Duration mariadb = mariadbCpu().minus(mariadb0);
            dispatcher.stop();
            reports.interrupt();
            outbox.join(5000);
            reports.join(5000);
            BenchSmpp.close(carrier);
            System.out.printf("(c) outbox -> SMPP -> receipt matched in MariaDB: %d rows, %d senders, window %d%n",
                    rows, senders, window);
            System.out.printf("    receipts matched: %.0f rows/s (%.2f s) -- target >= 3,000/s%n", rows / (all / 1e9),
                    all / 1e9);
            System.out.printf("    CPU while measured: this JVM (Accord + SMSC simulator) %.1f core-s = %.0f us per row%s%n",
                    cpu / 1e9, cpu / 1e3 / rows, mariadb0.isNegative() ? ""
                    : String.format(", MariaDB server %.1f core-s = %.0f us per row", mariadb.toNanos() / 1e9,
                    mariadb.toNanos() / 1e3 / rows));
            if (Boolean.getBoolean("plancache")) {
                var f = JpaStore.class.getDeclaredField("emf");
                f.setAccessible(true);
                var sf = ((jakarta.persistence.EntityManagerFactory) f.get(store)).unwrap(org.hibernate.engine.spi.SessionFactoryImplementor.class);
                var st = sf.getStatistics();
                System.out.printf("PLANCACHE cached=%d hits=%d misses=%d%n", sf.getQueryEngine().getInterpretationCache().getNumberOfCachedHqlInterpretations(),
                        st.getQueryPlanCacheHitCount(), st.getQueryPlanCacheMissCount());
            }
        } finally {
            store.close();
            try (Connection c = DriverManager.getConnection(server, user, password); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE " + db);
            }
        }
    }
}
