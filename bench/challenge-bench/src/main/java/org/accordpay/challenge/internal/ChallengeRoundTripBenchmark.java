package org.accordpay.challenge.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.accordpay.api.challenge.dto.ChallengeRequest;
import org.accordpay.api.challenge.dto.IssuedChallenge;
import org.accordpay.api.challenge.dto.Outcome;
import org.accordpay.api.purchase.Mode;
import org.accordpay.crypto.Argon2idParams;
import org.accordpay.crypto.Randomness;
import org.accordpay.handset.HandsetAgent;
import org.accordpay.store.internal.JpaStore;
import org.accordpay.store.internal.StoreSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One challenge round trip on one thread: the engine issues a challenge (table decrypted, cell
 * deleted, used-cell log, challenge row, audit), the reference handset answers it, the engine
 * verifies it (HPKE open, signature, MAC, credential lock, state change). Store on H2 (file) or
 * MariaDB (127.0.0.1:3306, a fresh database). The handset uses the test-only Argon2id cost so
 * the number is the server's; see HandsetBenchmark for the unlock cost.
 * Lives in the engine's package because the engine is not exported outside OSGi.
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(1)
@Threads(1)
public class ChallengeRoundTripBenchmark {

    private static final char[] PIN = "493817".toCharArray();
    private static final int CUSTOMERS = 100;

    @Param({"h2", "mariadb"})
    public String database;

    private Path dir;
    private JpaStore store;
    private ChallengeEngineImpl engine;
    private final List<HandsetAgent> phones = new ArrayList<>();
    private String mariaDbName;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("accord-bench");
        String url;
        if (database.equals("h2")) {
            url = "jdbc:h2:" + dir.resolve("db");
        } else {
            mariaDbName = "accord_bench_" + Long.toHexString(System.nanoTime());
            try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "root", "");
                 Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + mariaDbName);
            }
            url = "jdbc:mariadb://127.0.0.1:3306/" + mariaDbName;
        }
        java.time.Clock clock = java.time.Clock.systemUTC();
        store = JpaStore.open(StoreSettings.of(url, database.equals("h2") ? "sa" : "root", "", 4, 1),
                JpaStore.class.getClassLoader(), clock);
        FileKeyCustody custody = FileKeyCustody.open(dir.resolve("accord-keys.p12"), new char[0]);
        org.accordpay.api.time.AccordClock accordClock = new org.accordpay.api.time.AccordClock() {
            @Override
            public java.time.Instant now() {
                return clock.instant();
            }

            @Override
            public java.time.Clock asClock() {
                return clock;
            }
        };
        engine = new ChallengeEngineImpl(store, accordClock, custody, () -> { }, new ChallengePolicy(
                Duration.ofMinutes(3), 1024, 1_000_000, 1_000_000, 5, 10, Duration.ofDays(30),
                Argon2idParams.TEST_ONLY));
        for (int i = 0; i < CUSTOMERS; i++) {
            HandsetAgent phone = HandsetAgent.create(dir.resolve("phone-" + i), clock);
            phone.enrol(engine.enrol("bench_" + i, phone.enrolmentRequest(Randomness.bytes(16))).packageBytes(),
                    PIN);
            phones.add(phone);
        }
    }

    @Benchmark
    public Outcome issueAndAnswer() throws Exception {
        int customer = next++ % CUSTOMERS;
        IssuedChallenge challenge = engine.issue(new ChallengeRequest("bench_" + customer, "pur_" + next, 4999,
                "EUR", "mer_bench", "Bench Shop", Mode.TEST));
        HandsetAgent phone = phones.get(customer);
        phone.show(challenge.sealedMessage());
        Outcome outcome = engine.answer(phone.approve(PIN)).outcome();
        if (outcome != Outcome.APPROVED) {
            throw new IllegalStateException("round trip failed: " + outcome);
        }
        return outcome;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        store.close();
        if (mariaDbName != null) {
            try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "root", "");
                 Statement s = c.createStatement()) {
                s.execute("DROP DATABASE " + mariaDbName);
            }
        }
    }
}
