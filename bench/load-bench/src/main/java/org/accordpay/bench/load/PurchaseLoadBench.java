package org.accordpay.bench.load;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Complete purchases against a running distribution over the merchant API: C virtual merchant clients,
 * each in a loop POST /v1/purchases, wait for the {@code purchase.in_escrow} webhook (the loopback carrier's
 * simulated handset approves, the ledger bank settles the debit), POST ship with the loopback courier
 * (configured {@code auto.deliver = true}: the courier reports delivery through Accord's CourierEvents as
 * soon as it is asked to watch the shipment), wait for {@code purchase.settled}. Same run: the database's
 * durable-commit ceiling at C connections and MariaDB's counters over the measured window.
 * Started by bench/load-bench/run.sh, which prepares the distribution; see the README.
 */
public final class PurchaseLoadBench {

    private static final String[] ESCROW_OR_LATER = {"purchase.in_escrow"};
    private static final Set<String> FAILED = Set.of("declined", "expired", "locked", "debit_failed",
            "debit_returned", "cancelled", "refunded", "disputed");

    private final MerchantClient client;
    private final WebhookReceiver hooks;
    private final List<BenchSetup.Shopper> shoppers;
    private final boolean poll;
    private final long pollMillis;
    private final long timeoutNanos;
    private final LongAdder polls = new LongAdder();

    private PurchaseLoadBench(MerchantClient client, WebhookReceiver hooks, List<BenchSetup.Shopper> shoppers,
            boolean poll, long pollMillis, long timeoutSeconds) {
        this.client = client;
        this.hooks = hooks;
        this.shoppers = shoppers;
        this.poll = poll;
        this.pollMillis = pollMillis;
        this.timeoutNanos = TimeUnit.SECONDS.toNanos(timeoutSeconds);
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(required("accord.home"));
        URI api = URI.create(System.getProperty("api.url", "https://127.0.0.1:8181/"));
        String dbUrl = System.getProperty("db.url", "jdbc:mariadb://127.0.0.1:3306/accord_load_scratch");
        String dbUser = System.getProperty("db.user", "root");
        String dbPassword = System.getProperty("db.password", "");
        List<Integer> levels = new ArrayList<>();
        for (String c : System.getProperty("concurrency", "8,32").split(",")) {
            levels.add(Integer.parseInt(c.trim()));
        }
        int duration = Integer.getInteger("duration", 30);
        int warmup = Integer.getInteger("warmup", 5);
        int ceilingSeconds = Integer.getInteger("ceiling.seconds", 10);
        int shopperCount = Integer.getInteger("shoppers", levels.stream().mapToInt(Integer::intValue).max().orElse(8));
        boolean poll = "poll".equals(System.getProperty("wait", "webhook"));
        String jfrRound = System.getProperty("jfr.round", "");
        String pid = System.getProperty("accord.pid", "");

        MerchantClient client = new MerchantClient(api);
        OperatorShell shell = new OperatorShell(home);
        BenchSetup setup = new BenchSetup(shell);
        long t0 = System.nanoTime();
        String merchant = setup.merchant(client);
        List<BenchSetup.Shopper> shoppers = setup.shoppers(shopperCount);
        System.out.printf("setup: merchant %s, %d shoppers enrolled and funded in %.1f s%n", merchant,
                shoppers.size(), (System.nanoTime() - t0) / 1e9);

        try (WebhookReceiver hooks = new WebhookReceiver(Integer.getInteger("hook.port", 0))) {
            MerchantClient.Answer endpoint = client.post("/v1/webhook-endpoints",
                    "{\"url\":\"http://127.0.0.1:" + hooks.port() + "/hooks\"}");
            if (endpoint.status() != 201) {
                throw new IllegalStateException("webhook endpoint refused: " + endpoint.status() + " " + endpoint.body());
            }
            System.out.println("webhook endpoint " + MerchantClient.field(endpoint.body(), "id") + " -> http://127.0.0.1:"
                    + hooks.port() + "/hooks (registered over POST /v1/webhook-endpoints)");
            PurchaseLoadBench bench = new PurchaseLoadBench(client, hooks, shoppers, poll,
                    Long.getLong("poll.ms", 50), Long.getLong("timeout.seconds", 60));
            ServerStatus status = new ServerStatus(dbUrl, dbUser, dbPassword);
            bench.warm();
            for (int c : levels) {
                double ceiling = CommitCeiling.measure(dbUrl, dbUser, dbPassword, c, ceilingSeconds);
                Map<String, Long> idleBefore = status.read();
                TimeUnit.SECONDS.sleep(3);
                Map<String, Long> idle = ServerStatus.delta(idleBefore, status.read());
                boolean profile = jfrRound.equals(String.valueOf(c)) && !pid.isEmpty();
                bench.round(c, warmup, duration, ceiling, idle, status, profile ? pid : null,
                        System.getProperty("jfr.file", "load-" + c + ".jfr"));
            }
        }
        System.exit(0); // the JDK HttpClient's threads would keep the JVM alive
    }

