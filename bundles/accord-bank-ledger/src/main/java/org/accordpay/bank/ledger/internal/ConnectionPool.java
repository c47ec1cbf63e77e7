package org.accordpay.bank.ledger.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Properties;

/**
 * A small pool of JDBC connections to the bank's own database. Connections come straight from
 * the driver class (no DriverManager, no thread context class loader); a driver is touched
 * only in the branch that needs it, so a missing optional driver bundle fails only its URLs.
 * Connections are handed out with auto-commit off and READ COMMITTED isolation.
 */
final class ConnectionPool implements AutoCloseable {

    private static final long BORROW_TIMEOUT_MS = 30_000;

    private final LedgerSettings settings;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private int open;
    private boolean closed;

    ConnectionPool(LedgerSettings settings) {
        this.settings = settings;
    }

    /** @return a connection for one transaction; give it back with {@link #release} */
    Connection borrow() throws SQLException {
        long deadline = System.nanoTime() + BORROW_TIMEOUT_MS * 1_000_000L;
        synchronized (this) {
            while (true) {
                if (closed) {
                    throw new SQLException("ledger bank database closed");
                }
                Connection c = idle.pollFirst();
                if (c != null) {
                    if (valid(c)) {
                        return c;
                    }
                    open--;
                    quietClose(c);
                    continue;
                }
                if (open < settings.poolSize()) {
                    open++;
                    break;
                }
                long waitMs = (deadline - System.nanoTime()) / 1_000_000L;
                if (waitMs <= 0) {
                    throw new SQLException("no ledger bank database connection free after " + BORROW_TIMEOUT_MS + " ms");
                }
                try {
                    wait(waitMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("interrupted waiting for a connection", e);
                }
            }
        }
        try {
            Connection c = connect();
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            return c;
        } catch (SQLException | RuntimeException | LinkageError e) {
            synchronized (this) {
                open--;
                notifyAll();
            }
            throw e instanceof SQLException s ? s : new SQLException(e.toString(), e);
        }
    }

    /** Gives a connection back; a broken one is closed and replaced later. */
    void release(Connection c, boolean broken) {
        synchronized (this) {
            if (!broken && !closed) {
                idle.addFirst(c);
                notifyAll();
                return;
            }
            open--;
            notifyAll();
        }
        quietClose(c);
    }

    private static boolean valid(Connection c) {
        try {
            return !c.isClosed() && c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private Connection connect() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", settings.user());
        props.setProperty("password", settings.password());
        String url = settings.url();
        Connection c;
        if (url.startsWith("jdbc:h2:")) {
            c = H2.connect(url, props);
        } else if (settings.mariaDb()) {
            String mariaUrl = url.startsWith("jdbc:mysql:") ? "jdbc:mariadb:" + url.substring("jdbc:mysql:".length()) : url;
            props.setProperty("connectTimeout", "5000");
            c = MariaDb.connect(mariaUrl, props);
        } else {
            throw new SQLException("unsupported JDBC URL (only jdbc:h2: and jdbc:mariadb:): " + settings.safeUrl());
        }
        if (c == null) {
            throw new SQLException("driver refused URL " + settings.safeUrl());
        }
        return c;
    }

    @Override
    public void close() {
        Deque<Connection> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayDeque<>(idle);
            open -= idle.size();
            idle.clear();
            notifyAll();
        }
        toClose.forEach(ConnectionPool::quietClose);
    }

    private static void quietClose(Connection c) {
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
        } catch (SQLException ignored) {
            // closing anyway
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing more to do
        }
    }

    private static final class H2 {
        static Connection connect(String url, Properties props) throws SQLException {
            return new org.h2.Driver().connect(url, props);
        }
    }

    private static final class MariaDb {
        static Connection connect(String url, Properties props) throws SQLException {
            return new org.mariadb.jdbc.Driver().connect(url, props);
        }
    }
}
