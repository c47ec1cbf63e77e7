package org.accordpay.bank.ledger.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The bank's own database: the connection pool, the schema (created if absent, portable between
 * H2 and MariaDB) and one-transaction-per-call access.
 */
final class LedgerDatabase implements AutoCloseable {

    /** Work done in one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    static final String[] COUNTERS = {"instruction", "notification", "entry"};

    private final LedgerSettings settings;
    private final ConnectionPool pool;

    private LedgerDatabase(LedgerSettings settings) {
        this.settings = settings;
        this.pool = new ConnectionPool(settings);
    }

    /** Connects and creates the tables that are missing. */
    static LedgerDatabase open(LedgerSettings settings) throws SQLException {
        LedgerDatabase db = new LedgerDatabase(settings);
        try {
            db.createSchema();
            return db;
        } catch (SQLException | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    <T> T transact(Work<T> work) throws SQLException {
        Connection c = pool.borrow();
        boolean broken = false;
        try {
            T result = work.run(c);
            c.commit();
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            try {
                c.rollback();
            } catch (SQLException rollbackFailed) {
                broken = true;
                e.addSuppressed(rollbackFailed);
            }
            if (e instanceof SQLException s && isConnectionProblem(s)) {
                broken = true;
            }
            throw e;
        } finally {
            pool.release(c, broken);
        }
    }

    private void createSchema() throws SQLException {
        String ts = settings.mariaDb() ? "DATETIME(6)" : "TIMESTAMP(6)";
        // keys compare byte for byte on MariaDB too (its default collations ignore case)
        String table = settings.mariaDb() ? " ENGINE=InnoDB CHARACTER SET utf8mb4 COLLATE utf8mb4_bin" : "";
        List<String> ddl = List.of(
                "CREATE TABLE IF NOT EXISTS bank_account (iban VARCHAR(34) NOT NULL, currency CHAR(3) NOT NULL,"
                        + " holder VARCHAR(140) NOT NULL, kind VARCHAR(8) NOT NULL, status VARCHAR(8) NOT NULL,"
                        + " balance BIGINT NOT NULL, opened_at " + ts + " NOT NULL,"
                        + " PRIMARY KEY (iban, currency))" + table,
                "CREATE TABLE IF NOT EXISTS bank_entry (id BIGINT NOT NULL PRIMARY KEY, kind VARCHAR(8) NOT NULL,"
                        + " idempotency_key VARCHAR(191), booked_at " + ts + " NOT NULL)" + table,
                "CREATE TABLE IF NOT EXISTS bank_leg (entry_id BIGINT NOT NULL, leg_no INT NOT NULL,"
                        + " iban VARCHAR(34) NOT NULL, currency CHAR(3) NOT NULL, amount BIGINT NOT NULL,"
                        + " PRIMARY KEY (entry_id, leg_no))" + table,
                "CREATE TABLE IF NOT EXISTS bank_instruction (idempotency_key VARCHAR(191) NOT NULL PRIMARY KEY,"
                        + " seq BIGINT NOT NULL, operation VARCHAR(6) NOT NULL, counterparty_iban VARCHAR(34) NOT NULL,"
                        + " counterparty_holder VARCHAR(140), amount BIGINT NOT NULL, currency CHAR(3) NOT NULL,"
                        + " remittance VARCHAR(255), status VARCHAR(10) NOT NULL, reason VARCHAR(24),"
                        + " submitted_at " + ts + " NOT NULL, changed_at " + ts + " NOT NULL, due_at " + ts + ")" + table,
                "CREATE INDEX IF NOT EXISTS bank_instruction_status ON bank_instruction (status, seq)",
                "CREATE TABLE IF NOT EXISTS bank_notification (seq BIGINT NOT NULL PRIMARY KEY,"
                        + " idempotency_key VARCHAR(191) NOT NULL, status VARCHAR(10) NOT NULL, reason VARCHAR(24),"
                        + " changed_at " + ts + " NOT NULL, reported BOOLEAN NOT NULL)" + table,
                "CREATE INDEX IF NOT EXISTS bank_notification_unreported ON bank_notification (reported, seq)",
                "CREATE TABLE IF NOT EXISTS bank_counter (name VARCHAR(32) NOT NULL PRIMARY KEY,"
                        + " next_value BIGINT NOT NULL)" + table);
        transact(c -> {
            try (Statement st = c.createStatement()) {
                for (String sql : ddl) {
                    st.execute(sql);
                }
            }
            return null;
        });
        for (String counter : COUNTERS) {
            try {
                transact(c -> Books.createCounter(c, counter));
            } catch (SQLException e) {
                if (!isDuplicate(e)) {
                    throw e;
                }
            }
        }
    }

    /** @return true for a unique or primary key violation */
    static boolean isDuplicate(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLIntegrityConstraintViolationException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConnectionProblem(SQLException e) {
        String state = e.getSQLState();
        return e instanceof java.sql.SQLNonTransientConnectionException
                || e instanceof java.sql.SQLTransientConnectionException
                || (state != null && state.startsWith("08"));
    }

    @Override
    public void close() {
        pool.close();
    }
}