    /** A few purchases one at a time: JIT, connections, first-use paths. */
    private void warm() throws Exception {
        long start = System.nanoTime();
        Map<String, Latencies> steps = newSteps();
        int done = 0;
        for (int i = 0; i < Math.min(5, shoppers.size()); i++) {
            if (purchase(shoppers.get(i), steps, new Errors())) {
                done++;
            }
        }
        System.out.printf("warm-up: %d of 5 sequential purchases settled in %.1f s%n", done,
                (System.nanoTime() - start) / 1e9);
        hooks.drainLag();
    }

    /** CPU of Accord's JVM, MariaDB and this generator over the window, per purchase, and the ceiling it implies. */
    private static void printCpu(java.time.Duration[] before, java.time.Duration[] after, double elapsed,
            long purchases) {
        String[] names = {"Accord JVM (with the simulated handsets)", "MariaDB server", "load generator (this JVM)"};
        StringBuilder line = new StringBuilder("CPU during the window, core-seconds and ms per purchase:");
        double total = 0;
        for (int i = 0; i < names.length; i++) {
            if (before[i].isNegative() || after[i].isNegative()) {
                line.append(String.format("%n  %-42s unknown", names[i]));
                continue;
            }
            double seconds = after[i].minus(before[i]).toNanos() / 1e9;
            total += seconds;
            line.append(String.format("%n  %-42s %6.1f core-s = %6.2f ms per purchase", names[i], seconds,
                    seconds * 1000 / purchases));
        }
        int cores = Runtime.getRuntime().availableProcessors();
        line.append(String.format("%n  %-42s %6.1f core-s = %6.2f ms per purchase (%.0f%% of %d cores); at this cost"
                + " %d cores allow at most %.0f purchases/s", "all three", total, total * 1000 / purchases,
                100 * total / elapsed / cores, cores, cores, cores * purchases / total));
        System.out.println(line);
    }

