package org.accordpay.bench.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The durable-commit ceiling of the database server: {@code threads} connections each inserting one row
 * per autocommitted statement into a scratch table, as fast as they can, for {@code seconds}.
 */
final class CommitCeiling {

    private CommitCeiling() {
    }

    /** @return committed single-row inserts per second */
    static double measure(String url, String user, String password, int threads, int seconds) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS commit_ceiling (id BIGINT AUTO_INCREMENT PRIMARY KEY,"
                    + " thread INT NOT NULL, payload VARCHAR(64) NOT NULL) ENGINE=InnoDB");
        }
        AtomicBoolean running = new AtomicBoolean(true);
        LongAdder commits = new LongAdder();
        List<Thread> workers = new ArrayList<>();
        List<Exception> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread w = new Thread(() -> {
                try (Connection c = DriverManager.getConnection(url, user, password);
                        PreparedStatement insert = c.prepareStatement(
                                "INSERT INTO commit_ceiling (thread, payload) VALUES (?, ?)")) {
                    c.setAutoCommit(true);
                    while (running.get()) {
                        insert.setInt(1, thread);
                        insert.setString(2, "pur_0123456789abcdef0123456789");
                        insert.executeUpdate();
                        commits.increment();
                    }
                } catch (Exception e) {
                    failures.add(e);
                }
            }, "ceiling-" + t);
            workers.add(w);
            w.start();
        }
        TimeUnit.SECONDS.sleep(1); // connections open, warm
        long start = System.nanoTime();
        long before = commits.sum();
        TimeUnit.SECONDS.sleep(seconds);
        long done = commits.sum() - before;
        double elapsed = (System.nanoTime() - start) / 1e9;
        running.set(false);
        for (Thread w : workers) {
            w.join();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        return done / elapsed;
    }
}
