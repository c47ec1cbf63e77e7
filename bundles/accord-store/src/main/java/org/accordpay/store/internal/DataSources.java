package org.accordpay.store.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Creates the driver's own {@link DataSource} by URL prefix (no DriverManager, no thread
 * context class loader) and pools it with HikariCP. The driver classes are touched only in
 * the branch that needs them, so a missing optional driver bundle fails only its own URLs.
 */
public final class DataSources {

    private DataSources() {
    }

    /** @return the unpooled driver data source for {@code settings.url()} */
    public static DataSource driverDataSource(StoreSettings settings) throws SQLException {
        String url = settings.url();
        if (url.startsWith("jdbc:h2:")) {
            return H2.create(settings);
        }
        if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
            return MariaDb.create(settings);
        }
        throw new SQLException("unsupported JDBC URL (only jdbc:h2: and jdbc:mariadb:): " + settings.safeUrl());
    }

    /** Opens and closes one connection; throws when the database cannot be reached. */
    public static void probe(DataSource driver) throws SQLException {
        try (Connection c = driver.getConnection()) {
            c.isValid(5);
        }
    }

    /** @return a pool over {@code driver} */
    public static HikariDataSource pool(DataSource driver, StoreSettings settings) {
        HikariConfig cfg = new HikariConfig();
        cfg.setPoolName("accord-store");
        cfg.setDataSource(driver);
        cfg.setMaximumPoolSize(settings.poolSize());
        cfg.setMinimumIdle(Math.min(2, settings.poolSize()));
        cfg.setAutoCommit(false);
        cfg.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        cfg.setConnectionTimeout(10_000);
        cfg.setInitializationFailTimeout(1);
        return new HikariDataSource(cfg);
    }

    private static final class H2 {
        static DataSource create(StoreSettings s) {
            org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
            ds.setURL(s.url());
            ds.setUser(s.user());
            ds.setPassword(s.password());
            return ds;
        }
    }

    private static final class MariaDb {
        static DataSource create(StoreSettings s) throws SQLException {
            String url = s.url().startsWith("jdbc:mysql:") ? "jdbc:mariadb:" + s.url().substring("jdbc:mysql:".length())
                    : s.url();
            org.mariadb.jdbc.MariaDbDataSource ds = new org.mariadb.jdbc.MariaDbDataSource(url);
            ds.setUser(s.user());
            ds.setPassword(s.password());
            ds.setLoginTimeout(5);
            return ds;
        }
    }
}