    private void round(int c, int warmup, int duration, double ceiling, Map<String, Long> idle, ServerStatus status,
            String jfrPid, String jfrFile) throws Exception {
        Map<String, Latencies> steps = newSteps();
        Errors errors = new Errors();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicBoolean measuring = new AtomicBoolean(false);
        LongAdder completed = new LongAdder();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < c; i++) {
            int index = i;
            Thread t = new Thread(() -> {
                int n = 0;
                while (running.get()) {
                    // each client has its own shoppers: one open challenge per customer at a time
                    BenchSetup.Shopper shopper = shoppers.get((index + c * n++) % shoppers.size());
                    try {
                        boolean counted = measuring.get();
                        if (purchase(shopper, counted ? steps : null, errors) && counted && measuring.get()) {
                            completed.increment();
                        }
                    } catch (Exception e) {
                        errors.add("exception " + e.getClass().getSimpleName());
                    }
                }
            }, "merchant-client-" + i);
            clients.add(t);
            t.start();
        }
        TimeUnit.SECONDS.sleep(warmup);
        hooks.drainLag();
        Map<String, Long> before = status.read();
        double loadBefore = loadAverage();
        if (jfrPid != null) {
            jcmd(jfrPid, "JFR.start", "name=load", "settings=profile", "filename=" + jfrFile);
        }
        String accordPid = System.getProperty("accord.pid", "");
        java.time.Duration[] cpuBefore = {ProcessCpu.of(accordPid), ProcessCpu.mariadb(), ProcessCpu.self()};
        long start = System.nanoTime();
        measuring.set(true);
        long hooksBefore = hooks.received();
        long pollsBefore = polls.sum();
        TimeUnit.SECONDS.sleep(duration);
        measuring.set(false);
        double elapsed = (System.nanoTime() - start) / 1e9;
        java.time.Duration[] cpuAfter = {ProcessCpu.of(accordPid), ProcessCpu.mariadb(), ProcessCpu.self()};
        Map<String, Long> after = status.read();
        long hooksDuring = hooks.received() - hooksBefore;
        long pollsDuring = polls.sum() - pollsBefore;
        if (jfrPid != null) {
            jcmd(jfrPid, "JFR.stop", "name=load");
        }
        double loadAfter = loadAverage();
        Map<String, Latencies> lag = hooks.drainLag();
        running.set(false);
        for (Thread t : clients) {
            t.join(TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + 10_000);
        }
        Map<String, Long> d = ServerStatus.delta(before, after);
        long purchases = completed.sum();
        System.out.printf("%n=== C = %d, %d s measured after %d s warm-up, load average %.2f -> %.2f (2 cores)%n", c,
                duration, warmup, loadBefore, loadAfter);
        System.out.printf("complete purchases: %d = %.1f /s (target 1,000/s)%n", purchases, purchases / elapsed);
        System.out.println("errors/timeouts: " + errors);
        System.out.printf("waiting by %s; GET /v1/purchases/{id} polls in the window: %d (%.1f per purchase)%n",
                poll ? "webhook or GET every " + pollMillis + " ms" : "webhook only", pollsDuring,
                purchases == 0 ? 0.0 : pollsDuring / (double) purchases);
        System.out.println("per step (purchases settled inside the window):");
        steps.forEach((name, l) -> System.out.printf("  %-36s %s%n", name, l.summary()));
        System.out.println("webhook lag, event's own time -> received by the merchant:");
        lag.forEach((type, l) -> System.out.printf("  %-32s %s%n", type, l.summary()));
        System.out.printf("webhook deliveries received in the window: %d = %.1f /s%n", hooksDuring,
                hooksDuring / elapsed);
        System.out.printf("durable-commit ceiling (autocommit single-row INSERT, %d connections): %.0f /s%n", c, ceiling);
        System.out.printf("MariaDB while idle (3 s before, other clients of the server): Com_commit %.1f/s,"
                + " Questions %.1f/s%n", idle.get("Com_commit") / 3.0, idle.get("Questions") / 3.0);
        System.out.printf("MariaDB during the window: Com_commit %.0f/s (%.2f x ceiling), Handler_commit %.0f/s,"
                + " Questions %.0f/s, insert %.0f/s, update %.0f/s, delete %.0f/s, select %.0f/s,"
                + " data fsyncs %.0f/s%n", d.get("Com_commit") / elapsed, d.get("Com_commit") / elapsed / ceiling,
                d.get("Handler_commit") / elapsed, d.get("Questions") / elapsed, d.get("Com_insert") / elapsed,
                d.get("Com_update") / elapsed, d.get("Com_delete") / elapsed, d.get("Com_select") / elapsed,
                d.get("Innodb_data_fsyncs") / elapsed);
        if (purchases > 0) {
            System.out.printf("per complete purchase: %.1f transactions (Com_commit), %.1f statements (Questions),"
                    + " %.1f INSERT, %.1f UPDATE, %.1f DELETE, %.1f SELECT, %.1f data fsyncs%n",
                    d.get("Com_commit") / (double) purchases, d.get("Questions") / (double) purchases,
                    d.get("Com_insert") / (double) purchases, d.get("Com_update") / (double) purchases,
                    d.get("Com_delete") / (double) purchases, d.get("Com_select") / (double) purchases,
                    d.get("Innodb_data_fsyncs") / (double) purchases);
        }
        if (purchases > 0) {
            // Accord's pollers (outbox, sweeps, webhooks) commit even when idle: the idle rate, taken with Accord
            // running and no load, is subtracted once for the window
            double idleCommits = idle.get("Com_commit") / 3.0 * elapsed;
            double idleQuestions = idle.get("Questions") / 3.0 * elapsed;
            System.out.printf("per complete purchase, net of the idle rate: %.1f transactions, %.1f statements%n",
                    (d.get("Com_commit") - idleCommits) / purchases, (d.get("Questions") - idleQuestions) / purchases);
        }
        if (purchases > 0) {
            printCpu(cpuBefore, cpuAfter, elapsed, purchases);
        }
        if (jfrPid != null) {
            System.out.println("JFR recording of the window: " + jfrFile);
        }
        System.out.println("MariaDB raw deltas: " + d);
        // let what is still in flight settle before the next round
        TimeUnit.SECONDS.sleep(2);
    }

    /** One complete purchase. @return true when it settled */
    private boolean purchase(BenchSetup.Shopper shopper, Map<String, Latencies> steps, Errors errors)
            throws Exception {
        long t0 = System.nanoTime();
        String order = "load-" + Long.toHexString(t0) + "-" + Thread.currentThread().getId();
        MerchantClient.Answer created = client.post("/v1/purchases", "{\"customer\":{\"phone\":\"" + shopper.phone()
                + "\",\"country\":\"FR\"},\"items\":[{\"name\":\"Blue mug\",\"unit_price\":1250,\"quantity\":2}],"
                + "\"currency\":\"EUR\",\"merchant_order_ref\":\"" + order + "\"}");
        long t1 = System.nanoTime();
        if (created.status() != 201) {
            errors.add("create " + created.status() + " " + MerchantClient.field(created.body(), "code"));
            if (created.status() == 429 || created.status() == 409) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
            return false;
        }
        String id = MerchantClient.field(created.body(), "id");
        PurchaseTrace trace = hooks.trace(id);
        try {
            long escrow = trace.await(timeoutNanos, pollMillis, poll ? () -> stateIs(id, "in_escrow", errors) : null,
                    ESCROW_OR_LATER);
            if (escrow < 0) {
                errors.add("no in_escrow within timeout");
                return false;
            }
            long t2 = System.nanoTime();
            MerchantClient.Answer shipped = client.post("/v1/purchases/" + id + "/ship",
                    "{\"courier\":\"loopback-courier\",\"tracking_ref\":\"TRK-" + id + "\"}");
            long t3 = System.nanoTime();
            if (shipped.status() != 200) {
                errors.add("ship " + shipped.status() + " " + MerchantClient.field(shipped.body(), "code"));
                return false;
            }
            long settled = trace.await(timeoutNanos, pollMillis, poll ? () -> stateIs(id, "settled", errors) : null,
                    "purchase.settled");
            if (settled < 0) {
                errors.add("no settled within timeout");
                return false;
            }
            if (steps != null) {
                // "seen": the webhook, or with wait=poll whichever of webhook and GET came first
                steps.get("create  POST /v1/purchases").add((t1 - t0) / 1000);
                steps.get("created -> in_escrow seen").add((escrow - t1) / 1000);
                steps.get("ship    POST /v1/purchases/{id}/ship").add((t3 - t2) / 1000);
                steps.get("shipped -> settled seen").add((settled - t3) / 1000);
                Long delivered = trace.arrival("purchase.delivered");
                Long settledHook = trace.arrival("purchase.settled");
                if (delivered != null && settledHook != null) {
                    steps.get("  shipped -> delivered webhook").add((delivered - t3) / 1000);
                    steps.get("  delivered -> settled webhook").add((settledHook - delivered) / 1000);
                }
                steps.get("whole purchase (merchant's view)").add((System.nanoTime() - t0) / 1000);
            }
            return true;
        } finally {
            hooks.forget(id);
        }
    }

    private boolean stateIs(String id, String wanted, Errors errors) throws Exception {
        polls.increment();
        MerchantClient.Answer a = client.get("/v1/purchases/" + id);
        String state = MerchantClient.field(a.body(), "state");
        if (state != null && FAILED.contains(state)) {
            errors.add("purchase " + state);
            throw new IllegalStateException(id + " " + state);
        }
        return wanted.equals(state) || ("in_escrow".equals(wanted) && state != null && !"challenged".equals(state)
                && !"requested".equals(state) && !"approved".equals(state) && !"debit_pending".equals(state));
    }

    private static Map<String, Latencies> newSteps() {
        Map<String, Latencies> steps = new LinkedHashMap<>();
        for (String s : List.of("create  POST /v1/purchases", "created -> in_escrow seen",
                "ship    POST /v1/purchases/{id}/ship", "shipped -> settled seen", "  shipped -> delivered webhook",
                "  delivered -> settled webhook", "whole purchase (merchant's view)")) {
            steps.put(s, new Latencies());
        }
        return steps;
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void jcmd(String pid, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("jcmd", pid));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        System.out.println("jcmd " + String.join(" ", args) + ": " + out.strip().replace('\n', ' '));
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalArgumentException("-D" + name + " is required");
        }
        return value;
    }

    /** Counts of failed purchases by reason. */
    static final class Errors {
        private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

        void add(String reason) {
            counts.computeIfAbsent(reason, r -> new LongAdder()).increment();
        }

        @Override
        public String toString() {
            if (counts.isEmpty()) {
                return "none";
            }
            StringBuilder s = new StringBuilder();
            counts.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append(": ").append(v.sum()));
            return s.toString();
        }
    }

}
